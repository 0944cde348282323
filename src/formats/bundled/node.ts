import type { CatalogNode } from '../../core/catalog/model';
export { makeNode } from '../../core/catalog/model';

/** Assigns `position` (order among siblings) and `depth` from parentId, keeping document order. */
export function numberSiblings(nodes: CatalogNode[]): CatalogNode[] {
  const counters = new Map<string | null, number>();
  const depth = new Map<string, number>();
  for (const n of nodes) {
    const pos = counters.get(n.parentId) ?? 0;
    counters.set(n.parentId, pos + 1);
    n.position = pos;
    n.depth = n.parentId === null ? 0 : (depth.get(n.parentId) ?? -1) + 1;
    depth.set(n.id, n.depth);
  }
  return nodes;
}
