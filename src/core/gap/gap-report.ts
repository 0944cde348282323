import type { CatalogEdition, CatalogNode } from '../catalog/model';
import { strength, type Relationship } from '../mapping/model';
import type { ImportedPosture, PostureControl } from './posture';
import type { Proposal, ProposalResult } from './proposals';

/**
 * What ISMAP asks beyond the imported posture. Each ISMAP item that a statement answers (governance and management
 * items, detailed controls) is listed with every reason it is a gap; an item covered by an `equal`/`superset-of`
 * proposal from an implemented source control, and not otherwise special, is not a gap.
 */
export const gapReasons = [
  'governance',
  'management_not_evidenced',
  'cloud_specific',
  'basic_requirement',
  'ismap_specific',
  'no_mapped_source',
  'weak_mapping_only',
  'source_not_implemented',
] as const;
export type GapReason = (typeof gapReasons)[number];

export interface GapItem {
  itemId: string;
  tier: string;
  /** Chapter of the item (`9` for 9.2.3.1, `4.4` for a management item, `3.1` for governance). */
  clause: string;
  kind: string;
  flags: string[];
  reasons: GapReason[];
  /** Strongest relationship of any proposal for the item; null when none reaches it. */
  bestRelationship: Relationship | null;
  /** The source controls whose proposals reach the item. */
  sources: string[];
}

export interface GapCount {
  tier: string;
  clause: string;
  items: number;
  gaps: number;
}

export interface GapReport {
  source: { kind: ImportedPosture['kind']; file: string; catalog: string; controls: number };
  ismap: string;
  items: GapItem[];
  /** Imported controls that map to nothing in ISMAP. */
  unmapped: { id: string; title: string; source: PostureControl['source'] }[];
  byTier: GapCount[];
  byClause: GapCount[];
  byReason: Record<GapReason, number>;
  totals: { items: number; gaps: number; covered: number; proposals: number };
}

/**
 * Detailed controls ISMAP added to the ISO/IEC 27002 guidance in the 2024-07 revision (named in the skeleton's
 * basis); the cloud-specific `.P` controls (ISO/IEC 27017) are ISMAP-specific by their flag.
 */
export const ISMAP_ADDED_DETAILED_2024_07 = ['8.1.5.4.P', '12.2.1.15', '13.2.3.7.P', '16.1.5.10'];

const answerable = (n: CatalogNode) => n.kind === 'item' || n.kind === 'detailed';

function clauseOf(n: CatalogNode): string {
  const parts = n.id.replace(/\.(PB|P|B)$/, '').split('.');
  return n.props['tier'] === 'controls' ? parts[0]! : parts.slice(0, 2).join('.');
}

export function buildGapReport(
  posture: ImportedPosture,
  result: ProposalResult,
  ismap: CatalogEdition,
  opts: { ismapSpecific?: readonly string[] } = {},
): GapReport {
  const specific = new Set(opts.ismapSpecific ?? ISMAP_ADDED_DETAILED_2024_07);
  const byItem = new Map<string, Proposal[]>();
  for (const p of result.proposals) {
    const list = byItem.get(p.itemId);
    if (list) list.push(p);
    else byItem.set(p.itemId, [p]);
  }
  const nodes = new Map(ismap.nodes.map((n) => [n.id, n]));
  const items: GapItem[] = [];
  let covered = 0;
  for (const n of ismap.nodes) {
    if (!answerable(n)) continue;
    const tier = String(n.props['tier'] ?? '');
    const ps = byItem.get(n.id) ?? [];
    const best = ps.reduce<Proposal | null>(
      (b, p) => (!b || strength(p.relationship) > strength(b.relationship) ? p : b),
      null,
    );
    const strong = ps.filter((p) => p.bulkAcceptable);
    const reasons: GapReason[] = [];
    if (tier === 'governance') reasons.push('governance');
    if (tier === 'management' && ps.length === 0) reasons.push('management_not_evidenced');
    if (n.flags.includes('P')) reasons.push('cloud_specific');
    if (n.flags.includes('B') && !strong.some((p) => p.sourceStatus === 'implemented'))
      reasons.push('basic_requirement');
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (tier === 'controls' && (specific.has(n.id) || n.flags.includes('P') || parent?.flags.includes('P')))
      reasons.push('ismap_specific');
    if (ps.length === 0 && tier !== 'governance') reasons.push('no_mapped_source');
    else if (ps.length > 0 && strong.length === 0) reasons.push('weak_mapping_only');
    else if (strong.length > 0 && !strong.some((p) => p.sourceStatus === 'implemented'))
      reasons.push('source_not_implemented');
    if (reasons.length === 0) covered++;
    items.push({
      itemId: n.id,
      tier,
      clause: clauseOf(n),
      kind: n.kind,
      flags: [...n.flags],
      reasons,
      bestRelationship: best?.relationship ?? null,
      sources: [...new Set(ps.map((p) => p.sourceId))],
    });
  }
  const count = (key: (i: GapItem) => string, split: (i: GapItem) => { tier: string; clause: string }) => {
    const m = new Map<string, GapCount>();
    for (const i of items) {
      const k = key(i);
      const c = m.get(k) ?? { ...split(i), items: 0, gaps: 0 };
      c.items++;
      if (i.reasons.length > 0) c.gaps++;
      m.set(k, c);
    }
    return [...m.values()];
  };
  const byReason = Object.fromEntries(gapReasons.map((r) => [r, 0])) as Record<GapReason, number>;
  for (const i of items) for (const r of i.reasons) byReason[r]++;
  const gaps = items.filter((i) => i.reasons.length > 0);
  return {
    source: { kind: posture.kind, file: posture.file, catalog: posture.catalog, controls: posture.controls.length },
    ismap: `${ismap.catalog}:${ismap.edition}`,
    items: gaps,
    unmapped: result.unmapped.map((c) => ({ id: c.id, title: c.title, source: c.source })),
    byTier: count(
      (i) => i.tier,
      (i) => ({ tier: i.tier, clause: '' }),
    ),
    byClause: count(
      (i) => `${i.tier}|${i.clause}`,
      (i) => ({ tier: i.tier, clause: i.clause }),
    ),
    byReason,
    totals: { items: items.length, gaps: gaps.length, covered, proposals: result.proposals.length },
  };
}
