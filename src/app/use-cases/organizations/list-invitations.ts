import { notFound } from '../../../core/errors';
import { authorize, organizationPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import type { InvitationView } from '../../ports/repositories';

/** An open invitation and what the invitation policy needs to judge it (the presenter attaches the abilities). */
export type ListedInvitation = InvitationView & {
  /** The account registered with the invitation's email, if there is one. */
  inviteeUserId: string | null;
};

/** Open invitations of an organization, for its admins (who may revoke them). */
export async function listOrganizationInvitations(
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
): Promise<ListedInvitation[]> {
  const org = await deps.uow.read.organizations.get(orgId);
  if (!org) throw notFound('organization');
  authorize(organizationPolicy, ctx.actor, 'manageMembers', org);
  const list = await deps.uow.read.invitations.listPendingForOrg(orgId, deps.clock.now());
  const invitees = new Map<string, string | null>();
  for (const inv of list)
    if (!invitees.has(inv.email))
      invitees.set(inv.email, (await deps.uow.read.users.getByEmail(inv.email))?.id ?? null);
  return list.map((inv) => ({ ...inv, inviteeUserId: invitees.get(inv.email) ?? null }));
}

/** Open invitations addressed to the caller's own email (shown after sign-in, to accept or decline). */
export async function listMyInvitations(deps: AppDeps, ctx: RequestContext): Promise<ListedInvitation[]> {
  const me = await deps.uow.read.users.get(ctx.actor.userId);
  if (!me) return [];
  const list = await deps.uow.read.invitations.listPendingForEmail(me.email, deps.clock.now());
  return list.map((inv) => ({ ...inv, inviteeUserId: me.id }));
}
