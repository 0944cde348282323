import { and, asc, arrayContains, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { SsoRepository } from '../../app/ports/sso';
import type { Role } from '../../core/identity';
import type { Db } from '../engine';
import { ssoConfigurations, ssoIdentities, ssoLoginStates } from '../schema';

const toConfig = (r: typeof ssoConfigurations.$inferSelect) => ({ ...r, defaultRole: r.defaultRole as Role });

export function ssoRepository(db: Db): SsoRepository {
  return {
    async getConfiguration(orgId) {
      const [r] = await db.select().from(ssoConfigurations).where(eq(ssoConfigurations.orgId, orgId));
      return r ? toConfig(r) : null;
    },
    async putConfiguration(c) {
      const { orgId: _id, createdAt: _created, ...set } = c;
      await db.insert(ssoConfigurations).values(c).onConflictDoUpdate({ target: ssoConfigurations.orgId, set });
    },
    async configurationsForDomain(domain) {
      const rows = await db
        .select()
        .from(ssoConfigurations)
        .where(and(eq(ssoConfigurations.enabled, true), arrayContains(ssoConfigurations.allowedDomains, [domain])))
        .orderBy(asc(ssoConfigurations.createdAt));
      return rows.map(toConfig);
    },
    async getIdentity(issuer, subject) {
      const [r] = await db
        .select()
        .from(ssoIdentities)
        .where(and(eq(ssoIdentities.issuer, issuer), eq(ssoIdentities.subject, subject)));
      return r ?? null;
    },
    async insertIdentity(identity) {
      await db.insert(ssoIdentities).values(identity);
    },
    async usersWithIdentity(userIds) {
      if (!userIds.length) return new Set();
      const rows = await db
        .selectDistinct({ userId: ssoIdentities.userId })
        .from(ssoIdentities)
        .where(inArray(ssoIdentities.userId, userIds));
      return new Set(rows.map((r) => r.userId));
    },
    async insertState(state) {
      await db.insert(ssoLoginStates).values(state);
    },
    async getState(stateHash) {
      const [r] = await db.select().from(ssoLoginStates).where(eq(ssoLoginStates.stateHash, stateHash));
      return r ?? null;
    },
    async useState(stateHash, at) {
      const rows = await db
        .update(ssoLoginStates)
        .set({ usedAt: at })
        .where(and(eq(ssoLoginStates.stateHash, stateHash), isNull(ssoLoginStates.usedAt)))
        .returning({ h: ssoLoginStates.stateHash });
      return rows.length === 1;
    },
    async purgeStates(before, limit) {
      const rows = await db
        .delete(ssoLoginStates)
        .where(
          inArray(
            ssoLoginStates.stateHash,
            db
              .select({ h: ssoLoginStates.stateHash })
              .from(ssoLoginStates)
              .where(lt(ssoLoginStates.expiresAt, before))
              .limit(limit),
          ),
        )
        .returning({ h: ssoLoginStates.stateHash });
      return rows.length;
    },
  };
}
