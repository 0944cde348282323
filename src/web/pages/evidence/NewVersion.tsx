import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadEvidenceVersion } from '../../api/evidence';
import { FileDrop } from './FileDrop';
import { UploadStatus, useUpload } from './use-upload';

/** Another version of the evidence, dropped and uploaded with its progress; earlier versions stay as they are. */
export function NewVersion({ evidenceId, maxBytes }: { evidenceId: string; maxBytes: number }) {
  const { t } = useTranslation();
  const up = useUpload();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const busy = up.state.phase === 'uploading';
  return (
    <Card withBorder component="section" aria-labelledby="evidence-new-version-title" data-testid="new-version">
      <Stack gap="sm">
        <Title order={3} id="evidence-new-version-title">
          {t('evidence.detail.newVersion')}
        </Title>
        <Text size="sm">{t('evidence.upload.versionHelp')}</Text>
        <FileDrop
          maxBytes={maxBytes}
          file={file}
          onFile={(f) => {
            setFile(f);
            up.reset();
          }}
          disabled={busy}
          label={t('evidence.upload.dropVersion')}
          testId="version-dropzone"
        />
        <TextInput
          label={t('evidence.upload.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="version-note"
        />
        <UploadStatus state={up.state} testId="version-status" />
        <Group>
          <Button
            onClick={() => {
              if (!file) return;
              const f = file;
              up.start((onProgress) => uploadEvidenceVersion(evidenceId, f, note, onProgress));
              setFile(null);
              setNote('');
            }}
            disabled={!file}
            loading={busy}
            data-testid="version-submit"
          >
            {t('evidence.upload.submitVersion')}
          </Button>
          {busy && (
            <Button variant="default" onClick={up.abort}>
              {t('evidence.upload.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
