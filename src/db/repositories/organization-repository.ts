import { eq, inArray, asc, sql } from 'drizzle-orm';
import type { OrganizationRepository } from '../../app/ports/repositories';
import type { Organization } from '../../core/records';
import type { OrgKind } from '../../core/identity';
import type { Db } from '../engine';
import { organizations } from '../schema';

const toOrg = (r: typeof organizations.$inferSelect): Organization => ({ ...r, kind: r.kind as OrgKind });

export function organizationRepository(db: Db): OrganizationRepository {
  return {
    async list(filter) {
      if (filter?.ids && filter.ids.length === 0) return [];
      const q = db.select().from(organizations);
      const rows = filter?.ids
        ? await q.where(inArray(organizations.id, filter.ids)).orderBy(asc(organizations.slug))
        : await q.orderBy(asc(organizations.slug));
      return rows.map(toOrg);
    },
    async get(id) {
      const [r] = await db.select().from(organizations).where(eq(organizations.id, id));
      return r ? toOrg(r) : null;
    },
    async getBySlug(slug) {
      const [r] = await db.select().from(organizations).where(eq(organizations.slug, slug));
      return r ? toOrg(r) : null;
    },
    async insert(org) {
      await db.insert(organizations).values(org);
    },
    async update(id, patch) {
      await db.update(organizations).set(patch).where(eq(organizations.id, id));
    },
    async lockMemberships(id) {
      // NO KEY UPDATE: serialises membership changes of this organization without blocking inserts that only
      // reference it (their foreign-key check takes KEY SHARE).
      const [r] = await db.select().from(organizations).where(eq(organizations.id, id)).for('no key update');
      return r ? toOrg(r) : null;
    },
    async count() {
      const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
      return Number(r?.n ?? 0);
    },
  };
}
