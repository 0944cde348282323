import type { Actor, Membership } from '../core/identity';
import type { MfaMethod, SignInStep } from '../core/mfa';
import type { Session, User } from '../core/records';
import type { AppDeps } from './context';
import { SESSION_ABSOLUTE_MS, sessionIdOf } from './use-cases/sessions/sign-in';

/**
 * A new session as every sign-in opens it (password, single sign-on, passkey): the cookie token, its CSRF token and
 * expiry, and the actor it acts as. `authenticatedAt` waits for the second factor when one is still to follow.
 * `mfaMethod`: the sign-in itself was multi-factor (a passkey that verified its user is something you have and
 * something you know or are), so the session counts as having given that factor now.
 */
export function newSession(
  deps: AppDeps,
  user: User,
  memberships: Membership[],
  p: {
    activeOrgId: string | null;
    signInStep: SignInStep | null;
    ip: string;
    userAgent: string | null | undefined;
    mfaMethod?: MfaMethod;
  },
): { token: string; session: Session; actor: Actor } {
  const now = deps.clock.now();
  const token = deps.ids.token();
  const session: Session = {
    id: sessionIdOf(token),
    userId: user.id,
    activeOrgId: p.activeOrgId,
    csrfToken: deps.ids.token(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    revokedAt: null,
    ip: p.ip,
    userAgent: p.userAgent?.slice(0, 400) ?? null,
    signInStep: p.signInStep,
    mfaMethod: p.mfaMethod ?? null,
    mfaAt: p.mfaMethod ? now : null,
    authenticatedAt: p.signInStep === 'second_factor' ? null : now,
  };
  const actor: Actor = {
    userId: user.id,
    isPlatformAdmin: user.isPlatformAdmin,
    memberships,
    activeOrgId: session.activeOrgId,
  };
  return { token, session, actor };
}
