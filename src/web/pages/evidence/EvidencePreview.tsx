import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { evidenceContentHref, previewKind, type EvidenceVersion } from '../../api/evidence';

/**
 * A PDF in a frame or an image, from the inline content URL: the server sends it with a sandboxing policy and
 * nosniff (no script runs in it); other types are offered for download only.
 */
export function EvidencePreview({ version }: { version: EvidenceVersion }) {
  const { t } = useTranslation();
  const kind = previewKind(version.mediaType);
  const src = evidenceContentHref(version.evidenceId, version.number, true);
  const name = t('evidence.detail.previewTitle', { name: version.fileName });
  return (
    <Stack gap={4} component="section" aria-labelledby="evidence-preview-title" data-testid="evidence-preview">
      <Title order={3} id="evidence-preview-title">
        {t('evidence.detail.preview', { number: version.number })}
      </Title>
      {kind === 'pdf' && (
        <iframe
          src={src}
          title={name}
          data-testid="preview-pdf"
          style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-4)' }}
        />
      )}
      {kind === 'image' && (
        <img
          src={src}
          alt={name}
          data-testid="preview-image"
          style={{ maxWidth: '100%', height: 'auto', border: '1px solid var(--mantine-color-gray-4)' }}
        />
      )}
      {kind === null && <Text size="sm">{t('evidence.detail.noPreview', { type: version.mediaType })}</Text>}
      <Anchor href={evidenceContentHref(version.evidenceId, version.number)} size="sm">
        {t('evidence.detail.downloadVersion', { number: version.number })}
      </Anchor>
    </Stack>
  );
}
