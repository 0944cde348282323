import type { CatalogEdition, CatalogNode } from './model';

/** Lookup structures over one edition's nodes, built once (nodes are in document order, parents first). */
export interface CatalogTree {
  byId: Map<string, CatalogNode>;
  /** Children in position order; key null holds the roots. */
  children: Map<string | null, CatalogNode[]>;
  roots: CatalogNode[];
}

export function buildTree(edition: Pick<CatalogEdition, 'nodes'>): CatalogTree {
  const byId = new Map<string, CatalogNode>();
  const children = new Map<string | null, CatalogNode[]>();
  for (const n of edition.nodes) {
    byId.set(n.id, n);
    const list = children.get(n.parentId);
    if (list) list.push(n);
    else children.set(n.parentId, [n]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  return { byId, children, roots: children.get(null) ?? [] };
}

/** Children of a node (roots for null), in position order. */
export function childrenOf(tree: CatalogTree, id: string | null): CatalogNode[] {
  return tree.children.get(id) ?? [];
}

/**
 * Descendants per node (the node itself not counted), for a tree view with counts. With `filter`, only
 * matching descendants count: `descendantCounts(tree, (n) => n.kind === 'detailed')` gives detailed controls
 * per clause, category and objective.
 */
export function descendantCounts(
  tree: CatalogTree,
  filter: (n: CatalogNode) => boolean = () => true,
): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (n: CatalogNode): number => {
    let total = 0;
    for (const c of childrenOf(tree, n.id)) total += visit(c) + (filter(c) ? 1 : 0);
    counts.set(n.id, total);
    return total;
  };
  for (const r of tree.roots) visit(r);
  return counts;
}

/** The path from the root down to the node's parent (root first); [] for a root or an unknown id. */
export function ancestors(tree: CatalogTree, id: string): CatalogNode[] {
  const out: CatalogNode[] = [];
  const seen = new Set<string>();
  let parent = tree.byId.get(id)?.parentId ?? null;
  // `seen` guards against a cycle in imported data, which would otherwise loop forever.
  while (parent !== null && !seen.has(parent)) {
    seen.add(parent);
    const p = tree.byId.get(parent);
    if (!p) break;
    out.push(p);
    parent = p.parentId;
  }
  return out.reverse();
}

/** Nodes in document order (depth-first by position), whatever order the database returned them in. */
export function documentOrder(nodes: readonly CatalogNode[]): CatalogNode[] {
  const tree = buildTree({ nodes: [...nodes] });
  const out: CatalogNode[] = [];
  const visit = (n: CatalogNode) => {
    out.push(n);
    for (const c of tree.children.get(n.id) ?? []) visit(c);
  };
  for (const r of tree.roots) visit(r);
  // Orphans (a parent id that does not exist) would otherwise vanish; keep them at the end.
  if (out.length < nodes.length) {
    const seen = new Set(out);
    for (const n of nodes) if (!seen.has(n)) out.push(n);
  }
  return out;
}
