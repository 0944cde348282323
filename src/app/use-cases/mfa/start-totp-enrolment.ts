import { DomainError } from '../../../core/errors';
import type { User } from '../../../core/records';
import type { AppDeps } from '../../context';
import { assertRecentAuth, type SessionContext } from '../../recent-auth';

export const TOTP_ISSUER = 'ISMAP Hub';

/**
 * Starts TOTP enrolment: a new secret, kept unconfirmed until a code from the authenticator proves it was scanned.
 * The secret leaves the server only here (for the QR code and manual entry); it is stored sealed.
 */
export async function startTotpEnrolment(
  deps: AppDeps,
  ctx: SessionContext,
  user: User,
): Promise<{ secret: string; uri: string }> {
  assertRecentAuth(deps, ctx.session);
  const existing = await deps.uow.read.mfa.getTotp(user.id);
  if (existing?.confirmedAt)
    throw new DomainError('conflict', 'An authenticator app is already set up: remove it first.', undefined, {
      reason: 'totp_already_enrolled',
    });
  const secret = deps.mfa.totp.newSecret();
  // Unconfirmed: not a factor yet and not audited; confirming it is (mfa.totp_enrol).
  await deps.uow.read.mfa.putPendingTotp({
    userId: user.id,
    secretSealed: deps.mfa.secrets.seal(secret),
    confirmedAt: null,
    lastUsedStep: null,
    createdAt: deps.clock.now(),
  });
  return { secret, uri: deps.mfa.totp.uri(secret, user.email, TOTP_ISSUER) };
}
