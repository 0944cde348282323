import { and, asc, eq, sql } from 'drizzle-orm';
import type { UserRepository } from '../../app/ports/repositories';
import type { OrgKind, Role } from '../../core/identity';
import type { Db } from '../engine';
import { memberships, organizations, users } from '../schema';

export function userRepository(db: Db): UserRepository {
  return {
    async get(id) {
      const [r] = await db.select().from(users).where(eq(users.id, id));
      return r ?? null;
    },
    async getByEmail(email) {
      const [r] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
      return r ?? null;
    },
    async list() {
      return db.select().from(users).orderBy(asc(users.email));
    },
    async insert(user) {
      await db.insert(users).values(user);
    },
    async update(id, patch) {
      await db.update(users).set(patch).where(eq(users.id, id));
    },
    async count() {
      const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return Number(r?.n ?? 0);
    },
    async memberships(userId) {
      const rows = await db
        .select({ orgId: memberships.orgId, role: memberships.role, orgKind: organizations.kind })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.orgId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(memberships.createdAt), asc(organizations.slug));
      return rows.map((r) => ({ orgId: r.orgId, role: r.role as Role, orgKind: r.orgKind as OrgKind }));
    },
    async members(orgId) {
      const rows = await db
        .select({
          userId: memberships.userId,
          orgId: memberships.orgId,
          role: memberships.role,
          createdAt: memberships.createdAt,
          email: users.email,
          displayName: users.displayName,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.orgId, orgId))
        .orderBy(asc(users.email));
      return rows.map((r) => ({ ...r, role: r.role as Role }));
    },
    async getMembership(userId, orgId) {
      const [r] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
      return r ? { ...r, role: r.role as Role } : null;
    },
    async putMembership(m) {
      await db
        .insert(memberships)
        .values(m)
        .onConflictDoUpdate({ target: [memberships.userId, memberships.orgId], set: { role: m.role } });
    },
    async deleteMembership(userId, orgId) {
      await db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
    },
  };
}
