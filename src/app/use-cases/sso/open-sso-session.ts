import { chooseActiveOrg, type Actor } from '../../../core/identity';
import type { Session, User } from '../../../core/records';
import type { AppDeps } from '../../context';
import type { Repositories } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';
import { SESSION_ABSOLUTE_MS, sessionIdOf } from '../sessions/sign-in';

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
  const token = deps.ids.token();
  const session: Session = {
    id: sessionIdOf(token),
    userId: user.id,
    // The organization whose identity provider vouched for the user, when they belong to it.
    activeOrgId: memberships.some((m) => m.orgId === orgId) ? orgId : chooseActiveOrg(memberships, user.lastOrgId),
    csrfToken: deps.ids.token(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    revokedAt: null,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  };
  const actor: Actor = {
    userId: user.id,
    isPlatformAdmin: user.isPlatformAdmin,
    memberships,
    activeOrgId: session.activeOrgId,
  };
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
