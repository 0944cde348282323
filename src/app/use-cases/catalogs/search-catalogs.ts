import { foldBaselineHits } from '../../../core/catalog/search-fold';
import type { SearchHit } from '../../../core/catalog/search-index';
import type { AppDeps, RequestContext } from '../../context';
import type { CatalogSnapshot } from '../../catalog-cache';

export interface SearchCatalogsInput {
  q: string;
  /** Catalog names or `catalog:edition`; all when empty. */
  catalogs?: string[] | undefined;
  limit?: number | undefined;
}

/** Hits of the baseline catalogs stand behind their source control; read this many more to fill `limit`. */
const BASELINE_HEADROOM = 12;

/**
 * Loose ids (`9.2.3.11pb`, `AC-2(1)`), English words and Japanese text over every stored edition. Hits from
 * baseline catalogs (copies of a source catalog's controls, core/catalog/search-fold.ts) are folded into their
 * source control's hit as `baselines`, unless the catalog filter names the baseline; for equal scores ISMAP
 * comes first, then the other base catalogs.
 */
export async function searchCatalogs(
  deps: AppDeps,
  _ctx: RequestContext,
  input: SearchCatalogsInput,
): Promise<{ query: string; hits: SearchHit[] }> {
  const snapshot = await deps.catalogCache.get(deps.uow);
  const limit = input.limit ?? 20;
  const named = new Set(input.catalogs ?? []);
  // The same question asked again is answered from the snapshot's memo.
  const hits = snapshot.memo(`search\u0000${input.q}\u0000${limit}\u0000${[...named].join(',')}`, () =>
    search(snapshot, input.q, limit, named),
  );
  return { query: input.q, hits };
}

function search(snapshot: CatalogSnapshot, q: string, limit: number, named: Set<string>): SearchHit[] {
  // Snippets are made only for the hits returned, not for the headroom that folding drops.
  const raw = snapshot.search.search(q, {
    limit: limit * BASELINE_HEADROOM,
    snippets: false,
    ...(named.size ? { catalogs: [...named] } : {}),
  });
  const hits = foldBaselineHits(raw, {
    limit,
    sourceOf: (h) => {
      const source = snapshot.tree(h.catalog, h.edition)?.byId.get(h.id)?.props['sourceNode'];
      return typeof source === 'string' ? source : undefined;
    },
    named: (h) => named.has(h.catalog) || named.has(`${h.catalog}:${h.edition}`),
  });
  return hits.map((h) => snapshot.search.withSnippet(h, q));
}
