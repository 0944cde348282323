import { createHash } from 'node:crypto';
import { DomainError } from '../../../core/errors';
import { chooseActiveOrg } from '../../../core/identity';
import { WEBAUTHN_CHALLENGE_MS, signCounterAccepted } from '../../../core/mfa';
import type { ThrottleScope } from '../../../core/login-throttle';
import type { Session, User } from '../../../core/records';
import type { AppDeps } from '../../context';
import { admitAttempt, signInSubjects, type ThrottleSubject } from '../../login-throttle';
import { newSession } from '../../new-session';
import type { Passkey } from '../../ports/mfa-repositories';
import type { RelyingParty } from '../../ports/mfa-services';
import { recordAudit } from '../../record-audit';
import { sessionIdOf } from './sign-in';

const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');
/** Expired challenges removed whenever one is handed out: bounded work that keeps up with any rate of requests. */
const PURGE_BATCH = 50;

/**
 * Starts a passwordless sign-in: options for navigator.credentials.get() without a list of credentials (the
 * authenticator offers its discoverable passkeys for this site) and with user verification required. There is no
 * session yet, so the challenge is bound to this browser by a random cookie whose digest is stored with it. Nothing
 * is audited: a started sign-in changes nothing, and anyone could start many.
 */
export async function startPasskeySignIn(
  deps: AppDeps,
  input: { rp: RelyingParty },
): Promise<{ options: Record<string, unknown>; browserToken: string }> {
  const made = await deps.mfa.webauthn.discoverableOptions(input.rp);
  const browserToken = deps.ids.token();
  const now = deps.clock.now();
  await deps.uow.read.mfa.purgeSignInChallenges(now, PURGE_BATCH);
  await deps.uow.read.mfa.putSignInChallenge({
    browserHash: hashOf(browserToken),
    challenge: made.challenge,
    expiresAt: new Date(now.getTime() + WEBAUTHN_CHALLENGE_MS),
  });
  return { options: made.options, browserToken };
}

export interface PasskeySignInInput {
  response: unknown;
  /** The cookie `startPasskeySignIn` set; null when the browser sent none. */
  browserToken: string | null;
  rp: RelyingParty;
  ip: string;
  userAgent: string | null;
  requestId: string | null;
  /** The token of the session the browser already had, revoked so each sign-in rotates the session. */
  previousToken?: string | null;
}

export type PasskeySignInFailure =
  | 'no_challenge'
  | 'unknown_passkey'
  | 'user_handle_mismatch'
  | 'passkey_not_verified'
  | 'user_not_verified'
  | 'counter_not_increased'
  | 'account_disabled'
  | 'sso_only';

/** What the user is told: the same for every refused passkey but an expired request and an SSO-only account. */
function refusal(failure: PasskeySignInFailure): DomainError {
  if (failure === 'no_challenge')
    return new DomainError(
      'validation_failed',
      'The passkey request expired (or was already answered): start again.',
      [{ path: ['response'], message: 'no open challenge', code: 'passkey_challenge_expired' }],
      { reason: 'passkey_challenge_expired' },
    );
  if (failure === 'sso_only')
    return new DomainError('invalid_credentials', 'This account signs in with single sign-on only.', undefined, {
      reason: 'sso_only_account',
    });
  return new DomainError('invalid_credentials', 'The passkey was not accepted.', undefined, {
    reason: 'passkey_not_accepted',
  });
}

/** Which passkey and user the response names; the failure when it names none that may sign in this way. */
async function identify(
  deps: AppDeps,
  response: unknown,
): Promise<{ passkey: Passkey | null; user: User | null; failure: PasskeySignInFailure | null }> {
  const id = deps.mfa.webauthn.credentialIdOf(response);
  const passkey = id ? await deps.uow.read.mfa.getPasskey(id) : null;
  if (!passkey) return { passkey: null, user: null, failure: 'unknown_passkey' };
  const user = await deps.uow.read.users.get(passkey.userId);
  if (!user) return { passkey: null, user: null, failure: 'unknown_passkey' };
  // A discoverable credential answers with the user handle it was registered with: it must be this passkey's user.
  if (deps.mfa.webauthn.userHandleOf(response) !== user.id) return { passkey, user, failure: 'user_handle_mismatch' };
  return { passkey, user, failure: null };
}

