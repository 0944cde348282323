import { chooseActiveOrg } from '../../../core/identity';
import type { Session, User } from '../../../core/records';
import type { AppDeps } from '../../context';
import type { Repositories } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';
import { sessionIdOf } from '../sessions/sign-in';
import { signInStepAfterPassword } from '../../../core/mfa';
import { enrolledFactors, hasFactor } from '../../second-factor';
import { newSession } from '../../new-session';

export interface SsoSessionInput {
  ip: string;
  userAgent: string | null;
  requestId: string | null;
  previousToken?: string | null;
}

/**
 * The same session a password sign-in opens (cookie, CSRF token, expiry), inside the caller's transaction so the
 * provisioning, the session and their audit rows commit together.
 */
export async function openSsoSession(
  deps: AppDeps,
  r: Repositories,
  user: User,
  orgId: string,
  input: SsoSessionInput,
): Promise<{ token: string; session: Session }> {
  const now = deps.clock.now();
  const memberships = await r.users.memberships(user.id);
  // The identity provider vouches for the user, with its own second factor by its organization's policy, so an
  // organization's MFA requirement is its IdP's to enforce. A second factor enrolled here is still asked for, and a
  // platform administrator (whom no organization's IdP governs) must have one.
  const signInStep = signInStepAfterPassword({
    hasSecondFactor: hasFactor(await enrolledFactors(r, user.id)),
    required: user.isPlatformAdmin && deps.mfa.requiredForPlatformAdmins,
  });
  const { token, session, actor } = newSession(deps, user, memberships, {
    // The organization whose identity provider vouched for the user, when they belong to it.
    activeOrgId: memberships.some((m) => m.orgId === orgId) ? orgId : chooseActiveOrg(memberships, user.lastOrgId),
    signInStep,
    ip: input.ip,
    userAgent: input.userAgent,
  });
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
      orgId,
      details: { ip: input.ip, userAgent: session.userAgent, method: 'sso' },
    },
  );
  return { token, session };
}
