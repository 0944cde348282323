import { z } from 'zod';
import { notFound } from '../../../core/errors';
import { authorize, organizationPolicy } from '../../../core/policies';
import type { Organization } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

export const updateOrganizationInput = z.object({
  nameJa: z.string().trim().min(1).max(200).optional(),
  nameEn: z.string().trim().min(1).max(200).optional(),
});
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationInput>;

export async function updateOrganization(
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  input: UpdateOrganizationInput,
): Promise<Organization> {
  return deps.uow.transaction(async (r) => {
    const before = await r.organizations.get(orgId);
    if (!before) throw notFound('organization');
    authorize(organizationPolicy, ctx.actor, 'update', before);
    const after: Organization = { ...before, ...input, updatedAt: deps.clock.now() };
    await r.organizations.update(orgId, { nameJa: after.nameJa, nameEn: after.nameEn, updatedAt: after.updatedAt });
    await recordAudit(r, deps, ctx, {
      action: 'organization.update',
      targetType: 'organization',
      targetId: orgId,
      before,
      after,
      orgId,
      details: { fields: Object.keys(input) },
    });
    return after;
  });
}
