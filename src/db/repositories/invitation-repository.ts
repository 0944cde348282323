import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { InvitationRepository, InvitationView } from '../../app/ports/repositories';
import type { OrgKind, Role } from '../../core/identity';
import type { Invitation, InvitationStatus } from '../../core/records';
import type { Db } from '../engine';
import { invitations, organizations, users } from '../schema';

const toInvitation = (r: typeof invitations.$inferSelect): Invitation => ({
  ...r,
  role: r.role as Role,
  status: r.status as InvitationStatus,
});

export function invitationRepository(db: Db): InvitationRepository {
  const view = async (where: ReturnType<typeof and>): Promise<InvitationView[]> => {
    const rows = await db
      .select({
        inv: invitations,
        orgKind: organizations.kind,
        orgNameJa: organizations.nameJa,
        orgNameEn: organizations.nameEn,
        invitedByName: users.displayName,
      })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.orgId))
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .where(where)
      .orderBy(desc(invitations.createdAt), desc(invitations.id));
    return rows.map((r) => ({
      ...toInvitation(r.inv),
      orgKind: r.orgKind as OrgKind,
      orgNameJa: r.orgNameJa,
      orgNameEn: r.orgNameEn,
      invitedByName: r.invitedByName,
    }));
  };
  return {
    async insert(inv) {
      await db.insert(invitations).values(inv);
    },
    async get(id) {
      const [r] = await db.select().from(invitations).where(eq(invitations.id, id));
      return r ? toInvitation(r) : null;
    },
    async getByTokenHash(tokenHash) {
      const [r] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
      return r ? toInvitation(r) : null;
    },
    async pendingFor(orgId, email) {
      const [r] = await db
        .select()
        .from(invitations)
        .where(and(eq(invitations.orgId, orgId), eq(invitations.email, email), eq(invitations.status, 'pending')));
      return r ? toInvitation(r) : null;
    },
    listPendingForOrg: (orgId, now) =>
      view(and(eq(invitations.orgId, orgId), eq(invitations.status, 'pending'), gt(invitations.expiresAt, now))),
    listPendingForEmail: (email, now) =>
      view(and(eq(invitations.email, email), eq(invitations.status, 'pending'), gt(invitations.expiresAt, now))),
    async close(id, status, at, by) {
      const r = await db
        .update(invitations)
        .set({ status, closedAt: at, closedBy: by })
        .where(and(eq(invitations.id, id), eq(invitations.status, 'pending')))
        .returning({ id: invitations.id });
      return r.length === 1;
    },
    async deleteExpired(before) {
      const r = await db
        .delete(invitations)
        .where(and(eq(invitations.status, 'pending'), lt(invitations.expiresAt, before)))
        .returning({ id: invitations.id });
      return r.length;
    },
  };
}
