import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  columnsJson,
  useCheckTextImport,
  useTextImport,
  type DuplicatePolicy,
  type ImportForm,
  type TextImportIssue,
} from '../../api/import-text';
import { ErrorAlert } from '../../components/status';
import { useCatalogs } from './CatalogList';
import { detectedPicks, ImportColumns, type PickedColumns } from './ImportColumns';
import { ImportIssues } from './ImportIssues';

/** Upload → dry-run report (columns with pickers, what three items become, every problem) → confirm. */
export function ImportTextPage() {
  const { t } = useTranslation();
  const catalogs = useCatalogs();
  const [file, setFile] = useState<File | null>(null);
  const [edition, setEdition] = useState('2024-07');
  const [lang, setLang] = useState<NonNullable<ImportForm['lang']>>('ja');
  const [columns, setColumns] = useState('');
  const [sheet, setSheet] = useState('');
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('reject');
  /** Columns chosen in the pickers; null until the user changes one (the detection stands until then). */
  const [picked, setPicked] = useState<PickedColumns | null>(null);
  const check = useCheckTextImport();
  const commit = useTextImport();
  const result = commit.data ?? check.data;
  const error = commit.error ?? check.error;
  const reset = () => (check.reset(), commit.reset(), setPicked(null));
  const form = (): ImportForm => ({
    file: file!,
    edition,
    lang,
    sheet,
    duplicates,
    columns: picked && check.data ? columnsJson(picked, check.data.detection.headerRow) : columns,
  });
  // The import may only run with exactly what the dry run checked.
  const checkedForm = check.variables;
  const current = file ? form() : null;
  const unchanged =
    !!checkedForm &&
    !!current &&
    JSON.stringify({ ...checkedForm, file: 0 }) === JSON.stringify({ ...current, file: 0 }) &&
    checkedForm.file === current.file;
  const failed = error instanceof ApiError ? error : null;
  const issues: TextImportIssue[] = failed ? failed.issues : (result?.issues ?? []);
  // A 422 holds the first issues and counts them all in its details, as a dry run's answer does.
  const issueTotal = (failed ? failed.details.issueTotal : result?.issueTotal) ?? issues.length;
  const issueCounts = (failed ? failed.details.issueCounts : result?.issueCounts) ?? {};
  const dupCount = result?.counts['duplicates'] ?? 0;
  const editions = (catalogs.data?.editions ?? []).filter((e) => e.catalog === 'ismap').map((e) => e.edition);

  return (
    <Stack maw={1200}>
      <Title order={2}>{t('importText.title')}</Title>
      <Text size="sm">{t('importText.intro')}</Text>
      <Card withBorder>
        <Stack>
          <FileInput
            label={t('importText.file')}
            accept=".csv,.tsv,.txt,.xlsx"
            value={file}
            onChange={(f) => (setFile(f), reset())}
            required
            clearable
            data-testid="import-file"
          />
          <Group align="flex-end">
            <TextInput
              label={t('importText.edition')}
              value={edition}
              onChange={(e) => setEdition(e.currentTarget.value)}
              list="ismap-editions"
              w={320}
              data-testid="import-edition"
            />
            <datalist id="ismap-editions">
              {editions.map((e) => (
                <option key={e} value={e} />
              ))}
            </datalist>
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('importText.lang')}
              </Text>
              <SegmentedControl<typeof lang>
                value={lang}
                onChange={setLang}
                aria-label={t('importText.lang')}
                data={[
                  { value: 'ja', label: t('lang.ja') },
                  { value: 'en', label: t('lang.en') },
                ]}
              />
            </div>
            <TextInput
              label={t('importText.sheet')}
              value={sheet}
              onChange={(e) => setSheet(e.currentTarget.value)}
              w={160}
            />
          </Group>
          {!picked && (
            <TextInput
              label={t('importText.columns')}
              value={columns}
              onChange={(e) => setColumns(e.currentTarget.value)}
              className="mono"
            />
          )}
          <Group>
            <Button onClick={() => (commit.reset(), check.mutate(form()))} disabled={!file} loading={check.isPending}>
              {t('importText.check')}
            </Button>
            <Button
              color="green"
              onClick={() => commit.mutate(form())}
              disabled={!file || !check.data?.ok || !unchanged || !!commit.data}
              loading={commit.isPending}
            >
              {t('importText.confirm')}
            </Button>
          </Group>
          {check.data && !unchanged && !commit.data && (
            <Text size="sm" c="orange.9" data-testid="import-recheck">
              {t('importText.recheck')}
            </Text>
          )}
        </Stack>
      </Card>
      {error instanceof ApiError && error.status === 422 && (
        <Alert color="red" role="alert" data-testid="import-failed">
          {t('importText.failed', { count: issues.filter((i) => i.severity !== 'warning').length })}
        </Alert>
      )}
      {error && !(error instanceof ApiError && error.status === 422) && <ErrorAlert error={error} />}
      {!error && check.data && !check.data.ok && !commit.data && (
        <Alert color="red" role="alert" data-testid="import-failed">
          {t('importText.failed', { count: check.data.counts['errors'] ?? 0 })}
        </Alert>
      )}
      {commit.data && (
        <Alert color="green" role="status" data-testid="import-done">
          {t('importText.done', { catalog: commit.data.catalog, edition: commit.data.edition })}
        </Alert>
      )}
      {check.data?.ok && !commit.data && (
        <Alert color="blue" role="status" data-testid="import-ok">
          {t('importText.ok')}
        </Alert>
      )}
      {result?.createdEdition && (
        <Alert color="yellow" data-testid="import-edition-note">
          {t(
            result.written
              ? result.olderThanBase
                ? 'importText.createdOlder'
                : 'importText.createdNewer'
              : result.olderThanBase
                ? 'importText.createOlder'
                : 'importText.createNewer',
            { edition: result.edition, base: result.baseEdition ?? '' },
          )}
          {result.derivedMappingSets?.length
            ? ` — ${t('importText.derived', { sets: result.derivedMappingSets.map((s) => `${s.id} (${s.mappings})`).join(', ') })}`
            : ''}
        </Alert>
      )}
      {(dupCount > 0 || duplicates !== 'reject') && !commit.data && (
        <Card withBorder data-testid="import-duplicates">
          <Radio.Group
            label={t('importText.duplicates', { count: dupCount })}
            value={duplicates}
            onChange={(v) => setDuplicates(v as DuplicatePolicy)}
          >
            <Group mt="xs">
              <Radio value="reject" label={t('importText.dupReject')} />
              <Radio value="first" label={t('importText.dupFirst')} />
              <Radio value="last" label={t('importText.dupLast')} />
            </Group>
          </Radio.Group>
        </Card>
      )}
      {result && (
        <>
          <ImportColumns result={result} picked={picked ?? detectedPicks(result)} onPick={setPicked} />
          <Text size="sm" data-testid="import-counts">
            {t('importText.counts')}:{' '}
            {Object.entries(result.counts)
              .map(([k, v]) => `${t(`importText.count.${k}`, { defaultValue: k })} ${v}`)
              .join(' · ')}
          </Text>
        </>
      )}
      {issues.length > 0 && (
        <ImportIssues
          issues={issues}
          total={issueTotal}
          counts={issueCounts}
          source={failed && failed.reason !== 'text_import_failed' ? 'table' : 'rows'}
        />
      )}
    </Stack>
  );
}
