import { z } from 'zod';
import { notFound } from '../../../core/errors';
import { authorize, userPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { passwordSchema } from './create-user';

export const resetUserPasswordInput = z.object({ password: passwordSchema });

/** A platform administrator sets a new password for another user (forgotten password); their sessions end. */
export async function resetUserPassword(
  deps: AppDeps,
  ctx: RequestContext,
  userId: string,
  input: z.infer<typeof resetUserPasswordInput>,
): Promise<{ revokedSessions: number }> {
  const target = await deps.uow.read.users.get(userId);
  if (!target) throw notFound('user');
  const orgIds = (await deps.uow.read.users.memberships(userId)).map((m) => m.orgId);
  authorize(userPolicy, ctx.actor, 'resetPassword', { id: userId, orgIds });
  const passwordHash = await deps.hasher.hash(input.password);
  return deps.uow.transaction(async (r) => {
    const now = deps.clock.now();
    await r.users.update(userId, { passwordHash, updatedAt: now });
    const revoked = await r.sessions.revokeAllForUser(userId, now);
    await recordAudit(r, deps, ctx, {
      action: 'user.reset_password',
      targetType: 'user',
      targetId: userId,
      before: { passwordHash: target.passwordHash },
      after: { passwordHash },
      details: { email: target.email, revokedSessions: revoked },
    });
    return { revokedSessions: revoked };
  });
}
