import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { passwordSchema } from './create-user';
import { admitAttempt } from '../../login-throttle';

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/**
 * A user changes their own password. The current password is required (a stolen session alone cannot take the
 * account over), and every other session of the user is signed out; the one in use stays.
 */
export async function changePassword(
  deps: AppDeps,
  ctx: RequestContext,
  currentSessionId: string,
  input: ChangePasswordInput,
): Promise<{ revokedSessions: number }> {
  const user = await deps.uow.read.users.get(ctx.actor.userId);
  if (!user) throw new DomainError('unauthenticated', 'Sign in first.', undefined, { reason: 'sign_in_first' });
  if (user.passwordHash === null)
    throw new DomainError('conflict', 'This account signs in with single sign-on and has no password.', undefined, {
      reason: 'sso_only_account',
    });
  // The check is throttled like a sign-in (a stolen session must not become a fast password oracle) and audited.
  const attempt = await admitAttempt(deps, [{ scope: 'password', subject: user.id }], 'password');
  if (!(await deps.hasher.verify(user.passwordHash, input.currentPassword))) {
    const blocked = await attempt.failed();
    const details = { session: currentSessionId.slice(0, 16) };
    await deps.uow.transaction(async (r) => {
      const target = { targetType: 'user', targetId: user.id, details };
      await recordAudit(r, deps, ctx, { action: 'user.change_password_failed', ...target });
      if (blocked.length) await recordAudit(r, deps, ctx, { action: 'user.change_password_blocked', ...target });
    });
    throw new DomainError(
      'validation_failed',
      'The current password is not correct.',
      [{ path: ['currentPassword'], message: 'not correct', code: 'current_password_wrong' }],
      { reason: 'current_password_wrong' },
    );
  }
  await attempt.succeeded();
  if (input.currentPassword === input.newPassword)
    throw new DomainError(
      'validation_failed',
      'Choose a password different from the current one.',
      [{ path: ['newPassword'], message: 'same as the current password', code: 'password_unchanged' }],
      { reason: 'password_unchanged' },
    );
  const passwordHash = await deps.hasher.hash(input.newPassword);
  return deps.uow.transaction(async (r) => {
    const now = deps.clock.now();
    await r.users.update(user.id, { passwordHash, updatedAt: now });
    let revoked = 0;
    for (const s of await r.sessions.listForUser(user.id)) {
      if (s.id !== currentSessionId && !s.revokedAt) {
        await r.sessions.revoke(s.id, now);
        revoked++;
      }
    }
    // The digests cover the hash change without putting either hash in the log.
    await recordAudit(r, deps, ctx, {
      action: 'user.change_password',
      targetType: 'user',
      targetId: user.id,
      before: { passwordHash: user.passwordHash },
      after: { passwordHash },
      details: { revokedSessions: revoked },
    });
    return { revokedSessions: revoked };
  });
}
