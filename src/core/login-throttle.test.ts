import { describe, expect, it } from 'vitest';
import {
  blockedUntil,
  blocksStarted,
  counterBeforeHit,
  decide,
  defaultThrottleLimits,
  signInScopes,
  type HitCounter,
  type ThrottleCounter,
  type ThrottleLimits,
} from './login-throttle';

const limits: ThrottleLimits = {
  ...defaultThrottleLimits,
  pair: { kind: 'backoff', free: 3, baseMs: 1000, maxMs: 8000, ttlMs: 60_000 },
  address: { kind: 'window', limit: 5, windowMs: 60_000 },
  account: { kind: 'window', limit: 50, windowMs: 60_000 },
};
const counter = (failures: number, lastFailureAt: number, windowStart = 0): ThrottleCounter => ({
  failures,
  windowStart,
  lastFailureAt,
  expiresAt: lastFailureAt + 60_000,
});

describe('login throttle rules', () => {
  it('backs off exponentially per account and address pair, up to a ceiling', () => {
    expect(blockedUntil(limits.pair, counter(2, 1000), 1000)).toBe(0);
    expect(blockedUntil(limits.pair, counter(3, 1000), 1000)).toBe(2000);
    expect(blockedUntil(limits.pair, counter(4, 1000), 1000)).toBe(3000);
    expect(blockedUntil(limits.pair, counter(5, 1000), 1000)).toBe(5000);
    expect(blockedUntil(limits.pair, counter(40, 1000), 1000)).toBe(9000);
  });

  it('forgets a counter once it has expired', () => {
    expect(blockedUntil(limits.pair, counter(9, 1000), 61_000)).toBe(0);
    expect(
      blockedUntil(limits.address, { failures: 5, windowStart: 0, lastFailureAt: 10, expiresAt: 60_000 }, 60_000),
    ).toBe(0);
  });

  it('blocks an address over its window whatever accounts it tries', () => {
    const c = { failures: 5, windowStart: 1000, lastFailureAt: 5000, expiresAt: 61_000 };
    expect(
      decide(
        limits,
        [
          { scope: 'pair', counter: null },
          { scope: 'address', counter: c },
        ],
        6000,
      ),
    ).toEqual({ allowed: false, retryAfterMs: 55_000, scopes: ['address'] });
    expect(decide(limits, [{ scope: 'address', counter: { ...c, failures: 4 } }], 6000)).toEqual({ allowed: true });
  });

  it('answers the longest wait and every scope that blocks', () => {
    const d = decide(
      limits,
      [
        { scope: 'pair', counter: counter(3, 1000) },
        { scope: 'address', counter: { failures: 5, windowStart: 0, lastFailureAt: 900, expiresAt: 60_000 } },
      ],
      1500,
    );
    expect(d).toEqual({ allowed: false, retryAfterMs: 58_500, scopes: ['pair', 'address'] });
  });

  it('checks a known device only against its own counter', () => {
    expect(signInScopes(true)).toEqual(['device']);
    expect(signInScopes(false)).toEqual(['pair', 'address', 'account']);
  });

  it('judges a counted attempt by the counter as it was before the hit, so concurrent hits get one budget', () => {
    const hits: HitCounter[] = [1, 2, 3, 4].map((n) => ({
      failures: n,
      windowStart: 1000,
      lastFailureAt: 1000,
      expiresAt: 61_000,
      previousFailureAt: n > 1 ? 1000 : null,
    }));
    const admitted = hits.filter(
      (h) => decide(limits, [{ scope: 'pair', counter: counterBeforeHit(h) }], 1000).allowed,
    );
    expect(admitted.map((h) => h.failures)).toEqual([1, 2, 3]);
  });

  it('says once which failure starts a block', () => {
    const at = (n: number): HitCounter => ({
      failures: n,
      windowStart: 0,
      lastFailureAt: 1000,
      expiresAt: 61_000,
      previousFailureAt: n > 1 ? 1000 : null,
    });
    const started = [1, 2, 3, 4, 5].map((n) =>
      blocksStarted(
        limits,
        [
          { scope: 'pair', hit: at(n) },
          { scope: 'address', hit: at(n) },
        ],
        1000,
      ),
    );
    expect(started).toEqual([[], [], ['pair'], [], ['address']]);
  });
});
