import { Alert, Card, List, NativeSelect, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COLUMN_ROLES, type ColumnRole, type TextImportResult } from '../../api/import-text';

export type PickedColumns = Partial<Record<ColumnRole, string>>;

/** The column found for each role, as the pickers' starting values. */
export function detectedPicks(result: TextImportResult): PickedColumns {
  const out: PickedColumns = {};
  for (const role of COLUMN_ROLES) out[role] = String(result.detection.columns[role]?.index ?? '');
  return out;
}

/**
 * Which column holds what, with a picker per role (always shown, so a wrong guess can be corrected here rather
 * than with hand-written JSON), a warning when detection was unsure, and what the first three items will become.
 */
export function ImportColumns({
  result,
  picked,
  onPick,
}: {
  result: TextImportResult;
  picked: PickedColumns;
  onPick: (p: PickedColumns) => void;
}) {
  const { t } = useTranslation();
  const d = result.detection;
  const options = [
    { value: '', label: t('importText.notUsed') },
    ...d.sheetColumns.map((c) => ({
      value: String(c.index),
      label: `${c.letter}${c.header ? ` · ${c.header}` : ''}${c.sample ? ` (${c.sample.slice(0, 30)})` : ''}`,
    })),
  ];
  return (
    <Card withBorder data-testid="import-detection">
      <Title order={3} size="h5">
        {t('importText.detected')}
      </Title>
      <Text size="sm">
        {result.sheet} · {d.headerRow ? t('importText.headerRow', { row: d.headerRow }) : ''} ·{' '}
        {t('importText.encoding', { encoding: result.encoding })}
      </Text>
      {d.uncertain.length > 0 && (
        <Alert color="yellow" mt="xs" data-testid="import-uncertain" title={t('importText.uncertain')}>
          <List size="sm">
            {d.uncertain.map((u) => (
              <List.Item key={u.role}>
                {t(`importText.role.${u.role}`)}:{' '}
                {t(`importText.reason.${u.reason}`, { columns: u.candidates.join(', ') })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
        {COLUMN_ROLES.map((role) => (
          <NativeSelect
            key={role}
            label={t(`importText.role.${role}`)}
            data={options}
            value={picked[role] ?? ''}
            onChange={(e) => onPick({ ...picked, [role]: e.currentTarget.value })}
            data-testid={`import-column-${role}`}
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={4}>
        {t('importText.pickHint')}
      </Text>
      <Title order={4} size="h6" mt="sm">
        {t('importText.sample')}
      </Title>
      <Table data-testid="import-sample">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('importText.row')}</Table.Th>
            <Table.Th>ID</Table.Th>
            <Table.Th>{t('importText.itemTitle')}</Table.Th>
            <Table.Th>{t('importText.parentTitles')}</Table.Th>
            <Table.Th>{t('importText.itemText')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.sample.map((s) => (
            <Table.Tr key={s.row}>
              <Table.Td w={50}>{s.row}</Table.Td>
              <Table.Td className="mono" w={120}>
                {s.id}
              </Table.Td>
              <Table.Td>
                {s.titleAfter === s.titleBefore ? (
                  <Text size="sm" c="dimmed">
                    {t('importText.titleKept', { title: s.titleBefore ?? '—' })}
                  </Text>
                ) : (
                  <Text size="sm">
                    {s.titleBefore ?? '—'} → <b>{s.titleAfter}</b>
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {s.parents.map((p) => (
                  <Text size="xs" key={p.id}>
                    <span className="mono">{p.id}</span>: {p.titleAfter}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="xs" lineClamp={2}>
                  {s.text ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
