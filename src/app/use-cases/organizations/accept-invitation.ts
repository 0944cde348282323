import { authorize, invitationPolicy } from '../../../core/policies';
import type { MembershipRecord } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';
import { closePending, ensurePending, invitationResource, loadInvitation } from '../../invitation-access';
import { recordAudit } from '../../record-audit';
import { applyRole } from './set-membership';

/**
 * The invitee accepts: they become a member with the invited role. Accepting does not switch the organization they
 * act for; they switch to it when they choose to.
 */
export async function acceptInvitation(deps: AppDeps, ctx: RequestContext, id: string): Promise<MembershipRecord> {
  return deps.uow.transaction(async (r) => {
    const inv = await loadInvitation(r, id);
    authorize(invitationPolicy, ctx.actor, 'accept', await invitationResource(r, inv));
    const now = deps.clock.now();
    ensurePending(inv, now);
    // The invitee is not an admin of the organization: the lock is taken directly, without the admin check.
    const org = (await r.organizations.lockMemberships(inv.orgId))!;
    const user = (await r.users.get(ctx.actor.userId))!;
    await closePending(r, inv, 'accepted', now, user.id);
    await recordAudit(r, deps, ctx, {
      action: 'invitation.accept',
      targetType: 'invitation',
      targetId: inv.id,
      orgId: org.id,
      details: { email: inv.email, role: inv.role },
    });
    const before = await r.users.getMembership(user.id, org.id);
    // Already a member (added meanwhile by the operator): the invitation is answered, the role stays as it is.
    if (before) return before;
    return applyRole(r, deps, ctx, org, user, null, inv.role);
  });
}
