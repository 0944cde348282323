import { diffEditions, type EditionDiff } from '../../../core/catalog/diff';
import type { AppDeps, RequestContext } from '../../context';
import { resolveEdition } from '../../node-ref';

/** What changed between two stored editions of one catalog (added, removed, changed nodes with fields). */
export async function diffCatalogEditions(
  deps: AppDeps,
  _ctx: RequestContext,
  input: { catalog: string; from: string; to: string },
): Promise<EditionDiff> {
  const snapshot = await deps.catalogCache.get(deps.uow);
  return diffEditions(
    resolveEdition(snapshot, input.catalog, input.from),
    resolveEdition(snapshot, input.catalog, input.to),
  );
}
