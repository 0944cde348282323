import { authorize, invitationPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { closePending, ensurePending, invitationResource, loadInvitation } from '../../invitation-access';
import { recordAudit } from '../../record-audit';

/** The invitee declines; the inviting organization's admins see that in their audit log. */
export async function declineInvitation(deps: AppDeps, ctx: RequestContext, id: string): Promise<void> {
  await deps.uow.transaction(async (r) => {
    const inv = await loadInvitation(r, id);
    authorize(invitationPolicy, ctx.actor, 'decline', await invitationResource(r, inv));
    const now = deps.clock.now();
    ensurePending(inv, now);
    await closePending(r, inv, 'declined', now, ctx.actor.userId);
    await recordAudit(r, deps, ctx, {
      action: 'invitation.decline',
      targetType: 'invitation',
      targetId: inv.id,
      orgId: inv.orgId,
      details: { email: inv.email, role: inv.role },
    });
  });
}
