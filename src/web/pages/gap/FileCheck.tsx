import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiIssue } from '../../api/client';
import type { GapDetection, GapUploadResult } from '../../api/gap';

const ROLES = ['id', 'title', 'applicable', 'implemented', 'justification', 'implementation', 'owner'] as const;

/**
 * An issue in the user's language: the gap-import template for its code, else the table reader's (a file that is
 * not a readable table), else the shared one, else the server's English sentence.
 */
export function useGapIssueText() {
  const { t, i18n } = useTranslation();
  return (i: ApiIssue) => {
    const key = i.code
      ? ['gapIssue', 'tableIssue', 'issue'].map((ns) => `${ns}.${i.code}`).find((k) => i18n.exists(k))
      : undefined;
    return key ? t(key, i.params ?? {}) : i.message;
  };
}

/** Where a problem is: the row and column of an SoA, or the JSON path into an SSP. */
export function IssueWhere({ issue }: { issue: ApiIssue }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (issue.sheet) parts.push(issue.sheet);
  if (issue.row !== undefined)
    parts.push(
      issue.column
        ? t('gap.rowColumn', { row: issue.row, column: issue.column })
        : t('gap.rowOnly', { row: issue.row }),
    );
  return (
    <>
      {parts.join(' · ')}
      {issue.path.length > 0 && (
        <Text span className="mono" size="xs" style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>
          {parts.length > 0 ? ' ' : ''}
          {issue.path.map(String).join('.')}
        </Text>
      )}
    </>
  );
}

/** Every problem of the dry run (or of a refused import), by row/column or JSON path, errors first. */
export function IssueTable({ issues, total }: { issues: readonly ApiIssue[]; total: number }) {
  const { t } = useTranslation();
  const text = useGapIssueText();
  const sorted = [...issues].sort((a, b) => (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1));
  return (
    <Stack gap="xs" data-testid="gap-issues">
      <Title order={3} size="h5">
        {t('gap.issuesTitle')}
      </Title>
      {total > issues.length && (
        <Text size="sm" data-testid="gap-issues-showing">
          {t('gap.issuesShowing', { shown: issues.length, total })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={360} type="native">
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('gap.where')}</Table.Th>
              <Table.Th>{t('gap.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((i, n) => (
              <Table.Tr key={n} data-code={i.code} data-severity={i.severity ?? 'error'}>
                <Table.Td>
                  <IssueWhere issue={i} />
                </Table.Td>
                <Table.Td>
                  <Text span size="sm" fw={700}>
                    {t(`gap.severity.${i.severity ?? 'error'}`)}:
                  </Text>{' '}
                  <Text span size="sm">
                    {text(i)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** What the reader found: an SoA's sheet, encoding and columns (and how each was found), or an SSP's revision. */
export function DetectionView({ result }: { result: GapUploadResult }) {
  const { t } = useTranslation();
  const d: GapDetection = result.detection;
  if (result.kind === 'ssp')
    return (
      <Stack gap={4} data-testid="gap-detection">
        {d.revision && (
          <Text size="sm">{t('gap.sspRevision', { revision: d.revision === 'rev4' ? 'Rev. 4' : 'Rev. 5' })}</Text>
        )}
        {d.profile?.href &&
          (d.profile.resolved ? (
            <Text size="sm">
              {t('gap.profile', { title: d.profile.title ?? d.profile.href, count: d.profile.controls })}
            </Text>
          ) : (
            <Text size="sm">{t('gap.profileUnresolved', { href: d.profile.href })}</Text>
          ))}
      </Stack>
    );
  const columns = d.columns ?? {};
  return (
    <Stack gap={4} data-testid="gap-detection">
      {d.sheet && <Text size="sm">{t('gap.sheetEncoding', { sheet: d.sheet, encoding: d.encoding ?? 'xlsx' })}</Text>}
      <Table.ScrollContainer minWidth={340} type="native">
        <Table withTableBorder data-testid="gap-columns">
          <Table.Caption>{t('gap.detectedColumns')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('gap.column')}</Table.Th>
              <Table.Th>{t('gap.header')}</Table.Th>
              <Table.Th>{t('gap.matchedByLabel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ROLES.filter((r) => columns[r]).map((r) => {
              const c = columns[r]!;
              return (
                <Table.Tr key={r} data-role={r}>
                  <Table.Td>
                    {t(`gap.role.${r}`)}: <span className="mono">{c.letter}</span>
                  </Table.Td>
                  <Table.Td>{c.header ?? t('gap.noHeader')}</Table.Td>
                  <Table.Td>{t(`gap.matchedBy.${c.matchedBy}`)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
