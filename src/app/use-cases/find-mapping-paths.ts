import type { PathsResult } from '../../core/mapping/graph';
import type { AppDeps, RequestContext } from '../context';
import { resolveNodeRef } from '../node-ref';

export interface FindMappingPathsInput {
  /** A node named loosely: `ismap:9.2.3`, `9.2.3`, a full key. */
  from: string;
  /** Target catalog, with or without `:edition`. */
  to: string;
  via?: string[] | undefined;
  maxDepth?: number | undefined;
}

/**
 * Every path from a node to another catalog through the stored mappings, each link with its provenance, composed
 * relationship and confidence, and the reached targets grouped (see core/mapping/graph.ts).
 */
export async function findMappingPaths(deps: AppDeps, _ctx: RequestContext, input: FindMappingPathsInput): Promise<PathsResult & { fromLabel: string }> {
  const snapshot = await deps.catalogCache.get(deps.uow);
  const from = resolveNodeRef(snapshot, input.from);
  const result = snapshot.graph.paths(from.key, input.to, { ...(input.via ? { via: input.via } : {}), ...(input.maxDepth ? { maxDepth: input.maxDepth } : {}) });
  return { ...result, fromLabel: from.node.label };
}
