import { Alert, Button, Card, FileInput, Group, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import {
  RELATIONSHIP_ORDER,
  useCheckGapFile,
  useGapImportUpload,
  type GapUploadForm,
  type GapUploadResult,
  type IsoEdition,
} from '../../api/gap';
import type { Relationship } from '../../api/mappings';
import { RelBadge } from '../../components/catalog-bits';
import { ErrorAlert } from '../../components/status';
import { DetectionView, IssueTable } from './FileCheck';
import { Steps } from './Steps';

const EDITIONS: readonly IsoEdition[] = ['2013', '2022'];

/** An error answer whose issues are the file's: the headline as usual, the issues in the table (row/column, path). */
function UploadError({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.issues.length === 0) return <ErrorAlert error={error} />;
  const headline = new ApiError(error.status, error.code, error.message, [], error.reason, error.params, error.details);
  return (
    <Stack gap="xs">
      <ErrorAlert error={headline} />
      <IssueTable issues={error.issues} total={error.issues.length} />
    </Stack>
  );
}

/**
 * Steps 1b–3 for one statement: the file, the dry run (detected columns and edition, every problem by row/column
 * or JSON path, counts by relationship), the edition confirmed for an SoA (the dry run is repeated with it), then
 * the import, which writes the import and its proposals but nothing into the statement.
 */
export function UploadWizard({ statementId }: { statementId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState('');
  const [columns, setColumns] = useState('');
  const [edition, setEdition] = useState<IsoEdition | null>(null);
  const [result, setResult] = useState<{ r: GapUploadResult; edition: IsoEdition | null } | null>(null);
  const check = useCheckGapFile(statementId);
  const upload = useGapImportUpload(statementId);
  const form = (f: File, ed: IsoEdition | null): GapUploadForm => ({
    file: f,
    ...(sheet.trim() ? { sheet: sheet.trim() } : {}),
    ...(columns.trim() ? { columns: columns.trim() } : {}),
    ...(ed ? { isoEdition: ed } : {}),
  });
  const runCheck = (ed: IsoEdition | null) => {
    if (!file) return;
    upload.reset();
    check.mutate(form(file, ed), { onSuccess: (r) => setResult({ r, edition: ed }) });
  };
  const restart = () => {
    setResult(null);
    setEdition(null);
    check.reset();
    upload.reset();
  };
  const r = result?.r;
  const soa = r?.kind === 'soa';
  const step = !r ? 'file' : soa && !edition ? 'edition' : 'preview';
  const current = r && result.edition === edition && !check.isPending;
  const canImport = !!file && !!r?.ok && current && (!soa || edition !== null);
  const doImport = () =>
    file &&
    upload.mutate(form(file, soa ? edition : null), {
      onSuccess: (u) => u.import && navigate(`/gap-imports/${u.import.id}`),
    });
  const n = (x: number) => x.toLocaleString(i18n.language);
  return (
    <Stack gap="md" data-testid="gap-wizard">
      <Steps current={step} skip={r?.kind === 'ssp' ? ['edition'] : []} />
      <Card withBorder component="section" aria-labelledby="gap-file-title">
        <Title order={3} size="h4" id="gap-file-title" mb="xs">
          {t('gap.file')}
        </Title>
        <Stack gap="sm">
          <FileInput
            label={t('gap.file')}
            description={t('gap.fileHelp')}
            accept=".xlsx,.csv,.tsv,.txt,.json,application/json,text/csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              restart();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('gap.clear') }}
            maw={520}
            data-testid="gap-file"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
            <TextInput
              label={t('gap.sheet')}
              value={sheet}
              onChange={(e) => {
                setSheet(e.currentTarget.value);
                restart();
              }}
            />
            <TextInput
              label={t('gap.columns')}
              description={t('gap.columnsHelp')}
              value={columns}
              onChange={(e) => {
                setColumns(e.currentTarget.value);
                restart();
              }}
              className="mono"
              data-testid="gap-columns-option"
            />
          </SimpleGrid>
          <Group>
            <Button
              onClick={() => runCheck(edition)}
              disabled={!file}
              loading={check.isPending}
              data-testid="gap-check"
            >
              {t('gap.check')}
            </Button>
          </Group>
          {check.error && <UploadError error={check.error} />}
        </Stack>
      </Card>

      {r && soa && r.isoEdition && (
        <Card withBorder component="section" aria-labelledby="gap-edition-title" data-testid="gap-edition">
          <Title order={3} size="h4" id="gap-edition-title" mb="xs">
            {t('gap.editionTitle')}
          </Title>
          <Text size="sm" mb="xs">
            {t('gap.editionDetected', {
              edition: r.isoEdition.edition,
              count2013: r.isoEdition.count2013,
              count2022: r.isoEdition.count2022,
            })}
          </Text>
          <Radio.Group
            label={t('gap.editionLabel')}
            value={edition}
            onChange={(v) => {
              const ed = v as IsoEdition;
              setEdition(ed);
              runCheck(ed);
            }}
            data-testid="gap-edition-choice"
          >
            <Group mt={4} gap="lg">
              {EDITIONS.map((e) => (
                <Radio
                  key={e}
                  value={e}
                  label={`ISO/IEC 27001:${e}${r.isoEdition?.edition === e ? ` ${t('gap.detectedMark')}` : ''}`}
                />
              ))}
            </Group>
          </Radio.Group>
          {edition === '2022' && (
            <Alert color="blue" mt="sm" data-testid="gap-correspondence" classNames={{ title: 'alert-title' }}>
              {t('gap.correspondence')}
            </Alert>
          )}
        </Card>
      )}

      {r && (step === 'preview' || !r.ok) && (
        <Card withBorder component="section" aria-labelledby="gap-preview-title" data-testid="gap-preview">
          <Title order={3} size="h4" id="gap-preview-title" mb="xs">
            {t('gap.previewTitle')}
          </Title>
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {t(`gap.kind.${r.kind}`)} · <span className="mono">{r.file}</span>
            </Text>
            <DetectionView result={r} />
            {r.ok && (
              <>
                <Text size="sm" data-testid="gap-counts">
                  {t('gap.counts', {
                    controls: n(r.counts.controls),
                    proposals: n(r.counts.proposals),
                    bulk: n(r.counts.bulkAcceptable),
                  })}
                </Text>
                <Group gap="xs" wrap="wrap" data-testid="gap-by-relationship">
                  {RELATIONSHIP_ORDER.filter((rel) => (r.counts.byRelationship[rel] ?? 0) > 0).map((rel) => (
                    <Group key={rel} gap={4} wrap="nowrap" data-rel={rel}>
                      <RelBadge rel={rel as Relationship} />
                      <Text span size="sm" className="num">
                        {n(r.counts.byRelationship[rel] ?? 0)}
                      </Text>
                    </Group>
                  ))}
                </Group>
              </>
            )}
            {r.issues.length > 0 && <IssueTable issues={r.issues} total={r.issueTotal} />}
            {!r.ok && (
              <Alert color="red" role="alert" data-testid="gap-fix-first">
                {t('gap.fixFirst')}
              </Alert>
            )}
            {r.ok && (
              <Group>
                <Button onClick={doImport} disabled={!canImport} loading={upload.isPending} data-testid="gap-import">
                  {t('gap.import')}
                </Button>
              </Group>
            )}
            {upload.error && <UploadError error={upload.error} />}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
