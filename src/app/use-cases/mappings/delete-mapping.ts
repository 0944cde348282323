import { notFound } from '../../../core/errors';
import { authorize, mappingPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

/** Deletes a user's mapping: the creator's organization admins and platform administrators only. */
export async function deleteMapping(deps: AppDeps, ctx: RequestContext, id: string): Promise<void> {
  await deps.uow.transaction(async (r) => {
    const before = await r.mappings.get(id);
    if (!before) throw notFound('mapping');
    const set = await r.mappings.getSet(before.setId);
    authorize(mappingPolicy, ctx.actor, 'delete', {
      setSource: set?.source ?? 'bundled',
      orgId: set?.orgId ?? null,
      published: set?.published ?? false,
    });
    await r.mappings.delete(id);
    await r.mappings.touchSet(before.setId, deps.clock.now());
    await recordAudit(r, deps, ctx, {
      action: 'mapping.delete',
      targetType: 'mapping',
      targetId: id,
      before,
      orgId: set?.orgId ?? null,
      details: { set: before.setId, source: before.source, target: before.target },
    });
  });
  deps.catalogCache.invalidateMappings();
}
