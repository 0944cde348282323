import { chooseActiveOrg, type Actor } from '../../../core/identity';
import type { Session, User } from '../../../core/records';
import type { AppDeps } from '../../context';
import { SESSION_IDLE_MS, sessionIdOf } from './sign-in';

export interface Authenticated {
  actor: Actor;
  session: Session;
  user: User;
}

/** Only write last_seen_at when it moved by a minute: reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

/** Turns a session cookie into an actor, or null when the session is unknown, revoked, expired, idle or its user disabled. */
export async function authenticateSession(deps: AppDeps, token: string): Promise<Authenticated | null> {
  if (!token || token.length > 200) return null;
  const id = sessionIdOf(token);
  const now = deps.clock.now().getTime();
  let found = deps.sessionCache.get(id, now);
  if (!found) {
    const generation = deps.sessionCache.generation;
    found = (await deps.uow.read.sessions.getWithUser(id)) ?? undefined;
    if (!found) return null;
    deps.sessionCache.set(id, found, generation, now);
  }
  const { session, user, memberships } = found;
  if (session.revokedAt || user.disabledAt) return null;
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await deps.uow.read.sessions.touch(session.id, new Date(now));
    session.lastSeenAt = new Date(now);
  }
  // A membership removed since sign-in must not stay active.
  const activeOrgId =
    session.activeOrgId && memberships.some((m) => m.orgId === session.activeOrgId)
      ? session.activeOrgId
      : chooseActiveOrg(memberships, user.lastOrgId);
  // Between the password and the second factor (or enrolling one) the session acts for nobody and holds no role:
  // a route that forgot to refuse it still finds no permission (the server's requireAuth refuses it first).
  if (session.signInStep)
    return {
      actor: { userId: user.id, isPlatformAdmin: false, memberships: [], activeOrgId: null },
      session: { ...session, activeOrgId: null },
      user,
    };
  return {
    actor: { userId: user.id, isPlatformAdmin: user.isPlatformAdmin, memberships, activeOrgId },
    session: { ...session, activeOrgId },
    user,
  };
}
