import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import type { User } from '../../../core/records';
import type { AppDeps } from '../../context';
import { admitAttempt } from '../../login-throttle';
import type { RelyingParty } from '../../ports/mfa-services';
import type { SessionContext } from '../../recent-auth';
import { recordAudit } from '../../record-audit';
import { enrolledFactors, hasFactor, proveSecondFactor, type FactorAnswer } from '../../second-factor';

export const reauthenticateInput = z.union([
  z.object({ password: z.string().min(1).max(256) }),
  z.object({ totpCode: z.string().min(1).max(20) }),
  z.object({ recoveryCode: z.string().min(1).max(40) }),
  z.object({ passkey: z.record(z.string(), z.unknown()) }),
]);
export type ReauthenticateInput = z.infer<typeof reauthenticateInput>;

/**
 * A fresh proof of identity for sensitive actions: the second factor when the user has one (a password alone must
 * not be enough where a second factor is enrolled), else the password. Throttled and audited either way.
 */
export async function reauthenticate(
  deps: AppDeps,
  ctx: SessionContext,
  input: { user: User; answer: ReauthenticateInput; rp: RelyingParty },
): Promise<{ method: string; at: Date }> {
  const { user, answer } = input;
  const factors = await enrolledFactors(deps.uow.read, user.id);
  if (hasFactor(factors)) {
    let a: FactorAnswer;
    if ('totpCode' in answer) a = { method: 'totp', code: answer.totpCode };
    else if ('recoveryCode' in answer) a = { method: 'recovery_code', code: answer.recoveryCode };
    else if ('passkey' in answer) a = { method: 'passkey', response: answer.passkey };
    else
      throw new DomainError(
        'validation_failed',
        'You have a second factor: confirm with it, not with the password.',
        [{ path: ['password'], message: 'use your second factor', code: 'use_second_factor' }],
        { reason: 'use_second_factor' },
      );
    const fx = { audit: ctx, ip: ctx.ip, userAgent: ctx.userAgent, purpose: 'reauthenticate' as const, rp: input.rp };
    const method = await proveSecondFactor(deps, user, ctx.session, a, fx, async (r, m) => {
      await r.sessions.reauthenticated(ctx.session.id, m, deps.clock.now());
      await recordAudit(r, deps, ctx, {
        action: 'session.reauthenticate',
        targetType: 'session',
        targetId: ctx.session.id.slice(0, 16),
        details: { method: m },
      });
    });
    return { method, at: deps.clock.now() };
  }
  if (!('password' in answer))
    throw new DomainError(
      'validation_failed',
      'Confirm with your password.',
      [{ path: ['password'], message: 'required', code: 'password_required' }],
      { reason: 'password_required' },
    );
  // An SSO-only account proves itself again through its identity provider (a new single sign-on), or a second factor.
  if (user.passwordHash === null)
    throw new DomainError('conflict', 'This account signs in with single sign-on and has no password.', undefined, {
      reason: 'sso_only_account',
    });
  const attempt = await admitAttempt(deps, [{ scope: 'password', subject: user.id }], 'password');
  const target = { targetType: 'session', targetId: ctx.session.id.slice(0, 16) };
  if (!(await deps.hasher.verify(user.passwordHash, answer.password))) {
    const blocked = await attempt.failed();
    await deps.uow.transaction((r) =>
      recordAudit(r, deps, ctx, {
        action: 'session.reauthenticate_failed',
        ...target,
        details: { method: 'password', ...(blocked.length ? { blocked: blocked.join('+') } : {}) },
      }),
    );
    throw new DomainError(
      'validation_failed',
      'The password is not correct.',
      [{ path: ['password'], message: 'not correct', code: 'current_password_wrong' }],
      { reason: 'current_password_wrong' },
    );
  }
  await attempt.succeeded();
  await deps.uow.transaction(async (r) => {
    await r.sessions.reauthenticated(ctx.session.id, null, deps.clock.now());
    await recordAudit(r, deps, ctx, { action: 'session.reauthenticate', ...target, details: { method: 'password' } });
  });
  return { method: 'password', at: deps.clock.now() };
}
