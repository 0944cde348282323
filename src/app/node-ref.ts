import { idCandidates } from '../core/catalog/ids';
import { nodeKey, type CatalogNode } from '../core/catalog/model';
import { DomainError } from '../core/errors';
import type { CatalogSnapshot } from './catalog-cache';

export const DEFAULT_CATALOG = 'ismap';

export interface ResolvedNode {
  catalog: string;
  edition: string;
  node: CatalogNode;
  key: string;
}

/**
 * A node named loosely, the way people type it: `ismap:2024-07:9.2.3.11.PB` (a full key), `ismap:9.2.3` (the
 * catalog's newest edition), `9.2.3.11pb` (ISMAP by default), `nist-800-53r5:AC-2(1)`. Ids are normalised per
 * catalog (see core/catalog/ids.ts). Throws not_found naming what was tried.
 */
export function resolveNodeRef(snapshot: CatalogSnapshot, ref: string): ResolvedNode {
  const trimmed = ref.trim();
  const parts = trimmed.split(':');
  let catalog = DEFAULT_CATALOG;
  let edition: string | undefined;
  let raw = trimmed;
  if (parts.length >= 2 && snapshot.editionsOf(parts[0]!).length > 0) {
    catalog = parts[0]!;
    if (parts.length >= 3 && snapshot.edition(catalog, parts[1]!)) {
      edition = parts[1]!;
      raw = parts.slice(2).join(':');
    } else raw = parts.slice(1).join(':');
  }
  edition ??= snapshot.editionsOf(catalog)[0];
  if (!edition) throw new DomainError('not_found', `catalog ${catalog} not found`, undefined, { reason: 'catalog_not_found', params: { catalog } });
  const tree = snapshot.tree(catalog, edition)!;
  const candidates = [raw, ...idCandidates(catalog, raw)];
  for (const id of candidates) {
    const node = tree.byId.get(id);
    if (node) return { catalog, edition, node, key: nodeKey(catalog, edition, node.id) };
  }
  throw new DomainError('not_found', `node ${raw} not found in ${catalog} ${edition}`, [{ path: ['node'], message: `tried ${[...new Set(candidates)].join(', ')}`, code: 'node_ids_tried', params: { ids: [...new Set(candidates)].join(', ') } }], { reason: 'node_not_found', params: { node: raw, catalog, edition } });
}

/** `catalog` or `catalog:edition` → the stored edition (newest when omitted); throws not_found. */
export function resolveEdition(snapshot: CatalogSnapshot, catalog: string, edition?: string | null) {
  const e = edition ? snapshot.edition(catalog, edition) : snapshot.edition(catalog, snapshot.editionsOf(catalog)[0] ?? '');
  if (!e) throw new DomainError('not_found', edition ? `catalog edition ${catalog}:${edition} not found` : `catalog ${catalog} not found`, undefined, edition ? { reason: 'edition_not_found', params: { catalog, edition } } : { reason: 'catalog_not_found', params: { catalog } });
  return e;
}
