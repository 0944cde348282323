import { Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from './bytes';

/**
 * One file, dropped or chosen, held to the server's limit before any byte is sent: a file over it is refused here
 * with its size and the limit, in the user's language (the server refuses it too, should this be bypassed).
 */
export function FileDrop(p: {
  maxBytes: number;
  file: File | null;
  onFile: (f: File) => void;
  disabled?: boolean;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [rejected, setRejected] = useState<string | null>(null);
  const limit = formatBytes(p.maxBytes);
  const onReject = (r: FileRejection[]) => {
    const f = r[0]?.file;
    if (f && f.size > p.maxBytes)
      setRejected(t('evidence.upload.tooLarge', { name: f.name, size: formatBytes(f.size), limit }));
    else setRejected(t('evidence.upload.reject'));
  };
  return (
    <Stack gap={4}>
      <Dropzone
        onDrop={(files) => {
          setRejected(null);
          if (files[0]) p.onFile(files[0]);
        }}
        onReject={onReject}
        maxSize={p.maxBytes}
        multiple={false}
        disabled={p.disabled}
        data-testid={p.testId}
        aria-label={p.label}
        inputProps={{ 'aria-label': p.label }}
      >
        <Group justify="center" mih={72} style={{ pointerEvents: 'none' }}>
          <Stack gap={2} align="center">
            <Text fw={600} ta="center">
              {p.label}
            </Text>
            <Text size="sm" c="dimmed" ta="center">
              {t('evidence.upload.limit', { size: limit })}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      {p.file && (
        <Text size="sm" data-testid={`${p.testId}-file`}>
          {t('evidence.upload.chosen', { name: p.file.name, size: formatBytes(p.file.size) })}
        </Text>
      )}
      {rejected && (
        <Text size="sm" c="red.8" role="alert" data-testid={`${p.testId}-rejected`}>
          {rejected}
        </Text>
      )}
    </Stack>
  );
}
