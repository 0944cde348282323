import { childrenOf, descendantCounts } from '../../../core/catalog/tree';
import { isMandatory } from '../../../core/catalog/ids';
import type { CatalogNode } from '../../../core/catalog/model';
import { DomainError } from '../../../core/errors';
import type { AppDeps, RequestContext } from '../../context';
import { resolveEdition } from '../../node-ref';

export interface NodeWithCounts {
  node: CatalogNode;
  mandatory: boolean;
  childCount: number;
  /** Descendants per kind (the node itself not counted): { detailed: 12 } under an objective. */
  descendants: Record<string, number>;
}

/** Children of a node (roots without `parent`), each with its descendant counts by kind, for a tree view. */
export async function listCatalogNodes(
  deps: AppDeps,
  _ctx: RequestContext,
  input: { catalog: string; edition: string; parent?: string | null | undefined },
): Promise<{ catalog: string; edition: string; parent: string | null; nodes: NodeWithCounts[] }> {
  const snapshot = await deps.catalogCache.get(deps.uow);
  resolveEdition(snapshot, input.catalog, input.edition);
  const tree = snapshot.tree(input.catalog, input.edition)!;
  const parent = input.parent ?? null;
  if (parent !== null && !tree.byId.has(parent))
    throw new DomainError('not_found', `node ${parent} not found in ${input.catalog} ${input.edition}`, undefined, {
      reason: 'node_not_found',
      params: { node: parent, catalog: input.catalog, edition: input.edition },
    });
  const kinds = [...new Set([...tree.byId.values()].map((n) => n.kind))];
  const perKind = new Map(kinds.map((k) => [k, descendantCounts(tree, (n) => n.kind === k)]));
  const nodes = childrenOf(tree, parent).map((node) => {
    const descendants: Record<string, number> = {};
    for (const [k, counts] of perKind) {
      const n = counts.get(node.id) ?? 0;
      if (n > 0) descendants[k] = n;
    }
    return { node, mandatory: isMandatory(node), childCount: childrenOf(tree, node.id).length, descendants };
  });
  return { catalog: input.catalog, edition: input.edition, parent, nodes };
}
