import { asc, eq } from 'drizzle-orm';
import type { CloudServiceRepository } from '../../app/ports/repositories';
import type { CloudService, ServiceModel, ServiceScope, Track } from '../../core/statement/model';
import type { Db } from '../engine';
import { cloudServices } from '../schema';

const toService = (r: typeof cloudServices.$inferSelect): CloudService => ({
  id: r.id,
  orgId: r.orgId,
  name: { ja: r.nameJa, en: r.nameEn },
  model: r.model as ServiceModel,
  track: r.track as Track,
  scope: r.scope as ServiceScope,
  owners: r.owners,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const toRow = (s: CloudService): typeof cloudServices.$inferInsert => ({
  id: s.id,
  orgId: s.orgId,
  nameJa: s.name.ja ?? '',
  nameEn: s.name.en ?? '',
  model: s.model,
  track: s.track,
  scope: s.scope,
  owners: s.owners,
  version: s.version,
  createdAt: new Date(s.createdAt),
  updatedAt: new Date(s.updatedAt),
});

export function cloudServiceRepository(db: Db): CloudServiceRepository {
  return {
    async listForOrg(orgId) {
      const rows = await db
        .select()
        .from(cloudServices)
        .where(eq(cloudServices.orgId, orgId))
        .orderBy(asc(cloudServices.nameEn), asc(cloudServices.id));
      return rows.map(toService);
    },
    async get(id) {
      const [r] = await db.select().from(cloudServices).where(eq(cloudServices.id, id));
      return r ? toService(r) : null;
    },
    async lock(id) {
      const [r] = await db.select().from(cloudServices).where(eq(cloudServices.id, id)).for('no key update');
      return r ? toService(r) : null;
    },
    async insert(s) {
      await db.insert(cloudServices).values(toRow(s));
    },
    async update(s) {
      const { id: _id, orgId: _org, createdAt: _c, ...set } = toRow(s);
      await db.update(cloudServices).set(set).where(eq(cloudServices.id, s.id));
    },
  };
}
