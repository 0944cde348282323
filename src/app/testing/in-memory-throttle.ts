import type { HitCounter, ThrottleCounter } from '../../core/login-throttle';
import type { KnownDevice, KnownDeviceRepository, LoginThrottleRepository } from '../ports/repositories';

/** A stored counter, as the `login_throttle` table holds it. */
export type ThrottleRow = HitCounter & { scope: string };

// Fakes of the throttle ports with the database's semantics (hits start over on an expired counter; a sliding
// counter's expiry moves with each failure, a window's does not). Single-threaded, so each call is atomic.
export function inMemoryLoginThrottle(rows: Map<string, ThrottleRow>): LoginThrottleRepository {
  const counter = ({ failures, windowStart, lastFailureAt, expiresAt }: ThrottleRow): ThrottleCounter => ({
    failures,
    windowStart,
    lastFailureAt,
    expiresAt,
  });
  const repo: LoginThrottleRepository = {
    async get(keys) {
      return new Map(keys.filter((k) => rows.has(k)).map((k) => [k, counter(rows.get(k)!)]));
    },
    async hit(hits, now) {
      const out = new Map<string, HitCounter>();
      const t = now.getTime();
      for (const h of hits) {
        const old = rows.get(h.key);
        const fresh = !old || old.expiresAt <= t;
        const row: ThrottleRow = fresh
          ? { scope: h.scope, failures: 1, windowStart: t, lastFailureAt: t, previousFailureAt: null, expiresAt: t }
          : {
              ...old,
              failures: old.failures + 1,
              previousFailureAt: old.lastFailureAt,
              lastFailureAt: t,
              expiresAt: h.slide ? +h.expiresAt : old.expiresAt,
            };
        if (fresh) row.expiresAt = +h.expiresAt;
        rows.set(h.key, row);
        const { scope: _scope, ...hit } = row;
        out.set(h.key, hit);
      }
      return out;
    },
    async clear(keys) {
      for (const k of keys) rows.delete(k);
    },
    async uncount(keys) {
      for (const k of keys) {
        const r = rows.get(k);
        if (r) r.failures = Math.max(r.failures - 1, 0);
      }
    },
    async settle(clear, uncount) {
      await repo.clear(clear);
      await repo.uncount(uncount);
    },
    async purgeExpired(now, limit) {
      const old = [...rows].filter(([, r]) => r.expiresAt <= now.getTime()).slice(0, limit);
      for (const [k] of old) rows.delete(k);
      return old.length;
    },
  };
  return repo;
}

export function inMemoryKnownDevices(devices: Map<string, KnownDevice>): KnownDeviceRepository {
  return {
    async get(id) {
      const d = devices.get(id);
      return d ? { ...d } : null;
    },
    async insert(d) {
      devices.set(d.id, { ...d });
    },
    async touch(id, lastUsedAt, expiresAt) {
      const d = devices.get(id);
      if (d) devices.set(id, { ...d, lastUsedAt, expiresAt });
    },
    async trim(userId, keep) {
      const mine = [...devices.values()].filter((d) => d.userId === userId);
      mine.sort((a, b) => +b.lastUsedAt - +a.lastUsedAt || (a.id < b.id ? 1 : -1));
      for (const d of mine.slice(keep)) devices.delete(d.id);
    },
    async purgeExpired(now, limit) {
      const old = [...devices.values()].filter((d) => d.expiresAt <= now).slice(0, limit);
      for (const d of old) devices.delete(d.id);
      return old.length;
    },
  };
}
