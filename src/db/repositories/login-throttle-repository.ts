import { and, desc, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { HitCounter, ThrottleCounter } from '../../core/login-throttle';
import type { KnownDeviceRepository, LoginThrottleRepository } from '../../app/ports/repositories';
import type { Db } from '../engine';
import { knownDevices, loginThrottle as t } from '../schema';

type Row = typeof t.$inferSelect;
const counterOf = (r: Row): ThrottleCounter => ({
  failures: r.failures,
  windowStart: r.windowStart.getTime(),
  lastFailureAt: r.lastFailureAt.getTime(),
  expiresAt: r.expiresAt.getTime(),
});
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export function loginThrottleRepository(db: Db): LoginThrottleRepository {
  return {
    async get(keys) {
      if (!keys.length) return new Map();
      const rows = await db.select().from(t).where(inArray(t.key, keys));
      return new Map(rows.map((r) => [r.key, counterOf(r)]));
    },
    // INSERT … ON CONFLICT DO UPDATE: the row lock serialises concurrent hits (also from other servers), each one
    // sees the count including itself and the failure before it; no read-modify-write in between. One statement
    // for all keys: a sliding counter's expiry moves with each hit, a fixed one's only when its window is over.
    async hit(hits, now) {
      const out = new Map<string, HitCounter>();
      if (!hits.length) return out;
      const expired = sql`${t.expiresAt} <= ${at(now)}`;
      const sliding = hits.filter((h) => h.slide).map((h) => sql`${h.key}`);
      const slides = sliding.length ? sql`excluded.key IN (${sql.join(sliding, sql`, `)})` : sql`false`;
      const values = hits.map((h) => ({
        key: h.key,
        scope: h.scope,
        failures: 1,
        windowStart: now,
        lastFailureAt: now,
        expiresAt: h.expiresAt,
      }));
      const rows = await db
        .insert(t)
        .values(values)
        .onConflictDoUpdate({
          target: t.key,
          set: {
            failures: sql`CASE WHEN ${expired} THEN 1 ELSE ${t.failures} + 1 END`,
            windowStart: sql`CASE WHEN ${expired} THEN excluded.window_start ELSE ${t.windowStart} END`,
            previousFailureAt: sql`CASE WHEN ${expired} THEN NULL ELSE ${t.lastFailureAt} END`,
            lastFailureAt: sql`excluded.last_failure_at`,
            expiresAt: sql`CASE WHEN ${slides} OR ${expired} THEN excluded.expires_at ELSE ${t.expiresAt} END`,
          },
        })
        .returning();
      for (const r of rows)
        out.set(r.key, { ...counterOf(r), previousFailureAt: r.previousFailureAt?.getTime() ?? null });
      return out;
    },
    async settle(clear, uncount) {
      if (!uncount.length) return this.clear(clear);
      if (!clear.length) return this.uncount(uncount);
      // One statement for both: a successful sign-in pays one round trip for its counters.
      const cleared = db.$with('cleared').as(db.delete(t).where(inArray(t.key, clear)).returning({ key: t.key }));
      await db
        .with(cleared)
        .update(t)
        .set({ failures: sql`GREATEST(${t.failures} - 1, 0)` })
        .where(inArray(t.key, uncount));
    },
    async clear(keys) {
      if (keys.length) await db.delete(t).where(inArray(t.key, keys));
    },
    async uncount(keys) {
      if (keys.length)
        await db
          .update(t)
          .set({ failures: sql`GREATEST(${t.failures} - 1, 0)` })
          .where(inArray(t.key, keys));
    },
    async purgeExpired(now, limit) {
      const old = db.select({ key: t.key }).from(t).where(lte(t.expiresAt, now)).limit(limit);
      const gone = await db.delete(t).where(inArray(t.key, old)).returning({ key: t.key });
      return gone.length;
    },
  };
}

export function knownDeviceRepository(db: Db): KnownDeviceRepository {
  return {
    async get(id) {
      const [r] = await db.select().from(knownDevices).where(eq(knownDevices.id, id));
      return r ?? null;
    },
    async insert(d) {
      await db.insert(knownDevices).values(d);
    },
    async touch(id, lastUsedAt, expiresAt) {
      await db.update(knownDevices).set({ lastUsedAt, expiresAt }).where(eq(knownDevices.id, id));
    },
    async trim(userId, keep) {
      const newest = db
        .select({ id: knownDevices.id })
        .from(knownDevices)
        .where(eq(knownDevices.userId, userId))
        .orderBy(desc(knownDevices.lastUsedAt), desc(knownDevices.id))
        .limit(keep);
      await db.delete(knownDevices).where(and(eq(knownDevices.userId, userId), notInArray(knownDevices.id, newest)));
    },
    async purgeExpired(now, limit) {
      const old = db
        .select({ id: knownDevices.id })
        .from(knownDevices)
        .where(lte(knownDevices.expiresAt, now))
        .limit(limit);
      const gone = await db
        .delete(knownDevices)
        .where(inArray(knownDevices.id, old))
        .returning({ id: knownDevices.id });
      return gone.length;
    },
  };
}
