import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RemediationRepository } from '../../app/ports/repositories';
import type {
  Milestone,
  RemediationItem,
  RemediationLink,
  RemediationRisk,
  RemediationStatus,
} from '../../core/remediation/model';
import type { Db } from '../engine';
import { remediationItems } from '../schema';

const toItem = (r: typeof remediationItems.$inferSelect): RemediationItem => ({
  id: r.id,
  orgId: r.orgId,
  statementId: r.statementId,
  title: r.title,
  description: r.description,
  owner: r.owner,
  risk: r.risk as RemediationRisk,
  status: r.status as RemediationStatus,
  plannedCompletion: r.plannedCompletion,
  actualCompletion: r.actualCompletion,
  milestones: r.milestones as Milestone[],
  links: r.links as RemediationLink[],
  oscalUuid: r.oscalUuid,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
  updatedAt: r.updatedAt.toISOString(),
});

const toRow = (i: RemediationItem): typeof remediationItems.$inferInsert => ({
  ...i,
  createdAt: new Date(i.createdAt),
  updatedAt: new Date(i.updatedAt),
});

export function remediationRepository(db: Db): RemediationRepository {
  return {
    async listForStatement(statementId) {
      const rows = await db
        .select()
        .from(remediationItems)
        .where(eq(remediationItems.statementId, statementId))
        .orderBy(asc(remediationItems.createdAt), asc(remediationItems.id));
      return rows.map(toItem);
    },
    async get(id) {
      const [r] = await db.select().from(remediationItems).where(eq(remediationItems.id, id));
      return r ? toItem(r) : null;
    },
    async lock(id) {
      const [r] = await db.select().from(remediationItems).where(eq(remediationItems.id, id)).for('no key update');
      return r ? toItem(r) : null;
    },
    async byOscalUuid(statementId, uuids) {
      if (uuids.length === 0) return new Map();
      const rows = await db
        .select()
        .from(remediationItems)
        .where(and(eq(remediationItems.statementId, statementId), inArray(remediationItems.oscalUuid, [...uuids])));
      return new Map(rows.map((r) => [r.oscalUuid!, toItem(r)]));
    },
    async insert(item) {
      await db.insert(remediationItems).values(toRow(item));
    },
    async update(item) {
      const { id: _id, orgId: _o, statementId: _s, createdAt: _c, createdBy: _b, ...set } = toRow(item);
      await db.update(remediationItems).set(set).where(eq(remediationItems.id, item.id));
    },
    async delete(id) {
      const rows = await db
        .delete(remediationItems)
        .where(eq(remediationItems.id, id))
        .returning({ id: remediationItems.id });
      return rows.length > 0;
    },
  };
}
