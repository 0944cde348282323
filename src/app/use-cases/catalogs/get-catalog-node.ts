import { ancestors, type CatalogTree } from '../../../core/catalog/tree';
import { compareIds, isMandatory } from '../../../core/catalog/ids';
import { nodeKey, parseNodeKey, type CatalogNode } from '../../../core/catalog/model';
import { DomainError } from '../../../core/errors';
import type { MappingResource } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import type { CatalogSnapshot, MappingView } from '../../catalog-cache';
import type { StoredMapping } from '../../ports/repositories';
import { resolveEdition } from '../../node-ref';

export interface NodeMapping extends StoredMapping {
  /** The node at the other end, when it is in a stored edition. */
  other: { key: string; label: string; title: string | null; kind: string } | null;
  set: { id: string; title: string; source: string };
}

/**
 * A node page as every caller with the same readable mapping sets sees it. What differs per caller — the abilities
 * on each mapping — the presenter attaches, from `mappingSets`.
 */
export interface CatalogNodeDetail {
  catalog: string;
  edition: string;
  key: string;
  node: CatalogNode;
  mandatory: boolean;
  /** Root first, down to the parent. */
  ancestors: CatalogNode[];
  /** In natural id order: 9.2.3.2 before 9.2.3.10, ac-2 before ac-10. */
  children: { id: string; label: string; kind: string; title: CatalogNode['title'] }[];
  /** Mappings stored with this node as source, by target in natural id order (core/catalog/ids.ts `compareIds`). */
  mappingsOut: NodeMapping[];
  /** Mappings stored with this node as target, by source in natural id order. */
  mappingsIn: NodeMapping[];
  /** The policy inputs (core/policies `mappingPolicy`) of the set of each mapping above, by set id, in id order. */
  mappingSets: Record<string, MappingResource>;
}

function otherEnd(snapshot: CatalogSnapshot, key: string): NodeMapping['other'] {
  const p = parseNodeKey(key);
  const n = p ? snapshot.tree(p.catalog, p.edition)?.byId.get(p.id) : undefined;
  return n ? { key, label: n.label, title: n.title.en ?? n.title.ja ?? null, kind: n.kind } : null;
}

/**
 * One node with its text in both languages, where it sits, and every mapping that touches it (both directions).
 * Served from the snapshot with no query: the answer is kept with the snapshot per mapping view (only the mappings
 * of sets the caller may read, mappingSetPolicy), so callers with the same view get the same object until the
 * content changes. It is shared: never mutate it.
 */
export async function getCatalogNode(
  deps: AppDeps,
  ctx: RequestContext,
  input: { catalog: string; edition: string; nodeId: string },
): Promise<CatalogNodeDetail> {
  const snapshot = await deps.catalogCache.get(deps.uow);
  resolveEdition(snapshot, input.catalog, input.edition);
  const tree = snapshot.tree(input.catalog, input.edition)!;
  const node = tree.byId.get(input.nodeId);
  if (!node)
    throw new DomainError(
      'not_found',
      `node ${input.nodeId} not found in ${input.catalog} ${input.edition}`,
      undefined,
      { reason: 'node_not_found', params: { node: input.nodeId, catalog: input.catalog, edition: input.edition } },
    );
  const key = nodeKey(input.catalog, input.edition, node.id);
  const view = snapshot.forActor(ctx.actor);
  return snapshot.memo(`node\u0000${view.key}\u0000${key}`, () => nodeDetail(snapshot, view, tree, node, key, input));
}

function nodeDetail(
  snapshot: CatalogSnapshot,
  view: MappingView,
  tree: CatalogTree,
  node: CatalogNode,
  key: string,
  input: { catalog: string; edition: string },
): CatalogNodeDetail {
  const present = (m: StoredMapping, otherKey: string): NodeMapping => {
    const set = snapshot.set(m.setId);
    return {
      ...m,
      other: otherEnd(snapshot, otherKey),
      set: { id: m.setId, title: set?.title ?? m.setId, source: set?.source ?? 'bundled' },
    };
  };
  const all = view.forNode(key);
  const mappingSets: Record<string, MappingResource> = {};
  for (const id of [...new Set(all.map((m) => m.setId))].sort()) {
    const set = snapshot.set(id);
    mappingSets[id] = {
      setSource: set?.source ?? 'bundled',
      orgId: set?.orgId ?? null,
      published: set?.published ?? false,
    };
  }
  return {
    catalog: input.catalog,
    edition: input.edition,
    key,
    node,
    mandatory: isMandatory(node),
    ancestors: ancestors(tree, node.id),
    children: [...(tree.children.get(node.id) ?? [])]
      .sort((a, b) => compareIds(a.id, b.id))
      .map((c) => ({ id: c.id, label: c.label, kind: c.kind, title: c.title })),
    mappingsOut: all
      .filter((m) => m.source === key)
      .sort((a, b) => compareIds(a.target, b.target) || compareIds(a.setId, b.setId))
      .map((m) => present(m, m.target)),
    mappingsIn: all
      .filter((m) => m.target === key)
      .sort((a, b) => compareIds(a.source, b.source) || compareIds(a.setId, b.setId))
      .map((m) => present(m, m.source)),
    mappingSets,
  };
}
