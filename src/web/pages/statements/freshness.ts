/** Whether an item's evidence is fresh, stale for the audit period, or missing (readiness warnings, not blockers). */
export type EvidenceState = 'fresh' | 'stale' | 'no_evidence';

/**
 * The editor's rows with their evidence state from the freshness answer (only in-scope items have one). While the
 * freshness is loading, the rows come as they are.
 */
export function withFreshness<R extends { id: string }>(
  rows: readonly R[] | undefined,
  freshness: { items: readonly { itemId: string; state: EvidenceState }[] } | undefined,
): (R & { evidence?: EvidenceState })[] | undefined {
  if (!rows) return undefined;
  if (!freshness) return rows as (R & { evidence?: EvidenceState })[];
  const byItem = new Map(freshness.items.map((i) => [i.itemId, i.state]));
  return rows.map((r) => {
    const evidence = byItem.get(r.id);
    return evidence ? { ...r, evidence } : r;
  });
}
