import { DomainError } from '../../../core/errors';
import type { User } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';
import { admitAttempt } from '../../login-throttle';
import { recordAudit } from '../../record-audit';

/**
 * The current password, before a sensitive action (creating an API token): a stolen session alone must not mint a
 * long-lived credential. Throttled with the same per-user counter as a password change, and a wrong one is audited.
 */
export async function confirmPassword(
  deps: AppDeps,
  ctx: RequestContext,
  user: User,
  password: string | undefined,
): Promise<void> {
  if (!password)
    throw new DomainError(
      'validation_failed',
      'Enter your current password to create an API token.',
      [{ path: ['currentPassword'], message: 'required', code: 'current_password_required' }],
      { reason: 'current_password_required' },
    );
  if (user.passwordHash === null)
    throw new DomainError('conflict', 'This account signs in with single sign-on and has no password.', undefined, {
      reason: 'sso_only_account',
    });
  const attempt = await admitAttempt(deps, [{ scope: 'password', subject: user.id }], 'password');
  if (await deps.hasher.verify(user.passwordHash, password)) {
    await attempt.succeeded();
    return;
  }
  const blocked = await attempt.failed();
  await deps.uow.transaction((r) =>
    recordAudit(r, deps, ctx, {
      action: 'api_token.create_failed',
      targetType: 'user',
      targetId: user.id,
      details: { reason: 'current_password_wrong', blocked: blocked.length > 0 },
    }),
  );
  throw new DomainError(
    'validation_failed',
    'The current password is not correct.',
    [{ path: ['currentPassword'], message: 'not correct', code: 'current_password_wrong' }],
    { reason: 'current_password_wrong' },
  );
}
