import { DomainError } from '../../../core/errors';
import type { User } from '../../../core/records';
import type { AppDeps } from '../../context';
import type { RelyingParty } from '../../ports/mfa-services';
import type { SessionContext } from '../../recent-auth';
import { proveSecondFactor, type FactorAnswer } from '../../second-factor';

/** The second step of a sign-in: a TOTP code, a recovery code or a passkey turns the session into a signed-in one. */
export async function verifySignInFactor(
  deps: AppDeps,
  ctx: SessionContext,
  input: { user: User; answer: FactorAnswer; rp: RelyingParty },
) {
  if (ctx.session.signInStep !== 'second_factor')
    throw new DomainError('conflict', 'This session does not wait for a second factor.', undefined, {
      reason: 'no_second_factor_pending',
    });
  const fx = { audit: ctx, ip: ctx.ip, userAgent: ctx.userAgent, purpose: 'sign_in' as const, rp: input.rp };
  return proveSecondFactor(deps, input.user, ctx.session, input.answer, fx, (r, method) =>
    r.sessions.completeSignIn(ctx.session.id, method, deps.clock.now()),
  );
}
