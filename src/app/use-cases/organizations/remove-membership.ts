import { notFound } from '../../../core/errors';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { ensureAnotherAdmin, lockForMembershipChange } from '../../membership-guard';

export async function removeMembership(
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  userId: string,
): Promise<void> {
  await deps.uow.transaction(async (r) => {
    await lockForMembershipChange(r, ctx.actor, orgId);
    const before = await r.users.getMembership(userId, orgId);
    if (!before) throw notFound('membership');
    if (before.role === 'admin') await ensureAnotherAdmin(r, orgId, userId);
    await r.users.deleteMembership(userId, orgId);
    await recordAudit(r, deps, ctx, {
      action: 'membership.delete',
      targetType: 'membership',
      targetId: `${orgId}/${userId}`,
      before,
      orgId,
    });
  });
}
