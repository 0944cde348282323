import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import type { CatalogEdition, CatalogNode, LocalizedText } from '../catalog/model';

/**
 * The criteria items a statement answers, read from one catalog edition: every governance and management item,
 * every control objective (統制目標) and every detailed control (詳細管理策). Structural nodes (tiers, processes,
 * sections, groups, clauses, categories) are only groupings.
 */
export const statementTiers = ['governance', 'management', 'controls'] as const;
export type StatementTier = (typeof statementTiers)[number];

export const criterionKinds = ['governance_item', 'management_item', 'objective', 'detailed'] as const;
export type CriterionKind = (typeof criterionKinds)[number];

export interface Criterion {
  id: string;
  kind: CriterionKind;
  tier: StatementTier;
  /** The grouping readiness reports by: governance process `3.1.2`, management section `4.4`, controls clause `9`. */
  clause: string;
  /** For a detailed control, its control objective; for an objective, itself; null in governance/management. */
  objective: string | null;
  /** `.B`/`.PB`: basic statement requirement (基本言明要件). */
  basic: boolean;
  /** `.P`/`.PB`: cloud-specific (クラウド固有). */
  cloud: boolean;
  title: LocalizedText;
  text: LocalizedText;
  /** SHA-256 (hex, first 16 bytes) of the item's title and text: what an answer was written against. */
  digest: string;
  /** Document order within the edition. */
  order: number;
}

const kindOf = (tier: unknown, kind: string): CriterionKind | null => {
  if (tier === 'governance' && kind === 'item') return 'governance_item';
  if (tier === 'management' && kind === 'item') return 'management_item';
  if (tier === 'controls' && kind === 'objective') return 'objective';
  if (tier === 'controls' && kind === 'detailed') return 'detailed';
  return null;
};

/** The digest of a node's criteria text: stable over key order and absent languages. */
export function criteriaDigest(node: Pick<CatalogNode, 'title' | 'text'>): string {
  const norm = (t: LocalizedText) => ({ ja: t.ja ?? null, en: t.en ?? null });
  return createHash('sha256')
    .update(canonicalJson({ title: norm(node.title), text: norm(node.text) }))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Example: for `ismap:2024-07`, 18 governance items, 64 management items, 121 objectives and 1,081 detailed
 * controls, in document order. The clause of a controls item is its first number (`9.2.3.11.PB` → `9`); of a
 * management item its section (`4.4.7.1` → `4.4`); of a governance item its process (`3.1.2.1` → `3.1.2`).
 */
export function statementCriteria(edition: Pick<CatalogEdition, 'nodes'>): Criterion[] {
  const byId = new Map(edition.nodes.map((n) => [n.id, n]));
  const out: Criterion[] = [];
  for (const n of edition.nodes) {
    const kind = kindOf(n.props['tier'], n.kind);
    if (kind === null) continue;
    const tier = n.props['tier'] as StatementTier;
    const parts = n.id.split('.');
    let clause: string;
    if (tier === 'controls') clause = parts[0] ?? n.id;
    else if (tier === 'management') clause = parts.slice(0, 2).join('.');
    else clause = parts.slice(0, 3).join('.');
    let objective: string | null = null;
    if (kind === 'objective') objective = n.id;
    else if (kind === 'detailed' && n.parentId !== null && byId.get(n.parentId)?.kind === 'objective')
      objective = n.parentId;
    out.push({
      id: n.id,
      kind,
      tier,
      clause,
      objective,
      basic: n.flags.includes('B'),
      cloud: n.flags.includes('P'),
      title: n.title,
      text: n.text,
      digest: criteriaDigest(n),
      order: out.length,
    });
  }
  return out;
}
