import { addMonths } from '../statement/audit-period';
import type { AuditPeriod } from '../statement/model';
import type { Evidence, EvidenceKind, ReviewFrequency } from './model';

/**
 * Default review frequency by kind, from the criteria's example frequencies: regulations (policies and procedures)
 * yearly; design documents and settings yearly or on change; records and logs as needed; facilities yearly.
 * Reports (audit and assessment reports) are yearly too.
 */
export const defaultReviewFrequency: Record<EvidenceKind, ReviewFrequency> = {
  policy: 'yearly',
  procedure: 'yearly',
  design_document: 'yearly_or_on_change',
  setting: 'yearly_or_on_change',
  record_log: 'as_needed',
  facility: 'yearly',
  report: 'yearly',
};

const months: Record<ReviewFrequency, number | null> = {
  monthly: 1,
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
  yearly_or_on_change: 12,
  as_needed: null,
};

export type StaleReason = 'review_overdue' | 'never_reviewed' | 'not_effective_in_period' | 'retired';

export interface Freshness {
  state: 'fresh' | 'stale';
  /** When the next review is due (ISO date), null when there is no periodic review. */
  reviewDue: string | null;
  reasons: StaleReason[];
}

/** The date an audit period is judged at: today while it runs, its last day once it is over. */
export function judgedOn(today: string, period: AuditPeriod | null | undefined): string {
  return period && period.end < today ? period.end : today;
}

/**
 * Whether an evidence is stale on `today`, for an audit period if one is given. Stale when its periodic review is
 * overdue on the day the period is judged at (see judgedOn), when it has never been reviewed but needs reviews,
 * when its effective period does not reach into the audit period, or when it is retired.
 *
 * @example evidenceFreshness({ ...e, reviewFrequency: 'yearly', reviewedOn: '2025-01-10' }, '2026-02-01')
 *   // → { state: 'stale', reviewDue: '2026-01-10', reasons: ['review_overdue'] }
 */
export function evidenceFreshness(
  e: Pick<Evidence, 'reviewFrequency' | 'reviewedOn' | 'effectiveFrom' | 'effectiveTo' | 'retiredAt'>,
  today: string,
  period?: AuditPeriod | null,
): Freshness {
  const reasons: StaleReason[] = [];
  const every = months[e.reviewFrequency];
  const reviewDue = every !== null && e.reviewedOn ? addMonths(e.reviewedOn, every) : null;
  const on = judgedOn(today, period);
  if (every !== null && !e.reviewedOn) reasons.push('never_reviewed');
  if (reviewDue !== null && reviewDue < on) reasons.push('review_overdue');
  if (period && ((e.effectiveTo && e.effectiveTo < period.start) || (e.effectiveFrom && e.effectiveFrom > period.end)))
    reasons.push('not_effective_in_period');
  if (e.retiredAt) reasons.push('retired');
  return { state: reasons.length ? 'stale' : 'fresh', reviewDue, reasons };
}

export interface ItemEvidenceState {
  itemId: string;
  evidence: number;
  stale: number;
  /** no_evidence: nothing linked; stale: something linked is stale; fresh otherwise. */
  state: 'no_evidence' | 'stale' | 'fresh';
  staleEvidenceIds: string[];
}

/**
 * Per statement item: how many evidence are linked and how many of them are stale for the statement's period.
 * `itemIds` are the items that need evidence (in scope); links to other items are ignored.
 */
export function itemEvidenceStates(
  itemIds: readonly string[],
  links: readonly { evidenceId: string; itemId: string }[],
  freshness: ReadonlyMap<string, Freshness>,
): ItemEvidenceState[] {
  const byItem = new Map<string, string[]>();
  for (const l of links) {
    const list = byItem.get(l.itemId) ?? [];
    list.push(l.evidenceId);
    byItem.set(l.itemId, list);
  }
  return itemIds.map((itemId) => {
    const ids = byItem.get(itemId) ?? [];
    const staleIds = ids.filter((id) => freshness.get(id)?.state === 'stale');
    return {
      itemId,
      evidence: ids.length,
      stale: staleIds.length,
      state: ids.length === 0 ? 'no_evidence' : staleIds.length ? 'stale' : 'fresh',
      staleEvidenceIds: staleIds,
    };
  });
}

export interface EvidenceWarnings {
  /** In-scope items with no evidence linked. */
  withoutEvidence: number;
  /** Items with at least one linked evidence stale for the period. */
  withStale: number;
  /** Both together: readiness warnings (never blockers). */
  warnings: number;
}

/** The readiness warnings of a statement's items (see itemEvidenceStates): counted, never blocking. */
export function evidenceWarnings(items: readonly Pick<ItemEvidenceState, 'state'>[]): EvidenceWarnings {
  const withoutEvidence = items.filter((i) => i.state === 'no_evidence').length;
  const withStale = items.filter((i) => i.state === 'stale').length;
  return { withoutEvidence, withStale, warnings: withoutEvidence + withStale };
}
