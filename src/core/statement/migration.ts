import type { Criterion } from './criteria';
import type { ItemAnswer } from './model';

/**
 * Moving a statement to another edition of the criteria (言明書の基準改訂対応). Answers are carried over through
 * the succession links between the two editions (`succession:ismap:2024-07→2025-01`: the same item in the next
 * edition), or by identical id where the editions have no link for an item. What needs a person's attention is
 * listed: items added in the new edition, answered items that are gone, items whose criteria text changed since
 * the answer was written (its digest differs), and items whose link is weaker than `equal`.
 */
export interface SuccessionLink {
  /** Item id in the edition the statement moves from. */
  from: string;
  /** Item id in the edition it moves to. */
  to: string;
  relationship: string;
}

export const attentionReasons = ['added', 'removed', 'text_changed', 'structure_changed'] as const;
export type AttentionReason = (typeof attentionReasons)[number];

export interface Attention {
  reason: AttentionReason;
  /** In the new edition (null for `removed`). */
  itemId: string | null;
  /** In the old edition (null for `added`). */
  fromId: string | null;
}

export interface MigrationPlan {
  /** The answers for the new edition, keyed by their new item id. Digests stay those the text was written against. */
  answers: ItemAnswer[];
  attention: Attention[];
  carried: number;
}

const hasContent = (a: ItemAnswer) =>
  a.selection !== null ||
  a.status !== 'not_started' ||
  a.owner !== null ||
  Boolean(a.control.ja?.trim() || a.control.en?.trim()) ||
  a.revisions.length > 0;

/**
 * Example: from 2022-04 to 2024-07 the four added detailed controls come back as `added`, everything else is
 * carried by id, and an item whose text was revised comes back as `text_changed`.
 */
export function planEditionMigration(
  from: readonly Criterion[],
  to: readonly Criterion[],
  answers: readonly ItemAnswer[],
  links: readonly SuccessionLink[],
): MigrationPlan {
  const fromIds = new Set(from.map((c) => c.id));
  const toById = new Map(to.map((c) => [c.id, c]));
  const linkByFrom = new Map<string, SuccessionLink>();
  for (const l of links)
    if (fromIds.has(l.from) && toById.has(l.to) && !linkByFrom.has(l.from)) linkByFrom.set(l.from, l);

  const out: ItemAnswer[] = [];
  const attention: Attention[] = [];
  const reached = new Set<string>();
  const answered = new Map(answers.map((a) => [a.itemId, a]));
  for (const c of from) {
    const link = linkByFrom.get(c.id) ?? (toById.has(c.id) ? { from: c.id, to: c.id, relationship: 'equal' } : null);
    const a = answered.get(c.id);
    if (link === null) {
      if (a && hasContent(a)) attention.push({ reason: 'removed', itemId: null, fromId: c.id });
      continue;
    }
    if (reached.has(link.to)) continue;
    reached.add(link.to);
    const target = toById.get(link.to)!;
    if (a) {
      out.push({ ...a, itemId: target.id, version: 0 });
      if (link.relationship !== 'equal')
        attention.push({ reason: 'structure_changed', itemId: target.id, fromId: c.id });
      else if (a.criteriaDigest !== null && a.criteriaDigest !== target.digest)
        attention.push({ reason: 'text_changed', itemId: target.id, fromId: c.id });
      else if (a.criteriaDigest === null && c.digest !== target.digest)
        attention.push({ reason: 'text_changed', itemId: target.id, fromId: c.id });
    }
  }
  for (const c of to) if (!reached.has(c.id)) attention.push({ reason: 'added', itemId: c.id, fromId: null });
  return { answers: out, attention, carried: out.length };
}
