import type { SearchHit } from './search-index';

/**
 * Baseline copies in search results. A baseline catalog (NIST SP 800-53 LOW/MODERATE/HIGH/PRIVACY, FedRAMP
 * LOW/MODERATE/HIGH/LI-SaaS) is built from an OSCAL profile: each of its nodes is a copy of a source catalog's
 * control and carries the source node's key in `props.sourceNode` (formats/bundled/baselines.ts; the
 * `baseline:<catalog>` mapping set states the same thing as 'equal' mappings). Searching `ac-2(1)` would
 * otherwise list the control once per baseline; instead each baseline hit is folded into its source hit, which
 * lists the baselines. A baseline the caller names in the catalog filter keeps its own hits.
 */
export interface FoldOptions {
  /** The source node key of a hit that is a baseline copy (`props.sourceNode`), else undefined. */
  sourceOf: (hit: SearchHit) => string | undefined;
  /** True for a hit whose catalog the caller named explicitly: it is never folded. */
  named: (hit: SearchHit) => boolean;
  limit: number;
}

/** ISMAP first, then other base catalogs, then baseline copies, among hits of equal score. */
function tier(hit: SearchHit, isCopy: boolean): number {
  if (isCopy) return 2;
  return hit.catalog === 'ismap' ? 0 : 1;
}

/**
 * Example: hits [r5 ac-2.1, fedramp-rev5-high ac-2.1, nist-800-53r5-moderate ac-2.1] →
 * [r5 ac-2.1 with baselines ['fedramp-rev5-high', 'nist-800-53r5-moderate']].
 */
export function foldBaselineHits(hits: readonly SearchHit[], opts: FoldOptions): SearchHit[] {
  const copies = new Map<SearchHit, string>();
  for (const h of hits) {
    const source = opts.sourceOf(h);
    if (source !== undefined && !opts.named(h)) copies.set(h, source);
  }
  const ranked = hits
    .map((h, i) => ({ h, i, t: tier(h, opts.sourceOf(h) !== undefined) }))
    .sort((a, b) => b.h.score - a.h.score || a.t - b.t || a.i - b.i)
    .map((x) => x.h);
  const out: SearchHit[] = [];
  const byKey = new Map<string, SearchHit>();
  for (const h of ranked) {
    if (copies.has(h)) continue;
    const copy = { ...h };
    out.push(copy);
    byKey.set(h.key, copy);
  }
  for (const h of ranked) {
    const source = copies.get(h);
    if (source === undefined) continue;
    const target = byKey.get(source);
    if (!target) {
      // The source control did not match (or is filtered out): the baseline hit stands on its own.
      const alone = { ...h };
      out.push(alone);
      byKey.set(h.key, alone);
      continue;
    }
    const list = (target.baselines ??= []);
    if (!list.includes(h.catalog)) list.push(h.catalog);
  }
  // Stand-alone baseline hits were appended; put them back in score order (stable, tiers kept).
  const order = new Map(ranked.map((h, i) => [h.key, i]));
  out.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  return out.slice(0, opts.limit);
}
