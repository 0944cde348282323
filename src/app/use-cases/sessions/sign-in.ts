import { createHash } from 'node:crypto';
import { DomainError } from '../../../core/errors';
import { chooseActiveOrg } from '../../../core/identity';
import type { Session } from '../../../core/records';
import type { AppDeps } from '../../context';
import { recordAudit } from '../../record-audit';
import { admitAttempt, signInSubjects } from '../../login-throttle';
import { knownDeviceOf, rememberDevice } from '../../known-device';
import type { ThrottleScope } from '../../../core/login-throttle';
import { signInStepFor } from '../../second-factor';
import { newSession } from '../../new-session';

export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
export const SESSION_IDLE_MS = 12 * 3600_000;

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

// A real argon2id hash of a random password: verifying against it when the account does not exist costs the same
// time as a real check, so response time does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  requestId: string | null;
  /** The token of the session the browser already had, revoked so each sign-in rotates the session. */
  previousToken?: string | null;
  /** The known-device cookie, if the browser sent one. */
  deviceToken?: string | null;
}

export interface SignInResult {
  token: string;
  session: Session;
  /** A new known-device cookie to set (null when the browser's one is still good). */
  deviceToken: string | null;
}

/**
 * Rejected sign-ins go into the audit log (ISO/IEC 27001 A.12.4.1 / ISMAP 12.4.1 ask for "records of successful and
 * rejected system access attempts"), as an unauthenticated actor. The throttle bounds how fast anyone can add them:
 * once a pair, address or account is blocked, attempts are refused before this point and only the moment of blocking
 * is recorded. What was typed as the email is kept only when it looks like one: a password typed into the email field
 * must not end up in a log.
 */
type FailureReason = 'unknown_account' | 'wrong_password' | 'account_disabled' | 'sso_only';
async function recordFailure(
  deps: AppDeps,
  input: SignInInput,
  email: string,
  reason: FailureReason,
  userId: string | null,
  blocked: ThrottleScope[],
) {
  const typed = /^[^\s@]{1,64}@[^\s@]{1,190}$/.test(email) ? email : '(not an email address)';
  const common = { ip: input.ip, userAgent: input.userAgent?.slice(0, 400) ?? null };
  const ctx = { actor: null, requestId: input.requestId };
  await deps.uow.transaction(async (r) => {
    await recordAudit(r, deps, ctx, {
      action: 'session.sign_in_failed',
      targetType: 'user',
      targetId: userId,
      details: { email: typed, reason, ...common },
    });
    if (blocked.length) {
      const details = { email: typed, scope: blocked.join('+'), ...common };
      const target = { targetType: 'user', targetId: userId };
      await recordAudit(r, deps, ctx, { action: 'session.sign_in_blocked', ...target, details });
    }
  });
}

export async function signIn(deps: AppDeps, input: SignInInput): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const now = deps.clock.now();
  const user = await deps.uow.read.users.getByEmail(email);
  // Throttle: a known device of this account only answers for its own failures; anyone else per pair/address/account.
  const deviceId = await knownDeviceOf(deps, input.deviceToken, user?.id ?? null, now);
  const attempt = await admitAttempt(deps, signInSubjects(email, input.ip, deviceId));
  dummyHash ??= deps.hasher.hash(deps.ids.token());
  // A user who came in through SSO has no password: say so, so they use their organization's sign-in instead.
  if (user && user.passwordHash === null) {
    await recordFailure(deps, input, email, 'sso_only', user.id, await attempt.failed());
    throw new DomainError('invalid_credentials', 'This account signs in with single sign-on only.', undefined, {
      reason: 'sso_only_account',
    });
  }
  const ok = user
    ? await deps.hasher.verify(user.passwordHash!, input.password)
    : (await deps.hasher.verify(await dummyHash, input.password), false);
  if (!user || !ok || user.disabledAt) {
    const blocked = await attempt.failed();
    await recordFailure(
      deps,
      input,
      email,
      user ? (ok ? 'account_disabled' : 'wrong_password') : 'unknown_account',
      user?.id ?? null,
      blocked,
    );
    throw new DomainError('invalid_credentials', 'The email or password is not correct.');
  }
  await attempt.succeeded();
  const memberships = await deps.uow.read.users.memberships(user.id);
  const signInStep = await signInStepFor(deps, user, memberships);
  // The password is the proof of identity only when no second factor is to follow (newSession).
  const { token, session, actor } = newSession(deps, user, memberships, {
    activeOrgId: chooseActiveOrg(memberships, user.lastOrgId),
    signInStep,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await deps.uow.transaction(async (r) => {
    if (input.previousToken) {
      const prev = await r.sessions.get(sessionIdOf(input.previousToken));
      if (prev && !prev.revokedAt) await r.sessions.revoke(prev.id, now);
    }
    await r.sessions.insert(session);
    await recordAudit(
      r,
      deps,
      { actor, requestId: input.requestId },
      {
        action: 'session.create',
        targetType: 'session',
        targetId: session.id.slice(0, 16),
        details: { ip: input.ip, userAgent: session.userAgent, signInStep },
      },
    );
  });
  const deviceToken = await rememberDevice(deps, user.id, deviceId, now);
  return { token, session, deviceToken };
}
