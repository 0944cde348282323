import { z } from 'zod';
import { notFound } from '../../../core/errors';
import { authorize, mappingSetPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import type { MappingSetWithCount } from '../../catalog-cache';
import { recordAudit } from '../../record-audit';

export const publishMappingSetInput = z.object({
  published: z.boolean().describe('true: every signed-in user reads the set; false: only its organization again'),
});

/**
 * Publishes an organization's mapping set to everyone, or takes it back (platform administrators only; a global
 * set has nothing to publish). Setting what is already set writes nothing.
 */
export async function publishMappingSet(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  raw: z.input<typeof publishMappingSetInput>,
): Promise<MappingSetWithCount> {
  const { published } = publishMappingSetInput.parse(raw);
  const set = await deps.uow.transaction(async (r) => {
    const set = await r.mappings.getSet(id);
    if (!set) throw notFound('mapping_set');
    authorize(mappingSetPolicy, ctx.actor, 'publish', set);
    if (set.published === published) return set;
    const now = deps.clock.now();
    await r.mappings.setPublished(id, published, now);
    await recordAudit(r, deps, ctx, {
      action: published ? 'mapping_set.publish' : 'mapping_set.unpublish',
      targetType: 'mapping_set',
      targetId: id,
      orgId: set.orgId,
      before: { published: set.published },
      after: { published },
    });
    return { ...set, published, updatedAt: now };
  });
  return { ...set, count: (await deps.catalogCache.get(deps.uow)).set(id)?.count ?? 0 };
}
