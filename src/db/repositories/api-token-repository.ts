import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { ApiTokenRepository } from '../../app/ports/repositories';
import type { ApiToken } from '../../core/api-tokens';
import type { TokenAccess, TokenResource } from '../../core/policies/token-scopes';
import type { Db } from '../engine';
import { apiTokens, users } from '../schema';
import { userRepository } from './user-repository';

const toToken = (r: typeof apiTokens.$inferSelect): ApiToken => ({
  ...r,
  access: r.access as TokenAccess[],
  resources: r.resources as TokenResource[],
});

export function apiTokenRepository(db: Db): ApiTokenRepository {
  const userRepo = userRepository(db);
  return {
    async insert(t) {
      await db.insert(apiTokens).values(t);
    },
    async get(id) {
      const [r] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
      return r ? toToken(r) : null;
    },
    async getByHash(tokenHash) {
      const [r] = await db
        .select({ token: apiTokens, user: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.tokenHash, tokenHash));
      if (!r) return null;
      return { token: toToken(r.token), user: r.user, memberships: await userRepo.memberships(r.user.id) };
    },
    async listForUser(userId) {
      const rows = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
      return rows.map(toToken);
    },
    async countActiveForUser(userId, now) {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(apiTokens)
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
      return Number(r?.n ?? 0);
    },
    async revoke(id, at, by) {
      const r = await db
        .update(apiTokens)
        .set({ revokedAt: at, revokedBy: by })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return r.length > 0;
    },
    async touch(id, at, ip, minIntervalMs) {
      const due = new Date(at.getTime() - minIntervalMs);
      const r = await db
        .update(apiTokens)
        .set({ lastUsedAt: at, lastUsedIp: ip })
        .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, due))))
        .returning({ id: apiTokens.id });
      return r.length > 0;
    },
  };
}
