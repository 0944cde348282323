import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEvidenceFreshness } from '../../api/statements';
import { FreshnessBadge } from './FreshnessBadge';

/** The open item's evidence freshness: its badge and how many linked evidence are stale (nothing when out of scope). */
export function ItemFreshness({ statementId, itemId }: { statementId: string; itemId: string }) {
  const { t } = useTranslation();
  const q = useEvidenceFreshness(statementId);
  const s = q.data?.items.find((i) => i.itemId === itemId);
  if (!s) return null;
  const text =
    s.state === 'stale'
      ? t('evidenceFreshness.itemStale', { count: s.stale })
      : s.state === 'no_evidence'
        ? t('evidenceFreshness.itemNone')
        : t('evidenceFreshness.itemFresh', { count: s.evidence });
  return (
    <Group gap={6} wrap="wrap" data-testid="item-freshness" data-state={s.state}>
      <FreshnessBadge state={s.state} />
      <Text size="xs" span>
        {text}
      </Text>
    </Group>
  );
}
