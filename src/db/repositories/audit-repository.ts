import { and, asc, desc, eq, getTableColumns, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery, AuditRepository } from '../../app/ports/repositories';
import type { AuditEvent, ChainFormat } from '../../core/audit-chain';
import type { Db } from '../engine';
import { auditChainHead, auditEvents } from '../schema';

// `at` is read as text at the stored microsecond precision: a JavaScript Date would drop the microseconds, and
// with them any change to `at` under a millisecond (the chain's format 2 hashes exactly what is stored).
const columns = {
  ...getTableColumns(auditEvents),
  at: sql<string>`to_char(${auditEvents.at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};
type Row = Omit<typeof auditEvents.$inferSelect, 'at'> & { at: string };

const toEvent = (r: Row): AuditEvent => ({
  ...r,
  format: r.format as ChainFormat,
  details: (r.details ?? {}) as Record<string, unknown>,
});

/**
 * An action filter with `*` wildcards (`organization.*`, `session.sign_in*`) as a LIKE pattern. LIKE's own
 * wildcards are escaped: the `_` in `sign_in` must match only an underscore.
 */
const likePattern = (glob: string) => glob.replace(/[\\%_]/g, (ch) => `\\${ch}`).replaceAll('*', '%');

function where(q: Omit<AuditQuery, 'limit'>): SQL | undefined {
  const c: SQL[] = [];
  if (q.action) {
    const action = q.action.includes('*')
      ? sql`${auditEvents.action} LIKE ${likePattern(q.action)} ESCAPE '\\'`
      : undefined;
    c.push(action ?? eq(auditEvents.action, q.action));
  }
  if (q.actorUserId) c.push(eq(auditEvents.actorUserId, q.actorUserId));
  if (q.actorOrgId) c.push(eq(auditEvents.actorOrgId, q.actorOrgId));
  if (q.targetType) c.push(eq(auditEvents.targetType, q.targetType));
  if (q.targetId) c.push(eq(auditEvents.targetId, q.targetId));
  if (q.from) c.push(gte(auditEvents.at, q.from));
  if (q.to) c.push(lte(auditEvents.at, q.to));
  if (q.afterSeq !== undefined) c.push(gt(auditEvents.seq, q.afterSeq));
  if (q.beforeSeq !== undefined) c.push(lt(auditEvents.seq, q.beforeSeq));
  return c.length ? and(...c) : undefined;
}

export function auditRepository(db: Db): AuditRepository {
  return {
    async lockHead() {
      const [r] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
      if (!r) throw new Error('audit_chain_head row missing: the database was not migrated, or the row was deleted');
      return r.seq === 0 ? null : { seq: Number(r.seq), hash: r.hash };
    },
    async readHead() {
      const [r] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
      if (!r) return 'missing';
      return r.seq === 0 ? null : { seq: Number(r.seq), hash: r.hash };
    },
    async append(e) {
      // Written as text, not through a Date, so the stored microseconds are exactly the hashed ones.
      await db.insert(auditEvents).values({ ...e, at: sql`${e.at}::timestamptz` as unknown as Date });
      await db.update(auditChainHead).set({ seq: e.seq, hash: e.hash }).where(eq(auditChainHead.id, 1));
    },
    async query(q) {
      const rows = await db
        .select(columns)
        .from(auditEvents)
        .where(where(q))
        .orderBy(q.order === 'desc' ? desc(auditEvents.seq) : asc(auditEvents.seq))
        .limit(q.limit);
      return rows.map(toEvent);
    },
    async count(q = {}) {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(where(q));
      return Number(r?.n ?? 0);
    },
  };
}
