import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { SessionRepository } from '../../app/ports/repositories';
import type { Db } from '../engine';
import { sessions, users } from '../schema';
import { userRepository } from './user-repository';

export function sessionRepository(db: Db): SessionRepository {
  const userRepo = userRepository(db);
  return {
    async insert(s) {
      await db.insert(sessions).values(s);
    },
    async get(id) {
      const [r] = await db.select().from(sessions).where(eq(sessions.id, id));
      return r ?? null;
    },
    async getWithUser(id) {
      const [r] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, id));
      if (!r) return null;
      return { session: r.session, user: r.user, memberships: await userRepo.memberships(r.user.id) };
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
      return db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.createdAt));
    },
  };
}
