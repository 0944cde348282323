import { Button, Card, Group, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { confidentialityLevels, evidenceKinds, reviewFrequencies } from '../../../core/evidence/model';
import { uploadEvidence, type EvidenceMetadata } from '../../api/evidence';
import { FileDrop } from './FileDrop';
import { UploadStatus, useUpload } from './use-upload';

type Kind = EvidenceMetadata['kind'];
type Confidentiality = NonNullable<EvidenceMetadata['confidentiality']>;
type Frequency = NonNullable<EvidenceMetadata['reviewFrequency']>;

/** Drop a file, give its details, upload it with a progress bar; the new evidence opens from the done state. */
export function UploadNew({ maxBytes }: { maxBytes: number }) {
  const { t } = useTranslation();
  const up = useUpload();
  const [file, setFile] = useState<File | null>(null);
  const [titleJa, setTitleJa] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [kind, setKind] = useState<Kind>('policy');
  const [owner, setOwner] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [confidentiality, setConfidentiality] = useState<Confidentiality>('internal');
  const [frequency, setFrequency] = useState<Frequency | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const busy = up.state.phase === 'uploading';

  const submit = () => {
    if (!file) return setProblem(t('evidence.upload.chooseFile'));
    if (!titleJa.trim()) return setProblem(t('evidence.upload.needTitle'));
    setProblem(null);
    const metadata: EvidenceMetadata = {
      title: { ja: titleJa.trim(), en: titleEn.trim() },
      kind,
      confidentiality,
      tags,
      ...(owner.trim() ? { owner: owner.trim() } : {}),
      ...(frequency ? { reviewFrequency: frequency } : {}),
      ...(from ? { effectiveFrom: from } : {}),
      ...(to ? { effectiveTo: to } : {}),
    };
    up.start((onProgress) => uploadEvidence(metadata, file, onProgress));
  };
  const again = () => {
    up.reset();
    setFile(null);
    setTitleJa('');
    setTitleEn('');
    setTags([]);
    setOwner('');
  };

  return (
    <Card withBorder component="section" aria-labelledby="evidence-upload-title" data-testid="evidence-upload">
      <Stack gap="sm">
        <Title order={3} id="evidence-upload-title">
          {t('evidence.upload.title')}
        </Title>
        <FileDrop
          maxBytes={maxBytes}
          file={file}
          onFile={(f) => {
            setFile(f);
            up.reset();
            if (!titleJa && !titleEn) setTitleJa(f.name.replace(/\.[^.]+$/, ''));
          }}
          disabled={busy}
          label={t('evidence.upload.drop')}
          testId="evidence-dropzone"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('evidence.upload.titleJa')}
            lang="ja"
            required
            value={titleJa}
            onChange={(e) => setTitleJa(e.currentTarget.value)}
            data-testid="upload-title-ja"
          />
          <TextInput
            label={t('evidence.upload.titleEn')}
            lang="en"
            value={titleEn}
            onChange={(e) => setTitleEn(e.currentTarget.value)}
            data-testid="upload-title-en"
          />
          <Select
            label={t('evidence.upload.kind')}
            data={evidenceKinds.map((k) => ({ value: k, label: t(`evidence.kind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as Kind)}
            allowDeselect={false}
            data-testid="upload-kind"
          />
          <Select
            label={t('evidence.upload.reviewFrequency')}
            data={[
              { value: '', label: t('evidence.defaultFrequency') },
              ...reviewFrequencies.map((f) => ({ value: f, label: t(`evidence.frequency.${f}`) })),
            ]}
            value={frequency}
            onChange={(v) => setFrequency((v ?? '') as Frequency | '')}
            allowDeselect={false}
          />
          <Select
            label={t('evidence.upload.confidentiality')}
            data={confidentialityLevels.map((c) => ({ value: c, label: t(`evidence.confidentiality.${c}`) }))}
            value={confidentiality}
            onChange={(v) => v && setConfidentiality(v as Confidentiality)}
            allowDeselect={false}
          />
          <TextInput
            label={t('evidence.upload.owner')}
            value={owner}
            onChange={(e) => setOwner(e.currentTarget.value)}
          />
          <TextInput
            label={t('evidence.upload.effectiveFrom')}
            description={t('evidence.upload.dateHelp')}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            label={t('evidence.upload.effectiveTo')}
            description={t('evidence.upload.dateHelp')}
            type="date"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </SimpleGrid>
        <TagsInput
          label={t('evidence.upload.tags')}
          description={t('evidence.upload.tagsHelp')}
          value={tags}
          onChange={setTags}
        />
        {problem && (
          <Text size="sm" c="red.8" role="alert">
            {problem}
          </Text>
        )}
        <UploadStatus state={up.state} testId="upload-status" />
        <Group>
          {up.state.phase === 'done' ? (
            <>
              <Button component={Link} to={`/evidence/${up.state.detail.id}`} data-testid="open-uploaded">
                {t('evidence.upload.openIt')}
              </Button>
              <Button variant="default" onClick={again}>
                {t('evidence.upload.title')}
              </Button>
            </>
          ) : (
            <>
              <Button onClick={submit} loading={busy} data-testid="upload-submit">
                {t('evidence.upload.submit')}
              </Button>
              {busy && (
                <Button variant="default" onClick={up.abort}>
                  {t('evidence.upload.cancel')}
                </Button>
              )}
            </>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
