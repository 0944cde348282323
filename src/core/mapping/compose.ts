import type { MappingMethod, Relationship } from './model';

/**
 * Composition of relationships along a chain `a r1 b`, `b r2 c` ⇒ `a compose(r1, r2) c`.
 *
 * | r1 \ r2         | equal           | subset-of       | superset-of     | intersects-with | no-relationship |
 * |-----------------|-----------------|-----------------|-----------------|-----------------|-----------------|
 * | equal           | equal           | subset-of       | superset-of     | intersects-with | null            |
 * | subset-of       | subset-of       | subset-of       | intersects-with | intersects-with | null            |
 * | superset-of     | superset-of     | intersects-with | superset-of     | intersects-with | null            |
 * | intersects-with | intersects-with | intersects-with | intersects-with | intersects-with | null            |
 * | no-relationship | null            | null            | null            | null            | null            |
 *
 * Why: equal is the identity; ⊂ is transitive, as is ⊃. For a ⊃ b ⊂ c the two share b, so they overlap; for
 * a ⊂ b ⊃ c set theory does not even promise overlap, but a mapping chain is a claim of relevance, so we still say
 * intersects-with — the weakest claim that connects them — and let the composed confidence (the minimum of the
 * links) and the 'derived' method tell the reader how far to trust it. Anything with intersects-with stays
 * intersects-with. `null` means the path is broken: "no-relationship" never composes into a relationship.
 * The result is never stronger (see `strength`) than the weaker of the two links.
 *
 * Example: `compose('equal', 'intersects-with') === 'intersects-with'`.
 */
export function compose(r1: Relationship, r2: Relationship): Relationship | null {
  if (r1 === 'no-relationship' || r2 === 'no-relationship') return null;
  if (r1 === 'equal') return r2;
  if (r2 === 'equal') return r1;
  if (r1 === r2 && r1 !== 'intersects-with') return r1;
  return 'intersects-with';
}

/** Composes a whole chain left to right; null when any link is 'no-relationship' or the chain is empty. */
export function composeAll(rs: readonly Relationship[]): Relationship | null {
  if (rs.length === 0) return null;
  let acc: Relationship | null = rs[0]!;
  for (let i = 1; i < rs.length && acc; i++) acc = compose(acc, rs[i]!);
  return acc;
}

/** A composed path is only as official as all of its links: one non-official link makes it 'derived'. */
export function composeMethod(methods: readonly MappingMethod[]): MappingMethod {
  if (methods.length === 1) return methods[0]!;
  return methods.length > 0 && methods.every((m) => m === 'official') ? 'official' : 'derived';
}

/** Confidence of a path is the weakest link's. */
export function composeConfidence(cs: readonly number[]): number {
  return cs.length === 0 ? 0 : Math.min(...cs);
}
