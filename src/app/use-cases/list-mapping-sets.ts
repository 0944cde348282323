import type { AppDeps, RequestContext } from '../context';
import type { MappingSetRecord } from '../ports/repositories';

/** Every mapping set with its size; readable by every signed-in user. */
export async function listMappingSets(deps: AppDeps, _ctx: RequestContext): Promise<(MappingSetRecord & { count: number })[]> {
  return deps.uow.read.mappings.listSets();
}
