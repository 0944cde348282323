import { notFound } from '../../../core/errors';
import { authorize, organizationPolicy } from '../../../core/policies';
import type { Organization } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

/**
 * An organization admin requires (or stops requiring) a second factor of every member. Members without one enrol at
 * their next sign-in before they can do anything else; sessions already open are not cut short.
 */
export async function setOrganizationMfaRequirement(
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  input: { required: boolean },
): Promise<Organization> {
  return deps.uow.transaction(async (r) => {
    const before = await r.organizations.get(orgId);
    if (!before) throw notFound('organization');
    authorize(organizationPolicy, ctx.actor, 'update', before);
    const after: Organization = { ...before, requireMfa: input.required, updatedAt: deps.clock.now() };
    if (before.requireMfa === input.required) return before;
    await r.organizations.update(orgId, { requireMfa: after.requireMfa, updatedAt: after.updatedAt });
    await recordAudit(r, deps, ctx, {
      action: 'organization.require_mfa',
      targetType: 'organization',
      targetId: orgId,
      before,
      after,
      orgId,
      details: { required: input.required },
    });
    return after;
  });
}
