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
 * catalog's newest edition), `9.2.3.11pb`, `nist-800-53r5:AC-2(1)`. Ids are normalised per catalog (see
 * core/catalog/ids.ts). Without a catalog, ISMAP is tried first, then every catalog whose id grammar fits
 * (`AC-2` is a NIST id, `A.9.2.3` an ISO one); when several have the node, it is refused with the candidates'
 * full ids (validation_failed, reason `node_ambiguous`). Throws not_found naming what was tried.
 */
export function resolveNodeRef(snapshot: CatalogSnapshot, ref: string): ResolvedNode {
  const trimmed = ref.trim();
  const parts = trimmed.split(':');
  if (parts.length >= 2 && snapshot.editionsOf(parts[0]!).length > 0) {
    const catalog = parts[0]!;
    const edition = parts.length >= 3 && snapshot.edition(catalog, parts[1]!) ? parts[1]! : undefined;
    return lookUp(snapshot, catalog, edition, parts.slice(edition ? 2 : 1).join(':'));
  }
  const ismap = find(snapshot, DEFAULT_CATALOG, undefined, trimmed);
  if (ismap) return ismap;
  const found = snapshot
    .catalogNames()
    .filter((c) => c !== DEFAULT_CATALOG)
    .map((c) => find(snapshot, c, undefined, trimmed))
    .filter((r): r is ResolvedNode => r !== null);
  // A baseline (`nist-800-53r5-low`) is a selection from its catalog (`nist-800-53r5`): the catalog stands for both.
  const bases = found.filter((r) => !found.some((o) => r.catalog.startsWith(`${o.catalog}-`)));
  if (bases.length === 1) return bases[0]!;
  if (bases.length > 1) {
    const ids = bases.map((r) => `${r.catalog}:${r.node.id}`);
    const message = `${trimmed} is in ${bases.length} catalogs; name one: ${ids.join(', ')}`;
    const candidates = ids.join(', ');
    const issue = { path: ['node'], message: candidates, code: 'node_candidates', params: { ids: candidates } };
    const detail = { reason: 'node_ambiguous', params: { node: trimmed, candidates } };
    throw new DomainError('validation_failed', message, [issue], detail);
  }
  return lookUp(snapshot, DEFAULT_CATALOG, undefined, trimmed);
}

function find(snapshot: CatalogSnapshot, catalog: string, edition: string | undefined, raw: string) {
  const e = edition ?? snapshot.editionsOf(catalog)[0];
  const tree = e ? snapshot.tree(catalog, e) : undefined;
  if (!e || !tree) return null;
  for (const id of [raw, ...idCandidates(catalog, raw)]) {
    const node = tree.byId.get(id);
    if (node) return { catalog, edition: e, node, key: nodeKey(catalog, e, node.id) };
  }
  return null;
}

function lookUp(snapshot: CatalogSnapshot, catalog: string, edition: string | undefined, raw: string): ResolvedNode {
  const e = edition ?? snapshot.editionsOf(catalog)[0];
  const missing = { reason: 'catalog_not_found', params: { catalog } };
  if (!e) throw new DomainError('not_found', `catalog ${catalog} not found`, undefined, missing);
  const hit = find(snapshot, catalog, e, raw);
  if (hit) return hit;
  const candidates = [...new Set([raw, ...idCandidates(catalog, raw)])];
  const ids = candidates.join(', ');
  const issue = { path: ['node'], message: `tried ${ids}`, code: 'node_ids_tried', params: { ids } };
  const detail = { reason: 'node_not_found', params: { node: raw, catalog, edition: e } };
  throw new DomainError('not_found', `node ${raw} not found in ${catalog} ${e}`, [issue], detail);
}

/** `catalog` or `catalog:edition` → the stored edition (newest when omitted); throws not_found. */
export function resolveEdition(snapshot: CatalogSnapshot, catalog: string, edition?: string | null) {
  const e = edition
    ? snapshot.edition(catalog, edition)
    : snapshot.edition(catalog, snapshot.editionsOf(catalog)[0] ?? '');
  if (!e)
    throw new DomainError(
      'not_found',
      edition ? `catalog edition ${catalog}:${edition} not found` : `catalog ${catalog} not found`,
      undefined,
      edition
        ? { reason: 'edition_not_found', params: { catalog, edition } }
        : { reason: 'catalog_not_found', params: { catalog } },
    );
  return e;
}
