import { Progress, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceDetail, UploadHandle } from '../../api/evidence';
import { useAfterUpload } from '../../api/evidence';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/status';
import { localTitle } from './title';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; percent: number }
  | { phase: 'done'; detail: EvidenceDetail }
  | { phase: 'error'; error: unknown };

/** Runs one upload at a time with its progress; cancelled when the component goes away. */
export function useUpload() {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const handle = useRef<UploadHandle<EvidenceDetail> | null>(null);
  const after = useAfterUpload();
  useEffect(() => () => handle.current?.abort(), []);
  const start = useCallback(
    (run: (onProgress: (loaded: number, total: number) => void) => UploadHandle<EvidenceDetail>) => {
      setState({ phase: 'uploading', percent: 0 });
      const h = run((loaded, total) =>
        setState({ phase: 'uploading', percent: total ? Math.min(100, Math.round((loaded / total) * 100)) : 0 }),
      );
      handle.current = h;
      h.done.then(
        (detail) => {
          handle.current = null;
          after(detail);
          setState({ phase: 'done', detail });
        },
        (error: unknown) => {
          handle.current = null;
          // Cancelled by the user: back to the form, nothing to report.
          setState(
            error instanceof ApiError && error.code === 'aborted' ? { phase: 'idle' } : { phase: 'error', error },
          );
        },
      );
    },
    [after],
  );
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, reset, abort: () => handle.current?.abort() };
}

/** The bar (named for screen readers), the percentage in words, and the server's error in the user's language. */
export function UploadStatus({ state, testId }: { state: UploadState; testId: string }) {
  const { t, i18n } = useTranslation();
  if (state.phase === 'idle') return null;
  if (state.phase === 'error') return <ErrorAlert error={state.error} />;
  const percent = state.phase === 'done' ? 100 : state.percent;
  return (
    <Stack gap={4} data-testid={testId} data-state={state.phase}>
      <Progress.Root size="lg">
        <Progress.Section
          value={percent}
          color={state.phase === 'done' ? 'teal.8' : 'blue.8'}
          aria-label={t('evidence.upload.progress')}
        />
      </Progress.Root>
      <Text size="sm" role="status" aria-live="polite">
        {state.phase === 'done'
          ? t('evidence.upload.done', {
              number: state.detail.currentVersion,
              title: localTitle(state.detail.title, i18n.language),
            })
          : t('evidence.upload.uploading', { percent })}
      </Text>
    </Stack>
  );
}
