import { abilities, can, organizationPolicy, type Abilities } from '../../../core/policies';
import type { Organization } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';

export type OrganizationWithAbilities = Organization & { abilities: Abilities<keyof (typeof organizationPolicy)['rules']> };

export async function listOrganizations(deps: AppDeps, ctx: RequestContext): Promise<OrganizationWithAbilities[]> {
  const orgs = ctx.actor.isPlatformAdmin ? await deps.uow.read.organizations.list() : await deps.uow.read.organizations.list({ ids: ctx.actor.memberships.map((m) => m.orgId) });
  return orgs.filter((o) => can(organizationPolicy, ctx.actor, 'read', o)).map((o) => ({ ...o, abilities: abilities(organizationPolicy, ctx.actor, o) }));
}
