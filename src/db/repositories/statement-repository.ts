import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { MigrationAttentionRow, StatementRepository, StoredStatement } from '../../app/ports/repositories';
import type { AttentionReason } from '../../core/statement/migration';
import type { LocalizedText } from '../../core/catalog/model';
import type {
  AuditPeriod,
  ControlRevision,
  ImplementationStatus,
  ItemAnswer,
  Statement,
  StatementState,
  StoredSelection,
} from '../../core/statement/model';
import type { Db } from '../engine';
import { statementItems, statementMigrationAttention, statements } from '../schema';
import { chunks } from './batch';

const toStatement = (r: typeof statements.$inferSelect): StoredStatement => ({
  id: r.id,
  orgId: r.orgId,
  serviceId: r.serviceId,
  catalog: r.catalog,
  edition: r.edition,
  period: (r.period ?? null) as AuditPeriod | null,
  previousPeriod: (r.previousPeriod ?? null) as AuditPeriod | null,
  state: r.state as StatementState,
  subsequentEvents: r.subsequentEvents as LocalizedText,
  specialNotes: r.specialNotes as LocalizedText,
  version: r.version,
  itemsRevision: Number(r.itemsRevision),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const toAttention = (r: typeof statementMigrationAttention.$inferSelect): MigrationAttentionRow => ({
  seq: r.seq,
  reason: r.reason as AttentionReason,
  itemId: r.itemId,
  fromId: r.fromId,
  fromEdition: r.fromEdition,
  toEdition: r.toEdition,
  migratedAt: r.migratedAt.toISOString(),
  doneAt: r.doneAt?.toISOString() ?? null,
  doneBy: r.doneBy,
});

const statementRow = (s: Statement) => ({
  id: s.id,
  orgId: s.orgId,
  serviceId: s.serviceId,
  catalog: s.catalog,
  edition: s.edition,
  period: s.period,
  previousPeriod: s.previousPeriod,
  state: s.state,
  subsequentEvents: s.subsequentEvents,
  specialNotes: s.specialNotes,
  version: s.version,
  createdAt: new Date(s.createdAt),
  updatedAt: new Date(s.updatedAt),
});

const text = (t: LocalizedText): LocalizedText => {
  const out: LocalizedText = {};
  if (t.ja !== undefined) out.ja = t.ja;
  if (t.en !== undefined) out.en = t.en;
  return out;
};

const toAnswer = (r: typeof statementItems.$inferSelect): ItemAnswer => ({
  itemId: r.itemId,
  selection: r.selection as StoredSelection | null,
  reason: r.reason,
  inheritedFrom: r.inheritedFrom,
  status: r.status as ImplementationStatus,
  owner: r.owner,
  control: text({ ja: r.controlJa ?? undefined, en: r.controlEn ?? undefined }),
  revisions: r.revisions as ControlRevision[],
  criteriaDigest: r.criteriaDigest,
  version: r.version,
});

export function statementRepository(db: Db): StatementRepository {
  return {
    async listForService(serviceId) {
      const rows = await db
        .select()
        .from(statements)
        .where(eq(statements.serviceId, serviceId))
        .orderBy(asc(statements.createdAt), asc(statements.id));
      return rows.map(toStatement);
    },
    async listForOrg(orgId) {
      const rows = await db
        .select()
        .from(statements)
        .where(eq(statements.orgId, orgId))
        .orderBy(asc(statements.createdAt), asc(statements.id));
      return rows.map(toStatement);
    },
    async get(id) {
      const [r] = await db.select().from(statements).where(eq(statements.id, id));
      return r ? toStatement(r) : null;
    },
    async lock(id) {
      const [r] = await db.select().from(statements).where(eq(statements.id, id)).for('no key update');
      return r ? toStatement(r) : null;
    },
    async insert(s) {
      await db.insert(statements).values(statementRow(s));
    },
    async update(s) {
      const { id: _id, orgId: _org, serviceId: _svc, createdAt: _c, ...set } = statementRow(s);
      await db.update(statements).set(set).where(eq(statements.id, s.id));
    },
    async bumpItemsRevision(id) {
      const [r] = await db
        .update(statements)
        .set({ itemsRevision: sql`${statements.itemsRevision} + 1` })
        .where(eq(statements.id, id))
        .returning({ revision: statements.itemsRevision });
      return Number(r?.revision ?? 0);
    },
    async itemsRevision(id) {
      const [r] = await db.select({ revision: statements.itemsRevision }).from(statements).where(eq(statements.id, id));
      return r ? Number(r.revision) : null;
    },
    async items(statementId) {
      const rows = await db.select().from(statementItems).where(eq(statementItems.statementId, statementId));
      return rows.map(toAnswer);
    },
    async item(statementId, itemId) {
      const [r] = await db
        .select()
        .from(statementItems)
        .where(and(eq(statementItems.statementId, statementId), eq(statementItems.itemId, itemId)));
      return r ? toAnswer(r) : null;
    },
    async itemsById(statementId, itemIds) {
      const out: ItemAnswer[] = [];
      for (const ids of chunks(itemIds, 1000)) {
        const rows = await db
          .select()
          .from(statementItems)
          .where(and(eq(statementItems.statementId, statementId), inArray(statementItems.itemId, ids)));
        out.push(...rows.map(toAnswer));
      }
      return out;
    },
    async putItems(statementId, answers, at, by) {
      // 15 columns a row: 500 rows stay far below PostgreSQL's 65,535 parameters.
      for (const batch of chunks(answers)) {
        await db
          .insert(statementItems)
          .values(
            batch.map((a) => ({
              statementId,
              itemId: a.itemId,
              selection: a.selection,
              reason: a.reason,
              inheritedFrom: a.inheritedFrom,
              status: a.status,
              owner: a.owner,
              controlJa: a.control.ja ?? null,
              controlEn: a.control.en ?? null,
              revisions: a.revisions,
              criteriaDigest: a.criteriaDigest,
              version: a.version,
              updatedAt: at,
              updatedBy: by,
            })),
          )
          .onConflictDoUpdate({
            target: [statementItems.statementId, statementItems.itemId],
            set: {
              selection: sql`excluded.selection`,
              reason: sql`excluded.reason`,
              inheritedFrom: sql`excluded.inherited_from`,
              status: sql`excluded.status`,
              owner: sql`excluded.owner`,
              controlJa: sql`excluded.control_ja`,
              controlEn: sql`excluded.control_en`,
              revisions: sql`excluded.revisions`,
              criteriaDigest: sql`excluded.criteria_digest`,
              version: sql`excluded.version`,
              updatedAt: sql`excluded.updated_at`,
              updatedBy: sql`excluded.updated_by`,
            },
          });
      }
    },
    async deleteItems(statementId) {
      await db.delete(statementItems).where(eq(statementItems.statementId, statementId));
    },
    async attention(statementId) {
      const rows = await db
        .select()
        .from(statementMigrationAttention)
        .where(eq(statementMigrationAttention.statementId, statementId))
        .orderBy(asc(statementMigrationAttention.seq));
      return rows.map(toAttention);
    },
    async replaceAttention(statementId, rows) {
      const t = statementMigrationAttention;
      await db.delete(t).where(eq(t.statementId, statementId));
      for (const batch of chunks(rows, 500))
        await db.insert(t).values(
          batch.map((a) => ({
            statementId,
            seq: a.seq,
            fromEdition: a.fromEdition,
            toEdition: a.toEdition,
            reason: a.reason,
            itemId: a.itemId,
            fromId: a.fromId,
            migratedAt: new Date(a.migratedAt),
            doneAt: a.doneAt ? new Date(a.doneAt) : null,
            doneBy: a.doneBy,
          })),
        );
    },
    async markAttention(statementId, seq, done) {
      const t = statementMigrationAttention;
      const [r] = await db
        .update(t)
        .set({ doneAt: done?.at ?? null, doneBy: done?.by ?? null })
        .where(and(eq(t.statementId, statementId), eq(t.seq, seq)))
        .returning();
      return r ? toAttention(r) : null;
    },
  };
}
