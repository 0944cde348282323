import type { AppDeps, RequestContext } from '../../context';
import type { MappingSetWithCount } from '../../catalog-cache';

/** The mapping sets the caller may read, with their sizes: global and published sets and their organizations' own. */
export async function listMappingSets(deps: AppDeps, ctx: RequestContext): Promise<MappingSetWithCount[]> {
  return [...(await deps.catalogCache.get(deps.uow)).forActor(ctx.actor).sets];
}
