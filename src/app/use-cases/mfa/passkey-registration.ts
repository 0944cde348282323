import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { PASSKEY_NAME_MAX } from '../../../core/mfa';
import type { User } from '../../../core/records';
import type { AppDeps } from '../../context';
import type { RelyingParty } from '../../ports/mfa-services';
import { assertRecentAuth, type SessionContext } from '../../recent-auth';
import { recordAudit } from '../../record-audit';
import { issueChallenge, takeChallengeFor } from '../../second-factor';
import { afterEnrolment, hadFactorBefore } from './enrolment';

export const passkeyName = z.string().trim().min(1).max(PASSKEY_NAME_MAX);

/**
 * The options for navigator.credentials.create(); the challenge is kept for the session. `passwordless` asks for a
 * discoverable passkey that verifies its user (a PIN or biometrics), so it can also sign in without a password.
 */
export async function startPasskeyRegistration(
  deps: AppDeps,
  ctx: SessionContext,
  input: { user: User; rp: RelyingParty; passwordless?: boolean },
) {
  const passwordless = input.passwordless ?? false;
  assertRecentAuth(deps, ctx.session);
  const existing = await deps.uow.read.mfa.listPasskeys(input.user.id);
  const made = await deps.mfa.webauthn.registrationOptions(
    input.rp,
    { id: input.user.id, name: input.user.email, displayName: input.user.displayName },
    existing.map((p) => ({ id: p.id, transports: p.transports })),
    { passwordless },
  );
  return issueChallenge(deps, ctx.session.id, passwordless ? 'register_passwordless' : 'register', made);
}

/** Verifies the authenticator's answer and stores the passkey under the name the user gave it. */
export async function finishPasskeyRegistration(
  deps: AppDeps,
  ctx: SessionContext,
  input: { response: unknown; name: string; rp: RelyingParty },
) {
  assertRecentAuth(deps, ctx.session);
  const taken = await takeChallengeFor(deps, ctx.session.id, ['register', 'register_passwordless']);
  const refused = (reason: string, message: string) =>
    new DomainError('validation_failed', message, [{ path: ['response'], message, code: reason }], { reason });
  if (!taken) throw refused('passkey_challenge_expired', 'The passkey request expired: start again.');
  const passwordless = taken.purpose === 'register_passwordless';
  const v = await deps.mfa.webauthn.verifyRegistration(input.rp, input.response, taken.challenge, {
    requireUserVerification: passwordless,
  });
  if (!v) throw refused('passkey_not_accepted', 'The passkey was not accepted.');
  if (await deps.uow.read.mfa.getPasskey(v.credentialId))
    throw new DomainError('conflict', 'This passkey is already registered.', undefined, { reason: 'passkey_exists' });
  const userId = ctx.actor.userId;
  const hadFactor = await hadFactorBefore(deps, userId);
  const now = deps.clock.now();
  return deps.uow.transaction(async (r) => {
    const passkey = {
      id: v.credentialId,
      userId,
      name: input.name,
      publicKey: v.publicKey,
      counter: v.counter,
      transports: v.transports,
      deviceType: v.deviceType,
      backedUp: v.backedUp,
      createdAt: now,
      lastUsedAt: null,
    };
    await r.mfa.insertPasskey(passkey);
    const recoveryCodes = await afterEnrolment(deps, r, ctx, 'passkey', hadFactor);
    await recordAudit(r, deps, ctx, {
      action: 'mfa.passkey_register',
      targetType: 'passkey',
      targetId: passkey.id.slice(0, 32),
      details: {
        name: passkey.name,
        deviceType: passkey.deviceType,
        passwordless,
        recoveryCodesIssued: recoveryCodes !== null,
      },
    });
    return { passkey, recoveryCodes };
  });
}
