import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useEvidenceFreshness } from '../../api/statements';
import { formatDate } from '../../i18n/format';
import { rowsHref } from './filters';

/**
 * The statement's evidence warnings on the readiness dashboard: items whose evidence is stale for the audit period
 * and items with none yet. Warnings, not blockers (readiness does not count them); each number opens those rows.
 */
export function EvidenceWarnings({ statementId }: { statementId: string }) {
  const { t, i18n } = useTranslation();
  const q = useEvidenceFreshness(statementId);
  if (!q.data) return null;
  const { summary, evidence, judgedOn } = q.data;
  const stale = evidence.filter((e) => e.freshness.state === 'stale');
  const title = (e: (typeof evidence)[number]) =>
    (i18n.language === 'ja' ? e.title.ja || e.title.en : e.title.en || e.title.ja) ?? '';
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="rd-evidence"
      className="evidence-warnings"
      data-testid="evidence-warnings"
    >
      <Title order={3} size="h4" id="rd-evidence">
        {t('evidenceFreshness.warningsTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('evidenceFreshness.warningsHelp')}
      </Text>
      {summary.warnings === 0 ? (
        <Text size="sm">{t('evidenceFreshness.noWarnings')}</Text>
      ) : (
        <ul className="blocker-list">
          {summary.withStale > 0 && (
            <li data-warning="stale">
              <Anchor
                component={Link}
                to={rowsHref(statementId, { evidence: 'stale' })}
                size="sm"
                data-testid="warn-stale"
              >
                {t('evidenceFreshness.withStale', { count: summary.withStale })}
              </Anchor>
            </li>
          )}
          {summary.withoutEvidence > 0 && (
            <li data-warning="none">
              <Anchor
                component={Link}
                to={rowsHref(statementId, { evidence: 'none' })}
                size="sm"
                data-testid="warn-none"
              >
                {t('evidenceFreshness.withoutEvidence', { count: summary.withoutEvidence })}
              </Anchor>
            </li>
          )}
        </ul>
      )}
      {stale.length > 0 && (
        <Stack gap={2} mt="xs">
          <Text size="sm" fw={600}>
            {t('evidenceFreshness.staleEvidence')}
          </Text>
          <ul className="blocker-list" data-testid="stale-evidence">
            {stale.map((e) => (
              <li key={e.id}>
                <Text size="sm" span>
                  {title(e)} —{' '}
                  {e.freshness.reasons
                    .map((r) => t(`evidenceFreshness.reason.${r}`))
                    .join(i18n.language === 'ja' ? '、' : ', ')}
                  {e.freshness.reviewDue &&
                    ` (${t('evidenceFreshness.reviewDue', { date: formatDate(e.freshness.reviewDue, i18n.language) })})`}
                </Text>
              </li>
            ))}
          </ul>
        </Stack>
      )}
      <Text size="xs" mt="xs">
        {t('evidenceFreshness.judgedOn', { date: formatDate(judgedOn, i18n.language) })}
      </Text>
    </Paper>
  );
}
