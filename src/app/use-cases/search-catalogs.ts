import type { SearchHit } from '../../core/catalog/search-index';
import type { AppDeps, RequestContext } from '../context';

export interface SearchCatalogsInput {
  q: string;
  /** Catalog names or `catalog:edition`; all when empty. */
  catalogs?: string[] | undefined;
  limit?: number | undefined;
}

/** Loose ids (`9.2.3.11pb`, `AC-2(1)`), English words and Japanese text over every stored edition. */
export async function searchCatalogs(deps: AppDeps, _ctx: RequestContext, input: SearchCatalogsInput): Promise<{ query: string; hits: SearchHit[] }> {
  const snapshot = await deps.catalogCache.get(deps.uow);
  const hits = snapshot.search.search(input.q, { limit: input.limit ?? 20, ...(input.catalogs?.length ? { catalogs: input.catalogs } : {}) });
  return { query: input.q, hits };
}
