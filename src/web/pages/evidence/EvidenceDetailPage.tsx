import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useEvidence, useEvidenceList } from '../../api/evidence';
import { useMembers } from '../../api/organizations';
import { ErrorAlert, Loading } from '../../components/status';
import { formatDate, formatDateTime } from '../../i18n/format';
import { EvidencePreview } from './EvidencePreview';
import { NewVersion } from './NewVersion';
import { RetireEvidence } from './RetireEvidence';
import { localTitle } from './title';
import { VersionTable } from './VersionTable';
import { WhereUsed } from './WhereUsed';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" fw={700} c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

/** One evidence: its details, a preview of the current version, every version, where it is used, and retiring. */
export function EvidenceDetailPage() {
  const { t, i18n } = useTranslation();
  const { evidenceId = '' } = useParams();
  const q = useEvidence(evidenceId);
  const library = useEvidenceList(false);
  const members = useMembers(q.data?.orgId ?? '', !!q.data);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const e = q.data;
  const lang = i18n.language;
  const current = e.versions.find((v) => v.number === e.currentVersion) ?? e.versions[e.versions.length - 1];
  const userName = (id: string | null) =>
    (id && members.data?.members.find((m) => m.userId === id)?.displayName) || t('evidence.detail.system');
  const date = (d: string | null) => (d ? formatDate(d, lang) : t('evidence.open'));
  return (
    <Stack gap="lg" data-testid="evidence-detail" data-evidence={e.id}>
      <Stack gap={4}>
        <Anchor component={Link} to="/evidence" size="sm">
          ← {t('evidence.detail.back')}
        </Anchor>
        <Group gap="xs" wrap="wrap">
          <Title order={2}>{localTitle(e.title, lang)}</Title>
          <Badge variant="light">{t(`evidence.kind.${e.kind}`)}</Badge>
          {e.retiredAt && (
            <Badge color="gray" variant="outline" data-testid="retired-badge">
              {t('evidence.retired')}
            </Badge>
          )}
        </Group>
        {lang === 'ja' ? (
          e.title.en && (
            <Text size="sm" lang="en">
              {e.title.en}
            </Text>
          )
        ) : (
          <Text size="sm" lang="ja">
            {e.title.ja}
          </Text>
        )}
      </Stack>
      {e.retiredAt && (
        <Alert color="gray" variant="light" data-testid="retired-note">
          {t('evidence.detail.retiredOn', { date: formatDateTime(e.retiredAt, lang), reason: e.retireReason ?? '' })}
        </Alert>
      )}
      <Stack gap={4} component="section" aria-labelledby="evidence-details-title">
        <Title order={3} id="evidence-details-title">
          {t('evidence.detail.details')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm" component="dl" m={0}>
          <Field label={t('evidence.col.effective')}>
            {t('evidence.period', { from: date(e.effectiveFrom), to: date(e.effectiveTo) })}
          </Field>
          <Field label={t('evidence.col.owner')}>{e.owner ?? '—'}</Field>
          <Field label={t('evidence.col.confidentiality')}>{t(`evidence.confidentiality.${e.confidentiality}`)}</Field>
          <Field label={t('evidence.col.review')}>{t(`evidence.frequency.${e.reviewFrequency}`)}</Field>
          <Field label={t('evidence.detail.reviewedOn')}>
            {e.reviewedOn ? formatDate(e.reviewedOn, lang) : t('evidence.detail.never')}
          </Field>
          <Field label={t('evidence.detail.current')}>{e.currentVersion}</Field>
          <Field label={t('evidence.col.tags')}>
            {e.tags.length ? (
              <Group gap={4} component="span">
                {e.tags.map((x) => (
                  <Badge key={x} variant="light" tt="none" component="span">
                    {x}
                  </Badge>
                ))}
              </Group>
            ) : (
              '—'
            )}
          </Field>
        </SimpleGrid>
      </Stack>
      {current && <EvidencePreview key={current.number} version={current} />}
      {e.abilities.upload && library.data && <NewVersion evidenceId={e.id} maxBytes={library.data.maxFileBytes} />}
      <VersionTable versions={e.versions} userName={userName} />
      <WhereUsed links={e.links} />
      {e.abilities.retire && <RetireEvidence evidence={e} />}
    </Stack>
  );
}
