import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportRemediation } from '../../api/remediation';
import { ErrorAlert } from '../../components/status';

/**
 * Import an OSCAL POA&M: the file is read and checked whole by the server first (a dry run, nothing written, every
 * problem at its JSON path); only then can it be applied.
 */
export function ImportPoam({ statementId }: { statementId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [doc, setDoc] = useState<Record<string, unknown> | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const imp = useImportRemediation(statementId);
  const choose = async (f: File | null) => {
    setFile(f);
    setDoc(null);
    setParseError(null);
    imp.reset();
    if (!f) return;
    try {
      const parsed: unknown = JSON.parse(await f.text());
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      setDoc(parsed as Record<string, unknown>);
      imp.mutate({ doc: parsed as Record<string, unknown>, dryRun: true });
    } catch (e) {
      setParseError(t('remediation.importNotJson', { file: f.name, message: (e as Error).message }));
    }
  };
  const r = imp.data;
  return (
    <Stack gap="xs" data-testid="poam-import">
      <FileInput
        label={t('remediation.importFile')}
        accept="application/json,.json"
        value={file}
        onChange={(f) => void choose(f)}
        clearable
        clearButtonProps={{ 'aria-label': t('remediation.importClear') }}
        w={{ base: '100%', sm: 360 }}
        data-testid="poam-file"
      />
      {parseError && (
        <Alert color="red" role="alert">
          {parseError}
        </Alert>
      )}
      {imp.error && <ErrorAlert error={imp.error} />}
      {r?.dryRun && (
        <Group gap="sm" wrap="wrap">
          <Text size="sm" role="status" data-testid="poam-preview">
            {t('remediation.importPreview', { created: r.created, updated: r.updated })}
          </Text>
          <Button size="xs" loading={imp.isPending} onClick={() => doc && imp.mutate({ doc, dryRun: false })}>
            {t('remediation.importApply')}
          </Button>
        </Group>
      )}
      {r && !r.dryRun && (
        <Text size="sm" role="status" c="teal.9" data-testid="poam-imported">
          {t('remediation.importDone', { created: r.created, updated: r.updated })}
        </Text>
      )}
    </Stack>
  );
}
