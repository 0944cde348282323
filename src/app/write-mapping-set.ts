import type { MappingSet } from '../core/mapping/model';
import type { AppDeps, RequestContext } from './context';
import { mappingSetHash } from './content-hash';
import type { Repositories, StoredMapping } from './ports/repositories';

/**
 * Writes an imported or derived mapping set and all its mappings in the caller's transaction, replacing what the set
 * held before. The caller authorizes and records the audit event (its action and details differ by use case).
 * Returns how many mappings were written.
 */
export async function writeImportedMappingSet(
  r: Repositories,
  deps: Pick<AppDeps, 'clock' | 'ids'>,
  ctx: RequestContext,
  set: MappingSet,
  orgId: string | null,
): Promise<number> {
  const now = deps.clock.now();
  const rows = set.mappings.map((m): StoredMapping => ({
    ...m,
    id: deps.ids.uuid(),
    setId: set.id,
    createdBy: ctx.actor.userId,
    createdAt: now,
  }));
  await r.mappings.deleteSet(set.id);
  await r.mappings.putSet({
    id: set.id,
    title: set.title,
    description: set.description,
    provenance: set.provenance,
    source: 'import',
    orgId,
    contentHash: mappingSetHash(set),
    updatedAt: now,
  });
  await r.mappings.insert(rows);
  return rows.length;
}
