import type { CatalogEdition, CatalogNode } from '../catalog/model';
import { nodeKey } from '../catalog/model';
import { compareEditions } from './graph';
import { confidenceLevels, type Mapping, type MappingSet } from './model';

/**
 * The links an edition created from another one (a text import into a new edition name) needs so that the
 * mapping graph still reaches other frameworks from it: the new edition has no mappings of its own, and a bare
 * `ismap:9.2.3` resolves to the newest edition.
 *
 * - `succession`: one mapping per node id present in both editions, new ⇢ base. 'equal' (confidence 1) when the
 *   node's structure (kind, parent, flags) is unchanged — the texts may differ, the requirement is the same item;
 *   'intersects-with' (confidence 0.7) otherwise.
 * - `structure`: the base edition's own derived links (a detailed control subset-of its objective) copied to the
 *   new edition where both ends still exist, plus the same link for new detailed controls under an objective.
 *
 * Example: `editionSuccession(ismap202407, ismap202501, structureMappings)` gives
 * `succession:ismap:2024-07→2025-01` with `ismap:2025-01:9.2.3 equal ismap:2024-07:9.2.3`.
 */
export interface EditionSuccession {
  succession: MappingSet;
  structure: MappingSet;
}

export const successionSetId = (catalog: string, base: string, next: string) => `succession:${catalog}:${base}→${next}`;
export const structureSetId = (catalog: string, edition: string) => `structure:${catalog}:${edition}`;

function sameStructure(a: CatalogNode, b: CatalogNode): boolean {
  return (
    a.kind === b.kind && a.parentId === b.parentId && [...a.flags].sort().join(',') === [...b.flags].sort().join(',')
  );
}

/**
 * `base`: the edition `next` was copied from; `withinBase`: its stored mappings (only derived ones with both ends in
 * the base are copied). Succession follows edition order, not creation order: a 2022-04 created from 2024-07 is
 * the older one, so its set is `succession:ismap:2022-04→2024-07` with `2024-07:x equal 2022-04:x`.
 */
export function editionSuccession(
  base: CatalogEdition,
  next: CatalogEdition,
  withinBase: readonly Mapping[],
): EditionSuccession {
  const { catalog } = next;
  const document = `ISMAP Hub: edition ${next.edition} created from ${base.edition}`;
  const baseById = new Map(base.nodes.map((n) => [n.id, n]));
  const nextById = new Map(next.nodes.map((n) => [n.id, n]));
  const [older, newer] = compareEditions(next.edition, base.edition) < 0 ? [next, base] : [base, next];
  const succession: Mapping[] = [];
  for (const n of next.nodes) {
    const old = baseById.get(n.id);
    if (!old) continue;
    const same = sameStructure(old, n);
    succession.push({
      source: nodeKey(catalog, newer.edition, n.id),
      target: nodeKey(catalog, older.edition, n.id),
      relationship: same ? 'equal' : 'intersects-with',
      provenance: { document, method: 'derived' },
      confidence: same ? confidenceLevels.certain : confidenceLevels.medium,
      note: same ? 'same item in the next edition' : 'same id, structure changed (kind, parent or flags)',
    });
  }

  const basePrefix = `${catalog}:${base.edition}:`;
  const rekey = (key: string) => (key.startsWith(basePrefix) ? key.slice(basePrefix.length) : null);
  const structure: Mapping[] = [];
  const seen = new Set<string>();
  const add = (m: Mapping) => {
    const k = `${m.source}\u0000${m.target}`;
    if (seen.has(k)) return;
    seen.add(k);
    structure.push(m);
  };
  for (const m of withinBase) {
    if (m.provenance.method !== 'derived') continue;
    const s = rekey(m.source);
    const t = rekey(m.target);
    if (s === null || t === null || !nextById.has(s) || !nextById.has(t)) continue;
    add({ ...m, source: nodeKey(catalog, next.edition, s), target: nodeKey(catalog, next.edition, t) });
  }
  for (const n of next.nodes) {
    if (baseById.has(n.id) || n.kind !== 'detailed' || n.parentId === null) continue;
    if (nextById.get(n.parentId)?.kind !== 'objective') continue;
    add({
      source: nodeKey(catalog, next.edition, n.id),
      target: nodeKey(catalog, next.edition, n.parentId),
      relationship: 'subset-of',
      provenance: { document, method: 'derived' },
      confidence: confidenceLevels.certain,
      note: 'detailed control under its control objective',
    });
  }

  return {
    succession: {
      id: successionSetId(catalog, older.edition, newer.edition),
      title: `${catalog} ${newer.edition} succeeds ${older.edition}`,
      description: `Each node of ${catalog} ${newer.edition} and the node with the same id in ${older.edition}: equal when kind, parent and flags are unchanged, intersects-with otherwise. Lets mapping paths from either edition go on through the other's mappings.`,
      provenance: document,
      mappings: succession,
    },
    structure: {
      id: structureSetId(catalog, next.edition),
      title: `${catalog} ${next.edition}: links within the edition`,
      description: `The derived links within ${catalog} ${base.edition} (a detailed control is a subset of its control objective), copied to ${next.edition}, and the same link for its new detailed controls.`,
      provenance: document,
      mappings: structure,
    },
  };
}
