import { notFound } from '../../../core/errors';
import { authorize, organizationPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import type { Organization } from '../../../core/records';
import type { MemberRow } from '../../ports/repositories';

export async function getOrganization(deps: AppDeps, ctx: RequestContext, id: string): Promise<Organization> {
  const org = await deps.uow.read.organizations.get(id);
  if (!org) throw notFound('organization');
  authorize(organizationPolicy, ctx.actor, 'read', org);
  return org;
}

export async function listMembers(deps: AppDeps, ctx: RequestContext, orgId: string): Promise<MemberRow[]> {
  const org = await deps.uow.read.organizations.get(orgId);
  if (!org) throw notFound('organization');
  authorize(organizationPolicy, ctx.actor, 'viewMembers', org);
  return deps.uow.read.users.members(orgId);
}
