import { notFound } from '../../../core/errors';
import { authorize, invitationPolicy, organizationPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { closePending, ensurePending, invitationResource, loadInvitation } from '../../invitation-access';
import { recordAudit } from '../../record-audit';

/** Withdraws an invitation before it is answered (its link stops working). Expired ones may be withdrawn too. */
export async function revokeInvitation(deps: AppDeps, ctx: RequestContext, orgId: string, id: string): Promise<void> {
  await deps.uow.transaction(async (r) => {
    const org = await r.organizations.get(orgId);
    if (!org) throw notFound('organization');
    // As for the list of invitations: members who may not manage members get 403, outsiders 404.
    authorize(organizationPolicy, ctx.actor, 'manageMembers', org);
    const inv = await loadInvitation(r, id);
    if (inv.orgId !== orgId) throw notFound('invitation');
    authorize(invitationPolicy, ctx.actor, 'revoke', await invitationResource(r, inv));
    const now = deps.clock.now();
    ensurePending(inv, now, true);
    await closePending(r, inv, 'revoked', now, ctx.actor.userId);
    await recordAudit(r, deps, ctx, {
      action: 'invitation.revoke',
      targetType: 'invitation',
      targetId: inv.id,
      orgId,
      details: { email: inv.email, role: inv.role },
    });
  });
}
