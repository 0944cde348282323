import { notFound } from '../../../core/errors';
import { can, mappingSetPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import type { MappingSetRecord, StoredMapping } from '../../ports/repositories';

/** A mapping set with all its mappings (for export); another organization's unpublished set is not found. */
export async function getMappingSet(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ set: MappingSetRecord; mappings: StoredMapping[]; exportedAt: Date }> {
  const set = await deps.uow.read.mappings.getSet(id);
  if (!set || !can(mappingSetPolicy, ctx.actor, 'read', set)) throw notFound('mapping_set');
  return { set, mappings: await deps.uow.read.mappings.bySet(id), exportedAt: deps.clock.now() };
}
