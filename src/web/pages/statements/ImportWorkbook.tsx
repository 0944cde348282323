import { Alert, Button, FileInput, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useImportWorkbook, type WorkbookImportResult } from '../../api/statements';
import { ErrorAlert } from '../../components/status';

const shown = (v: unknown): string =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/**
 * Re-importing an edited workbook: the diff against the stored statement first (nothing written), then the user
 * confirms and it is applied in one transaction. Problems in the file come back with their sheet, row and column.
 */
export function ImportWorkbook({
  statementId,
  readOnly,
  needsReason,
}: {
  statementId: string;
  readOnly: boolean;
  needsReason: boolean;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [plan, setPlan] = useState<WorkbookImportResult | null>(null);
  const imp = useImportWorkbook(statementId);
  const changeReason = needsReason ? reason : undefined;
  const check = () => file && imp.mutate({ file, dryRun: true, changeReason }, { onSuccess: (r) => setPlan(r) });
  const apply = () => file && imp.mutate({ file, dryRun: false, changeReason }, { onSuccess: (r) => setPlan(r) });
  const d = plan?.diff;
  const changes = d ? d.items.flatMap((i) => i.changes.map((c) => ({ ...c, itemId: i.itemId, stale: i.stale }))) : [];
  return (
    <Stack maw={1100} data-testid="import-workbook">
      <Text size="sm">{t('importWorkbook.intro')}</Text>
      <Text size="sm">{t('statementSsp.importHint')}</Text>
      <Group align="flex-end" wrap="wrap">
        <FileInput
          label={t('importWorkbook.file')}
          aria-label={t('importWorkbook.file')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.json,application/json"
          value={file}
          onChange={(f) => {
            setFile(f);
            setPlan(null);
            imp.reset();
          }}
          w={320}
          clearable
          clearButtonProps={{ 'aria-label': t('importWorkbook.clear') }}
          data-testid="workbook-file"
        />
        {needsReason && (
          <TextInput
            label={t('statement.changeReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
        )}
        <Button
          onClick={check}
          disabled={!file || readOnly}
          loading={imp.isPending && !plan}
          data-testid="workbook-check"
        >
          {t('importWorkbook.check')}
        </Button>
      </Group>
      {imp.error && <ErrorAlert error={imp.error} />}
      {plan?.applied && (
        <Alert color="teal" role="status" data-testid="workbook-applied" classNames={{ title: 'alert-title' }}>
          {t('importWorkbook.applied', { count: plan.written })}{' '}
          <Link to={`/statements/${statementId}`}>{t('statement.editor')}</Link>
        </Alert>
      )}
      {d && !plan.applied && (
        <Stack gap="xs" data-testid="workbook-diff">
          {d.mismatch.length > 0 && (
            <Alert color="red" role="alert">
              {d.mismatch.map((m) => (
                <Text key={m} size="sm">
                  {t('importWorkbook.mismatch', { what: m })}
                </Text>
              ))}
            </Alert>
          )}
          <Text size="sm" fw={600}>
            {d.empty
              ? t('importWorkbook.noChanges')
              : t('importWorkbook.summary', { count: d.items.length, unchanged: d.unchangedItems })}
          </Text>
          {(d.unknownItems.length > 0 || d.missingItems.length > 0) && (
            <Text size="sm">
              {d.unknownItems.length > 0 && t('importWorkbook.unknown', { ids: d.unknownItems.join(', ') })}{' '}
              {d.missingItems.length > 0 && t('importWorkbook.missing', { count: d.missingItems.length })}
            </Text>
          )}
          {plan.ignored.length > 0 && (
            <Text size="sm">{t('importWorkbook.ignored', { fields: plan.ignored.join(', ') })}</Text>
          )}
          {(changes.length > 0 || d.header.length > 0) && (
            <Table.ScrollContainer minWidth={640} type="native">
              <Table withTableBorder data-testid="workbook-changes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('editor.id')}</Table.Th>
                    <Table.Th>{t('item.field')}</Table.Th>
                    <Table.Th>{t('item.revisionBefore')}</Table.Th>
                    <Table.Th>{t('item.revisionAfter')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.header.map((c) => (
                    <Table.Tr key={`h-${c.field}`}>
                      <Table.Td>{t('importWorkbook.header')}</Table.Td>
                      <Table.Td className="mono">{c.field}</Table.Td>
                      <Table.Td className="prose">{shown(c.before)}</Table.Td>
                      <Table.Td className="prose">{shown(c.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                  {changes.map((c) => (
                    <Table.Tr key={`${c.itemId}-${c.field}`} data-item={c.itemId}>
                      <Table.Td className="mono">
                        {c.itemId}
                        {c.stale ? ` (${t('importWorkbook.stale')})` : ''}
                      </Table.Td>
                      <Table.Td className="mono">{c.field}</Table.Td>
                      <Table.Td className="prose">{shown(c.before)}</Table.Td>
                      <Table.Td className="prose">{shown(c.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {!d.empty && d.mismatch.length === 0 && (
            <Group>
              <Button onClick={apply} loading={imp.isPending} disabled={readOnly} data-testid="workbook-apply">
                {t('importWorkbook.apply', { count: d.items.length + d.header.length })}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
