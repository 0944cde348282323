import { can, organizationPolicy } from '../../../core/policies';
import type { Organization } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';

/** The organizations the caller may read (all of them for platform administrators). */
export async function listOrganizations(deps: AppDeps, ctx: RequestContext): Promise<Organization[]> {
  const orgs = ctx.actor.isPlatformAdmin
    ? await deps.uow.read.organizations.list()
    : await deps.uow.read.organizations.list({ ids: ctx.actor.memberships.map((m) => m.orgId) });
  return orgs.filter((o) => can(organizationPolicy, ctx.actor, 'read', o));
}
