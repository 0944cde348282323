import type { ApiToken } from '../../core/api-tokens';
import type { User } from '../../core/records';
import type { ApiTokenRepository, UserRepository } from '../ports/repositories';

/** The API token repository in memory (small tier), over the same state's users and memberships. */
export function inMemoryApiTokens(
  tokens: Map<string, ApiToken>,
  users: Map<string, User>,
  userRepo: UserRepository,
): ApiTokenRepository {
  const patch = (id: string, p: Partial<ApiToken>) => {
    const t = tokens.get(id);
    if (t) tokens.set(id, { ...t, ...p });
  };
  return {
    async insert(t) {
      if ([...tokens.values()].some((x) => x.tokenHash === t.tokenHash)) throw new Error('duplicate token hash');
      tokens.set(t.id, structuredClone(t));
    },
    async get(id) {
      const t = tokens.get(id);
      return t ? structuredClone(t) : null;
    },
    async getByHash(hash) {
      const token = [...tokens.values()].find((t) => t.tokenHash === hash);
      const user = token && users.get(token.userId);
      if (!token || !user) return null;
      return { token: structuredClone(token), user: { ...user }, memberships: await userRepo.memberships(user.id) };
    },
    async listForUser(userId) {
      return [...tokens.values()]
        .filter((t) => t.userId === userId)
        .sort((a, b) => +b.createdAt - +a.createdAt)
        .map((t) => structuredClone(t));
    },
    async countActiveForUser(userId, now) {
      return [...tokens.values()].filter((t) => t.userId === userId && !t.revokedAt && t.expiresAt > now).length;
    },
    async revoke(id, at, by) {
      if (tokens.get(id)?.revokedAt !== null) return false;
      patch(id, { revokedAt: at, revokedBy: by });
      return true;
    },
    async touch(id, at, ip, minIntervalMs) {
      const t = tokens.get(id);
      if (!t || (t.lastUsedAt && at.getTime() - t.lastUsedAt.getTime() < minIntervalMs)) return false;
      patch(id, { lastUsedAt: at, lastUsedIp: ip });
      return true;
    },
  };
}