/**
 * Signs in with a discoverable passkey alone. The credential finds the user (its user handle must agree); the
 * assertion must answer the challenge this browser was given (single use), verify under the stored public key,
 * carry the user-verified flag, and show a signature counter that grew (a clone shows an old one). A disabled user
 * and an SSO-only user (whom their organization's identity provider must govern) are refused. The throttle is a
 * password sign-in's (the user's account, the pair and the address; only the address while no user is known), and
 * every outcome is audited like one, with `method: 'passkey'`. Possession plus user verification is two factors, so
 * the session is signed in with `mfaMethod: 'passkey'` even where a second factor is required.
 */
export async function signInWithPasskey(
  deps: AppDeps,
  input: PasskeySignInInput,
): Promise<{ token: string; session: Session }> {
  const now = deps.clock.now();
  const found = await identify(deps, input.response);
  const { user, passkey } = found;
  const subjects: ThrottleSubject[] = user
    ? signInSubjects(user.email, input.ip, null)
    : [{ scope: 'address', subject: input.ip }];
  const attempt = await admitAttempt(deps, subjects);
  // Taken whatever happens next: a response is answered once, and a refused one cannot be tried again.
  const taken = input.browserToken ? await deps.uow.read.mfa.takeSignInChallenge(hashOf(input.browserToken)) : null;
  let failure = found.failure;
  let counter = 0;
  if (!failure && (!taken || taken.expiresAt <= now)) failure = 'no_challenge';
  if (!failure && user && passkey && taken) {
    const v = await deps.mfa.webauthn.verifyAssertion(input.rp, input.response, taken.challenge, passkey);
    if (!v) failure = 'passkey_not_verified';
    else if (!v.userVerified) failure = 'user_not_verified';
    else if (!signCounterAccepted(passkey.counter, v.counter)) failure = 'counter_not_increased';
    else if (user.disabledAt) failure = 'account_disabled';
    else if (user.passwordHash === null) failure = 'sso_only';
    counter = v?.counter ?? 0;
  }
  if (failure || !user || !passkey) {
    await recordFailure(deps, input, failure ?? 'unknown_passkey', user, passkey, await attempt.failed());
    throw refusal(failure ?? 'unknown_passkey');
  }
  await attempt.succeeded();
  const memberships = await deps.uow.read.users.memberships(user.id);
  const { token, session, actor } = newSession(deps, user, memberships, {
    activeOrgId: chooseActiveOrg(memberships, user.lastOrgId),
    signInStep: null,
    mfaMethod: 'passkey',
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await deps.uow.transaction(async (r) => {
    if (input.previousToken) {
      const prev = await r.sessions.get(sessionIdOf(input.previousToken));
      if (prev && !prev.revokedAt) await r.sessions.revoke(prev.id, now);
    }
    await r.mfa.usePasskey(passkey.id, counter, now);
    await r.sessions.insert(session);
    await recordAudit(
      r,
      deps,
      { actor, requestId: input.requestId },
      {
        action: 'session.create',
        targetType: 'session',
        targetId: session.id.slice(0, 16),
        details: {
          ip: input.ip,
          userAgent: session.userAgent,
          method: 'passkey',
          passkey: passkey.name,
          signInStep: null,
        },
      },
    );
  });
  return { token, session };
}

/** A refused passkey sign-in, audited as an unauthenticated actor like a refused password (ISMAP 12.4.1). */
async function recordFailure(
  deps: AppDeps,
  input: PasskeySignInInput,
  reason: PasskeySignInFailure,
  user: User | null,
  passkey: Passkey | null,
  blocked: ThrottleScope[],
) {
  const common = {
    method: 'passkey',
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
    ...(user ? { email: user.email } : {}),
    ...(passkey ? { passkeyId: passkey.id.slice(0, 32) } : {}),
  };
  const ctx = { actor: null, requestId: input.requestId };
  const target = { targetType: 'user', targetId: user?.id ?? null };
  await deps.uow.transaction(async (r) => {
    await recordAudit(r, deps, ctx, { action: 'session.sign_in_failed', ...target, details: { ...common, reason } });
    if (blocked.length)
      await recordAudit(r, deps, ctx, {
        action: 'session.sign_in_blocked',
        ...target,
        details: { ...common, scope: blocked.join('+') },
      });
  });
}
