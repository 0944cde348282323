import { notFound } from '../../../core/errors';
import { abilities, authorize, invitationPolicy, organizationPolicy, type Abilities } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import type { InvitationView } from '../../ports/repositories';

export type InvitationWithAbilities = InvitationView & {
  abilities: Abilities<keyof (typeof invitationPolicy)['rules']>;
};

/** Open invitations of an organization, for its admins (who may revoke them). */
export async function listOrganizationInvitations(
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
): Promise<InvitationWithAbilities[]> {
  const org = await deps.uow.read.organizations.get(orgId);
  if (!org) throw notFound('organization');
  authorize(organizationPolicy, ctx.actor, 'manageMembers', org);
  const list = await deps.uow.read.invitations.listPendingForOrg(orgId, deps.clock.now());
  const invitees = new Map<string, string | null>();
  for (const inv of list)
    if (!invitees.has(inv.email))
      invitees.set(inv.email, (await deps.uow.read.users.getByEmail(inv.email))?.id ?? null);
  return list.map((inv) => ({
    ...inv,
    abilities: abilities(invitationPolicy, ctx.actor, { orgId, inviteeUserId: invitees.get(inv.email) ?? null }),
  }));
}

/** Open invitations addressed to the caller's own email (shown after sign-in, to accept or decline). */
export async function listMyInvitations(deps: AppDeps, ctx: RequestContext): Promise<InvitationWithAbilities[]> {
  const me = await deps.uow.read.users.get(ctx.actor.userId);
  if (!me) return [];
  const list = await deps.uow.read.invitations.listPendingForEmail(me.email, deps.clock.now());
  return list.map((inv) => ({
    ...inv,
    abilities: abilities(invitationPolicy, ctx.actor, { orgId: inv.orgId, inviteeUserId: me.id }),
  }));
}
