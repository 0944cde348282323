import { Alert, Button, Card, FileInput, Group, Stack, Table, Text, TextInput, Title, SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useCatalogs } from './CatalogList';

interface ImportResult {
  written: boolean;
  catalog: string;
  edition: string;
  createdEdition: boolean;
  editionNote?: string;
  derivedMappingSets?: { id: string; mappings: number }[];
  counts: Record<string, number>;
  encoding: string;
  sheet: string;
  detection: { headerRow: number | null; columns: Record<string, { letter: string; header?: string | null } | null>; explanation: string[]; preview: { row: number; id: string; title: string; text: string }[] };
  issues: Issue[];
}
interface Issue {
  message: string;
  row?: number;
  column?: string;
  file?: string;
  severity?: 'error' | 'warning';
}

/** Upload → dry-run report (detected columns, preview, every problem with its row) → confirm. */
export function ImportTextPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const catalogs = useCatalogs();
  const [file, setFile] = useState<File | null>(null);
  const [edition, setEdition] = useState('2024-07');
  const [lang, setLang] = useState('ja');
  const [columns, setColumns] = useState('');
  const [sheet, setSheet] = useState('');
  const send = (dryRun: boolean) => {
    const form = new FormData();
    form.set('file', file!);
    form.set('edition', edition);
    form.set('lang', lang);
    form.set('dryRun', String(dryRun));
    if (columns) form.set('columns', columns);
    if (sheet) form.set('sheet', sheet);
    return api<ImportResult>('POST', '/catalogs/ismap/import-text', form);
  };
  const check = useMutation({ mutationFn: () => send(true) });
  const commit = useMutation({ mutationFn: () => send(false), onSuccess: () => void qc.invalidateQueries() });
  const result = commit.data ?? check.data;
  const error = commit.error ?? check.error;
  const issues: Issue[] = error instanceof ApiError ? error.issues : (result?.issues ?? []);
  const editions = (catalogs.data?.editions ?? []).filter((e) => e.catalog === 'ismap').map((e) => e.edition);

  return (
    <Stack maw={1200}>
      <Title order={2}>{t('importText.title')}</Title>
      <Text size="sm">{t('importText.intro')}</Text>
      <Card withBorder>
        <Stack>
          <FileInput label={t('importText.file')} accept=".csv,.tsv,.txt,.xlsx" value={file} onChange={(f) => (setFile(f), check.reset(), commit.reset())} required clearable data-testid="import-file" />
          <Group align="flex-end">
            <TextInput label={t('importText.edition')} value={edition} onChange={(e) => setEdition(e.currentTarget.value)} list="ismap-editions" w={320} />
            <datalist id="ismap-editions">
              {editions.map((e) => (
                <option key={e} value={e} />
              ))}
            </datalist>
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('importText.lang')}
              </Text>
              <SegmentedControl value={lang} onChange={setLang} aria-label={t('importText.lang')} data={[{ value: 'ja', label: t('lang.ja') }, { value: 'en', label: t('lang.en') }]} />
            </div>
            <TextInput label={t('importText.sheet')} value={sheet} onChange={(e) => setSheet(e.currentTarget.value)} w={160} />
          </Group>
          <TextInput label={t('importText.columns')} value={columns} onChange={(e) => setColumns(e.currentTarget.value)} className="mono" />
          <Group>
            <Button onClick={() => (commit.reset(), check.mutate())} disabled={!file} loading={check.isPending}>
              {t('importText.check')}
            </Button>
            <Button color="green" onClick={() => commit.mutate()} disabled={!file || !check.data || check.data.issues.some((i) => i.severity !== 'warning') || !!commit.data} loading={commit.isPending}>
              {t('importText.confirm')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {error && (
        <Alert color="red" role="alert" data-testid="import-failed">
          {error instanceof ApiError && error.status === 422 ? t('importText.failed', { count: issues.filter((i) => i.severity !== 'warning').length }) : (error as Error).message}
        </Alert>
      )}
      {commit.data && (
        <Alert color="green" role="status" data-testid="import-done">
          {t('importText.done', { catalog: commit.data.catalog, edition: commit.data.edition })}
        </Alert>
      )}
      {check.data && !commit.data && !check.data.issues.some((i) => i.severity !== 'warning') && (
        <Alert color="blue" role="status" data-testid="import-ok">
          {t('importText.ok')}
        </Alert>
      )}
      {result?.createdEdition && (
        <Alert color="yellow" data-testid="import-edition-note">
          {t('importText.editionNote')}: {result.editionNote}
          {result.derivedMappingSets?.length ? ` — ${t('importText.derived', { sets: result.derivedMappingSets.map((s) => `${s.id} (${s.mappings})`).join(', ') })}` : ''}
        </Alert>
      )}
      {result && (
        <Card withBorder data-testid="import-detection">
          <Title order={3} size="h5">
            {t('importText.detected')}
          </Title>
          <Text size="sm">
            {result.sheet} · {result.detection.headerRow ? t('importText.headerRow', { row: result.detection.headerRow }) : ''} · {t('importText.encoding', { encoding: result.encoding })}
          </Text>
          <Text size="sm" className="mono">
            {Object.entries(result.detection.columns)
              .filter(([, c]) => c)
              .map(([k, c]) => `${k}=${c!.letter}${c!.header ? ` (${c!.header})` : ''}`)
              .join('  ')}
          </Text>
          <Text size="sm" mt="xs">
            {t('importText.counts')}:{' '}
            {Object.entries(result.counts)
              .map(([k, v]) => `${t(`importText.count.${k}`, { defaultValue: k })} ${v}`)
              .join(' · ')}
          </Text>
          <Title order={4} size="h6" mt="sm">
            {t('importText.preview')}
          </Title>
          <Table>
            <Table.Tbody>
              {result.detection.preview.slice(0, 8).map((p) => (
                <Table.Tr key={p.row}>
                  <Table.Td w={50}>{p.row}</Table.Td>
                  <Table.Td className="mono" w={140}>
                    {p.id}
                  </Table.Td>
                  <Table.Td>{p.title}</Table.Td>
                  <Table.Td>
                    <Text size="xs" lineClamp={2}>
                      {p.text}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {issues.length > 0 && (
        <Card withBorder data-testid="import-issues">
          <Title order={3} size="h5">
            {t('importText.issues')} ({issues.length})
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('importText.row')}</Table.Th>
                <Table.Th>{t('importText.column')}</Table.Th>
                <Table.Th>{t('importText.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {issues.map((i, n) => (
                <Table.Tr key={n}>
                  <Table.Td>{i.row ?? ''}</Table.Td>
                  <Table.Td>{i.column ?? ''}</Table.Td>
                  <Table.Td c={i.severity === 'warning' ? undefined : 'red.9'}>{i.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
