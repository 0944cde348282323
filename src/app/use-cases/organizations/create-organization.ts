import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { orgKinds } from '../../../core/identity';
import { authorize, platformPolicy } from '../../../core/policies';
import type { Organization } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

export const createOrganizationInput = z.object({
  kind: z.enum(orgKinds),
  slug: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens'),
  nameJa: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationInput>;

export async function createOrganization(
  deps: AppDeps,
  ctx: RequestContext,
  input: CreateOrganizationInput,
): Promise<Organization> {
  authorize(platformPolicy, ctx.actor, 'createOrganization', null);
  return deps.uow.transaction(async (r) => {
    if (await r.organizations.getBySlug(input.slug))
      throw new DomainError(
        'conflict',
        `An organization with slug "${input.slug}" already exists`,
        [{ path: ['slug'], message: 'already taken', code: 'slug_taken', params: { slug: input.slug } }],
        { reason: 'slug_taken', params: { slug: input.slug } },
      );
    const now = deps.clock.now();
    const org: Organization = { id: deps.ids.uuid(), ...input, createdAt: now, updatedAt: now, requireMfa: false };
    await r.organizations.insert(org);
    await recordAudit(r, deps, ctx, {
      action: 'organization.create',
      targetType: 'organization',
      targetId: org.id,
      after: org,
      orgId: org.id,
      details: { slug: org.slug, kind: org.kind },
    });
    return org;
  });
}
