import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TextImportIssue } from '../../api/import-text';

/** The problems found, capped by the server: "showing 200 of 100,000", with a count per kind of problem. */
export function ImportIssues({
  issues,
  total,
  counts,
}: {
  issues: TextImportIssue[];
  total: number;
  counts: Record<string, number>;
}) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => x.toLocaleString(i18n.language);
  return (
    <Card withBorder data-testid="import-issues">
      <Title order={3} size="h5">
        {t('importText.issues')} ({n(total)})
      </Title>
      {total > issues.length && (
        <Text size="sm" data-testid="import-issues-showing">
          {t('importText.showing', { shown: n(issues.length), total: n(total) })}
        </Text>
      )}
      <Text size="sm" data-testid="import-issue-counts">
        {Object.entries(counts)
          .map(([code, c]) => `${t(`importText.code.${code}`, { defaultValue: code })} ${n(c)}`)
          .join(' · ')}
      </Text>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('importText.row')}</Table.Th>
            <Table.Th>{t('importText.column')}</Table.Th>
            <Table.Th>{t('importText.kind')}</Table.Th>
            <Table.Th>{t('importText.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((i, k) => (
            <Table.Tr key={k}>
              <Table.Td>{i.row ?? ''}</Table.Td>
              <Table.Td>{i.column ?? ''}</Table.Td>
              <Table.Td>{i.code ? t(`importText.code.${i.code}`, { defaultValue: i.code }) : ''}</Table.Td>
              <Table.Td c={i.severity === 'warning' ? undefined : 'red.9'}>{i.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
