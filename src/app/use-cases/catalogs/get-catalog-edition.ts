import type { CatalogEdition } from '../../../core/catalog/model';
import type { AppDeps, RequestContext } from '../../context';
import { resolveEdition } from '../../node-ref';

/** A whole edition with its nodes in document order (for export); the newest edition when `edition` is omitted. */
export async function getCatalogEdition(
  deps: AppDeps,
  _ctx: RequestContext,
  input: { catalog: string; edition?: string | null | undefined },
): Promise<CatalogEdition> {
  const snapshot = await deps.catalogCache.get(deps.uow);
  return resolveEdition(snapshot, input.catalog, input.edition);
}

/** An edition to export, with the time of the export (written into the document's metadata). */
export async function exportCatalogEdition(
  deps: AppDeps,
  ctx: RequestContext,
  input: { catalog: string; edition?: string | null | undefined },
) {
  return { edition: await getCatalogEdition(deps, ctx, input), exportedAt: deps.clock.now() };
}
