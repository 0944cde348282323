import { notFound } from '../../core/errors';
import type { AppDeps, RequestContext } from '../context';
import type { MappingSetRecord, StoredMapping } from '../ports/repositories';

/** A mapping set with all its mappings (for export). Mapping sets are readable by every signed-in user. */
export async function getMappingSet(deps: AppDeps, _ctx: RequestContext, id: string): Promise<{ set: MappingSetRecord; mappings: StoredMapping[] }> {
  const set = await deps.uow.read.mappings.getSet(id);
  if (!set) throw notFound('mapping set');
  return { set, mappings: await deps.uow.read.mappings.bySet(id) };
}
