import { useTranslation } from 'react-i18next';
import type { EvidenceState } from './freshness';

/**
 * An item's evidence freshness as a badge in words (stale / none / fresh), never colour alone. `compact` is the
 * editor table's short form (its column header says "Evidence"); otherwise the whole phrase.
 */
export function FreshnessBadge({ state, compact = false }: { state: EvidenceState; compact?: boolean }) {
  const { t } = useTranslation();
  const full = t(`evidenceFreshness.${state}`);
  return (
    <span
      className="evidence-badge"
      data-state={state}
      data-testid="freshness-badge"
      title={compact ? full : undefined}
    >
      {compact ? t(`evidenceFreshness.short.${state}`) : full}
    </span>
  );
}
