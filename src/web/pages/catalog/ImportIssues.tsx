import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TextImportIssue } from '../../api/import-text';
import { useIssueText } from '../../components/status';
import { TEXT_IMPORT_ISSUE_VARIANTS } from '../../../core/catalog/text-import-issues';

const variants: Record<string, { param: string }> = TEXT_IMPORT_ISSUE_VARIANTS;

/**
 * An import problem in the UI language, from its code and params: `importIssue.<code>`, or the variant for one
 * param (`importIssue.duplicate_id_first`); a problem reading the file itself (`source` 'table') says
 * `tableIssue.<code>`. Else `issue.<code>`, then the server's English sentence.
 */
export function useImportIssueText(source: 'rows' | 'table' = 'rows') {
  const { t, i18n } = useTranslation();
  const issueText = useIssueText();
  return (i: TextImportIssue) => {
    const params = i.params ?? {};
    const variant = i.code ? variants[i.code] : undefined;
    const keys =
      source === 'table'
        ? [`tableIssue.${i.code}`]
        : [...(variant ? [`importIssue.${i.code}_${String(params[variant.param])}`] : []), `importIssue.${i.code}`];
    const key = i.code ? keys.find((k) => i18n.exists(k)) : undefined;
    return key ? t(key, params) : issueText(i);
  };
}

/** The problems found, capped by the server: "showing 200 of 100,000", with a count per kind of problem. */
export function ImportIssues({
  issues,
  total,
  counts,
  source = 'rows',
}: {
  issues: TextImportIssue[];
  total: number;
  counts: Record<string, number>;
  /** 'table' when the file could not be read as a table at all (a 422 without `text_import_failed`). */
  source?: 'rows' | 'table';
}) {
  const { t, i18n } = useTranslation();
  const issueText = useImportIssueText(source);
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
              <Table.Td c={i.severity === 'warning' ? undefined : 'red.9'} data-testid="import-issue-message">
                {issueText(i)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
