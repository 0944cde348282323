import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { SessionRepository } from '../../app/ports/repositories';
import type { Session } from '../../core/records';
import type { Db } from '../engine';
import { sessions, users } from '../schema';
import { userRepository } from './user-repository';

type Row = typeof sessions.$inferSelect;
const sessionOf = (r: Row): Session => ({
  ...r,
  signInStep: r.signInStep as Session['signInStep'],
  mfaMethod: r.mfaMethod as Session['mfaMethod'],
});

export function sessionRepository(db: Db): SessionRepository {
  const userRepo = userRepository(db);
  return {
    async insert(s) {
      await db.insert(sessions).values(s);
    },
    async get(id) {
      const [r] = await db.select().from(sessions).where(eq(sessions.id, id));
      return r ? sessionOf(r) : null;
    },
    async getWithUser(id) {
      const [r] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, id));
      if (!r) return null;
      return { session: sessionOf(r.session), user: r.user, memberships: await userRepo.memberships(r.user.id) };
    },
    async touch(id, at) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },
    async setActiveOrg(id, orgId) {
      await db.update(sessions).set({ activeOrgId: orgId }).where(eq(sessions.id, id));
    },
    async revoke(id, at) {
      await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
    },
    async revokeAllForUser(userId, at) {
      const r = await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return r.length;
    },
    async deleteEnded(endedBefore, idleBefore) {
      const r = await db
        .delete(sessions)
        .where(
          or(
            lt(sessions.expiresAt, endedBefore),
            lt(sessions.revokedAt, endedBefore),
            lt(sessions.lastSeenAt, idleBefore),
          ),
        )
        .returning({ id: sessions.id });
      return r.length;
    },
    async listForUser(userId) {
      const rows = await db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(desc(sessions.createdAt));
      return rows.map(sessionOf);
    },
    async completeSignIn(id, method, at) {
      await db
        .update(sessions)
        .set({ signInStep: null, mfaMethod: method, mfaAt: method ? at : null, authenticatedAt: at })
        .where(eq(sessions.id, id));
    },
    async reauthenticated(id, method, at) {
      const set = method ? { mfaMethod: method, mfaAt: at, authenticatedAt: at } : { authenticatedAt: at };
      await db.update(sessions).set(set).where(eq(sessions.id, id));
    },
  };
}
