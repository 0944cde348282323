import { createHash } from 'node:crypto';
import { DomainError } from '../core/errors';
import type { Membership } from '../core/identity';
import {
  RECOVERY_CODE_COUNT,
  WEBAUTHN_CHALLENGE_MS,
  looksLikeRecoveryCode,
  mfaRequired,
  recoveryCodeFromBytes,
  signInStepAfterPassword,
  type MfaMethod,
  type SignInStep,
} from '../core/mfa';
import { recoveryCodeDigest } from '../core/recovery-code-digest';
import type { Session, User } from '../core/records';
import type { AppDeps } from './context';
import { admitAttempt } from './login-throttle';
import type { ChallengePurpose, Repositories } from './ports/repositories';
import type { RelyingParty } from './ports/mfa-services';
import { recordAudit, type AuditContext } from './record-audit';

/** What the user has enrolled: a confirmed TOTP authenticator and how many passkeys. */
export async function enrolledFactors(r: Repositories, userId: string) {
  const [totp, passkeys] = await Promise.all([r.mfa.getTotp(userId), r.mfa.listPasskeys(userId)]);
  return { totp: Boolean(totp?.confirmedAt), passkeys: passkeys.length };
}

export const hasFactor = (f: { totp: boolean; passkeys: number }) => f.totp || f.passkeys > 0;

/** Whether this user must use a second factor (platform administrator, or member of an organization requiring it). */
export async function isMfaRequired(
  deps: AppDeps,
  user: User,
  memberships: readonly Membership[],
  r: Repositories = deps.uow.read,
) {
  // Inside a transaction, pass its repositories: the embedded engine has one connection, and a read outside the
  // transaction would wait for it forever.
  const orgs = memberships.length ? await r.organizations.list({ ids: memberships.map((m) => m.orgId) }) : [];
  return mfaRequired(user, orgs, { platformAdmins: deps.mfa.requiredForPlatformAdmins });
}

/** What a session still has to do after a right password. */
export async function signInStepFor(
  deps: AppDeps,
  user: User,
  memberships: readonly Membership[],
): Promise<SignInStep | null> {
  const factors = await enrolledFactors(deps.uow.read, user.id);
  return signInStepAfterPassword({
    hasSecondFactor: hasFactor(factors),
    required: await isMfaRequired(deps, user, memberships),
  });
}

/** Ten fresh recovery codes: shown once, stored as digests. */
export function newRecoveryCodes(deps: AppDeps): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    recoveryCodeFromBytes(createHash('sha256').update(deps.ids.token()).digest()),
  );
  return { codes, hashes: codes.map(recoveryCodeDigest) };
}

/** Stores a WebAuthn challenge for the session (one at a time) and hands out the browser's options. */
export async function issueChallenge(
  deps: AppDeps,
  sessionId: string,
  purpose: ChallengePurpose,
  made: { options: Record<string, unknown>; challenge: string },
) {
  const expiresAt = new Date(deps.clock.now().getTime() + WEBAUTHN_CHALLENGE_MS);
  await deps.uow.read.mfa.putChallenge({ sessionId, purpose, challenge: made.challenge, expiresAt });
  return made.options;
}

/** The challenge the session was given for `purpose`, taken so it cannot be answered twice; null when none is open. */
export async function takeChallenge(deps: AppDeps, sessionId: string, purpose: ChallengePurpose) {
  const c = await takeChallengeFor(deps, sessionId, [purpose]);
  return c?.challenge ?? null;
}

/** Like `takeChallenge`, for one of several purposes; the challenge and the purpose it was given for. */
export async function takeChallengeFor(deps: AppDeps, sessionId: string, purposes: readonly ChallengePurpose[]) {
  const c = await deps.uow.read.mfa.takeChallenge(sessionId);
  return c && purposes.includes(c.purpose) && c.expiresAt > deps.clock.now() ? c : null;
}

export type FactorAnswer =
  | { method: 'totp'; code: string }
  | { method: 'recovery_code'; code: string }
  | { method: 'passkey'; response: unknown };

export interface FactorContext {
  audit: AuditContext;
  ip: string;
  userAgent: string | null;
  purpose: 'sign_in' | 'reauthenticate';
  rp: RelyingParty;
}

type Failure = 'not_enrolled' | 'wrong_code' | 'replayed' | 'no_challenge' | 'unknown_passkey' | 'passkey_not_verified';

