import { notFound } from '../../../core/errors';
import { authorize, userPolicy } from '../../../core/policies';
import { publicUser, type PublicUser } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

/**
 * Disables (or re-enables) a user: a disabled user cannot sign in and every session of theirs ends at once —
 * the way to lock out someone who left. Platform administrators only, never on themselves.
 */
export async function setUserDisabled(
  deps: AppDeps,
  ctx: RequestContext,
  userId: string,
  disabled: boolean,
): Promise<PublicUser> {
  return deps.uow.transaction(async (r) => {
    const before = await r.users.get(userId);
    if (!before) throw notFound('user');
    const orgIds = (await r.users.memberships(userId)).map((m) => m.orgId);
    authorize(userPolicy, ctx.actor, 'disable', { id: userId, orgIds });
    const now = deps.clock.now();
    const after = { ...before, disabledAt: disabled ? (before.disabledAt ?? now) : null, updatedAt: now };
    await r.users.update(userId, { disabledAt: after.disabledAt, updatedAt: now });
    const revoked = disabled ? await r.sessions.revokeAllForUser(userId, now) : 0;
    await recordAudit(r, deps, ctx, {
      action: disabled ? 'user.disable' : 'user.enable',
      targetType: 'user',
      targetId: userId,
      before: publicUser(before),
      after: publicUser(after),
      details: { email: before.email, revokedSessions: revoked },
    });
    return publicUser(after);
  });
}
