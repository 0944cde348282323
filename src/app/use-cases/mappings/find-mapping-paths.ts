import { catalogOfKey, type PathOptions, type PathsResult } from '../../../core/mapping/graph';
import { nodeKey } from '../../../core/catalog/model';
import type { AppDeps, RequestContext } from '../../context';
import type { CatalogSnapshot, MappingView } from '../../catalog-cache';
import { resolveNodeRef, type ResolvedNode } from '../../node-ref';

export interface FindMappingPathsInput {
  /** A node named loosely: `ismap:9.2.3`, `9.2.3`, a full key. */
  from: string;
  /** Target catalog, with or without `:edition`. */
  to: string;
  via?: string[] | undefined;
  maxDepth?: number | undefined;
}

export interface FindMappingPathsResult extends PathsResult {
  fromLabel: string;
  /** Only when no path was found: what to try instead, e.g. the same id in an edition that has mappings. */
  hint?: string;
}

/**
 * Every path from a node to another catalog through the stored mappings, each link with its provenance, composed
 * relationship and confidence, and the reached targets grouped (see core/mapping/graph.ts). With no path, a
 * `hint` says why and what to try.
 */
export async function findMappingPaths(
  deps: AppDeps,
  ctx: RequestContext,
  input: FindMappingPathsInput,
): Promise<FindMappingPathsResult> {
  const snapshot = await deps.catalogCache.get(deps.uow);
  const from = resolveNodeRef(snapshot, input.from);
  const opts: PathOptions = {
    ...(input.via ? { via: input.via } : {}),
    ...(input.maxDepth ? { maxDepth: input.maxDepth } : {}),
  };
  // Only global sets and the caller's organizations' own (core/policies mappingSetPolicy).
  const view = snapshot.forActor(ctx.actor);
  const key = ['paths', view.key, from.key, input.to, (input.via ?? []).join(','), input.maxDepth ?? ''].join('\u0000');
  return snapshot.memo(key, () => {
    const result = view.graph.paths(from.key, input.to, opts);
    if (result.paths.length > 0) return { ...result, fromLabel: from.node.label };
    return { ...result, fromLabel: from.node.label, hint: noPathHint(snapshot, view, from, input, opts, result) };
  });
}

function noPathHint(
  snapshot: CatalogSnapshot,
  view: MappingView,
  from: ResolvedNode,
  input: FindMappingPathsInput,
  opts: PathOptions,
  result: PathsResult,
): string {
  const to = input.to;
  // The same id in another edition of the catalog that does reach the target, when this node has no link out of
  // its own edition (an edition made before edition successions were recorded, or one whose mappings were never loaded).
  const own = `${from.catalog}:${from.edition}`;
  const linksOut = view.graph.neighbours(from.key).some((l) => catalogOfKey(l.to) !== own);
  for (const edition of linksOut ? [] : snapshot.editionsOf(from.catalog)) {
    if (edition === from.edition || !snapshot.tree(from.catalog, edition)?.byId.has(from.node.id)) continue;
    const key = nodeKey(from.catalog, edition, from.node.id);
    if (view.graph.paths(key, to, opts).paths.length > 0)
      return `edition ${from.edition} has no mappings to ${to}; try ${key}`;
  }
  if (view.graph.neighbours(from.key).length === 0)
    return `${from.key} has no stored mappings at all; add one, or import a mapping set`;
  if (result.via) {
    const steps = result.via.slice(0, -1);
    return `no path from ${from.key} to ${result.toCatalog} ${steps.length ? `through ${steps.join(', ')}` : 'by a direct mapping'}; try without via`;
  }
  const depth = opts.maxDepth ?? 6;
  return `no path from ${from.key} to ${result.toCatalog} within ${depth} link${depth === 1 ? '' : 's'}; try a larger maximum depth`;
}
