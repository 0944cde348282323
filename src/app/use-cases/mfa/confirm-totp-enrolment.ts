import { DomainError } from '../../../core/errors';
import type { AppDeps } from '../../context';
import { assertRecentAuth, type SessionContext } from '../../recent-auth';
import { recordAudit } from '../../record-audit';
import { afterEnrolment, hadFactorBefore } from './enrolment';

const wrongCode = () =>
  new DomainError(
    'validation_failed',
    'The code is not correct: check the time on your device and enter the current code.',
    [{ path: ['code'], message: 'not correct', code: 'second_factor_wrong' }],
    { reason: 'second_factor_wrong' },
  );

/** The first code from the authenticator confirms the secret: TOTP becomes a factor (and its step is used). */
export async function confirmTotpEnrolment(
  deps: AppDeps,
  ctx: SessionContext,
  input: { code: string },
): Promise<{ recoveryCodes: string[] | null }> {
  assertRecentAuth(deps, ctx.session);
  const userId = ctx.actor.userId;
  const pending = await deps.uow.read.mfa.getTotp(userId);
  if (!pending || pending.confirmedAt)
    throw new DomainError('conflict', 'Start setting up the authenticator app first.', undefined, {
      reason: pending ? 'totp_already_enrolled' : 'totp_not_started',
    });
  const now = deps.clock.now();
  const step = deps.mfa.totp.matchStep(deps.mfa.secrets.open(pending.secretSealed), input.code, now);
  if (step === null) throw wrongCode();
  const hadFactor = await hadFactorBefore(deps, userId);
  const codes = await deps.uow.transaction(async (r) => {
    await r.mfa.confirmTotp(userId, now, step);
    const recoveryCodes = await afterEnrolment(deps, r, ctx, 'totp', hadFactor);
    await recordAudit(r, deps, ctx, {
      action: 'mfa.totp_enrol',
      targetType: 'user',
      targetId: userId,
      details: { recoveryCodesIssued: recoveryCodes !== null, session: ctx.session.id.slice(0, 16) },
    });
    return recoveryCodes;
  });
  return { recoveryCodes: codes };
}