/** Checks an answer without consuming anything; what to consume in the transaction when it is right. */
async function evaluate(
  deps: AppDeps,
  user: User,
  session: Session,
  answer: FactorAnswer,
  fx: FactorContext,
): Promise<{ failure: Failure } | { consume: (r: Repositories) => Promise<boolean>; passkey?: string }> {
  const now = deps.clock.now();
  if (answer.method === 'totp') {
    const rec = await deps.uow.read.mfa.getTotp(user.id);
    if (!rec?.confirmedAt) return { failure: 'not_enrolled' };
    const step = deps.mfa.totp.matchStep(deps.mfa.secrets.open(rec.secretSealed), answer.code, now);
    if (step === null) return { failure: 'wrong_code' };
    return { consume: (r) => r.mfa.useTotpStep(user.id, step) };
  }
  if (answer.method === 'recovery_code') {
    if (!looksLikeRecoveryCode(answer.code)) return { failure: 'wrong_code' };
    const hash = recoveryCodeDigest(answer.code);
    return { consume: (r) => r.mfa.useRecoveryCode(user.id, hash, now) };
  }
  const challenge = await takeChallenge(
    deps,
    session.id,
    fx.purpose === 'sign_in' ? 'second_factor' : 'reauthenticate',
  );
  if (!challenge) return { failure: 'no_challenge' };
  const id = deps.mfa.webauthn.credentialIdOf(answer.response);
  const pk = id ? await deps.uow.read.mfa.getPasskey(id) : null;
  if (!pk || pk.userId !== user.id) return { failure: 'unknown_passkey' };
  const ok = await deps.mfa.webauthn.verifyAuthentication(fx.rp, answer.response, challenge, pk);
  if (!ok) return { failure: 'passkey_not_verified' };
  return {
    consume: async (r) => {
      await r.mfa.usePasskey(pk.id, ok.counter, now);
      return true;
    },
    passkey: pk.name,
  };
}

/**
 * Proves the user's second factor, for the second step of a sign-in or a re-authentication. Throttled like a
 * sign-in (per user whatever the address, and per address) and audited whichever way it goes. A TOTP code's step and
 * a recovery code are consumed in the same transaction as `onSuccess`, so a code works once even when two requests
 * race with it.
 */
export async function proveSecondFactor(
  deps: AppDeps,
  user: User,
  session: Session,
  answer: FactorAnswer,
  fx: FactorContext,
  onSuccess: (r: Repositories, method: MfaMethod) => Promise<void>,
): Promise<MfaMethod> {
  const attempt = await admitAttempt(deps, [
    { scope: 'second_factor', subject: user.id },
    { scope: 'address', subject: fx.ip },
  ]);
  const checked = await evaluate(deps, user, session, answer, fx);
  const common = {
    method: answer.method,
    purpose: fx.purpose,
    ip: fx.ip,
    userAgent: fx.userAgent?.slice(0, 400) ?? null,
  };
  let failure: Failure | null = 'failure' in checked ? checked.failure : null;
  if ('consume' in checked) {
    const passkey = checked.passkey;
    const done = await deps.uow.transaction(async (r) => {
      if (!(await checked.consume(r))) return false;
      await onSuccess(r, answer.method);
      await recordAudit(r, deps, fx.audit, {
        action: 'mfa.verify',
        targetType: 'user',
        targetId: user.id,
        details: { ...common, ...(passkey ? { passkey } : {}) },
      });
      return true;
    });
    if (done) {
      await attempt.succeeded();
      return answer.method;
    }
    failure = answer.method === 'totp' ? 'replayed' : 'wrong_code';
  }
  const blocked = await attempt.failed();
  await deps.uow.transaction(async (r) => {
    const target = { targetType: 'user', targetId: user.id };
    await recordAudit(r, deps, fx.audit, {
      action: 'mfa.verify_failed',
      ...target,
      details: { ...common, reason: failure },
    });
    if (blocked.length)
      await recordAudit(r, deps, fx.audit, {
        action: 'mfa.verify_blocked',
        ...target,
        details: { ...common, scope: blocked.join('+') },
      });
  });
  const reason = answer.method === 'passkey' ? 'passkey_not_accepted' : 'second_factor_wrong';
  const path = answer.method === 'passkey' ? 'response' : 'code';
  throw new DomainError(
    'validation_failed',
    answer.method === 'passkey' ? 'The passkey was not accepted.' : 'The code is not correct (or was already used).',
    [{ path: [path], message: 'not accepted', code: reason }],
    { reason },
  );
}
