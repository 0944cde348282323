/**
 * Login throttling rules. Pure: the counters and the clock's `now` come in, a decision goes out; the counters
 * themselves live in the database (shared by every server, kept across restarts).
 *
 * An attempt is checked against several counters of failed attempts:
 * - `pair` (account + address): exponential backoff after a few failures. Someone guessing from their own address
 *   slows down without locking the account for anyone else.
 * - `address`: a ceiling per address over a fixed window, whatever accounts it tries (password spraying).
 * - `account`: a much higher ceiling per account over a window, against guessing spread over many addresses.
 * - `device`: a browser that signed in to this account before (a known-device cookie) is checked only against its
 *   own counter, so none of the blocks above that others caused stop the owner.
 * - `password`: the current-password check of a signed-in user (POST /auth/password), with backoff.
 * - `second_factor`: wrong TOTP, recovery or passkey answers of one user (sign-in's second step, re-authentication),
 *   with backoff whatever the address, so a stolen password does not buy unlimited guesses at a 6-digit code.
 */
export type ThrottleScope = 'pair' | 'address' | 'account' | 'device' | 'password' | 'second_factor';

/** A few free failures, then a block that doubles with every further failure, forgotten `ttlMs` after the last. */
export interface BackoffRule {
  kind: 'backoff';
  free: number;
  baseMs: number;
  maxMs: number;
  ttlMs: number;
}

/** At most `limit` failures in a fixed window that starts at the first failure. */
export interface WindowRule {
  kind: 'window';
  limit: number;
  windowMs: number;
}

export type ThrottleRule = BackoffRule | WindowRule;
export type ThrottleLimits = Record<ThrottleScope, ThrottleRule>;

export const defaultThrottleLimits: ThrottleLimits = {
  pair: { kind: 'backoff', free: 5, baseMs: 60_000, maxMs: 3600_000, ttlMs: 24 * 3600_000 },
  device: { kind: 'backoff', free: 5, baseMs: 60_000, maxMs: 3600_000, ttlMs: 24 * 3600_000 },
  password: { kind: 'backoff', free: 5, baseMs: 60_000, maxMs: 3600_000, ttlMs: 24 * 3600_000 },
  second_factor: { kind: 'backoff', free: 5, baseMs: 60_000, maxMs: 3600_000, ttlMs: 24 * 3600_000 },
  address: { kind: 'window', limit: 20, windowMs: 15 * 60_000 },
  account: { kind: 'window', limit: 100, windowMs: 3600_000 },
};

/** Failed attempts counted under one key (times in epoch milliseconds). */
export interface ThrottleCounter {
  failures: number;
  windowStart: number;
  lastFailureAt: number;
  expiresAt: number;
}

export interface CountedAttempt {
  scope: ThrottleScope;
  /** The counter as stored, or null when there is none. */
  counter: ThrottleCounter | null;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number; scopes: ThrottleScope[] };

/** Which counters a sign-in attempt is checked against and counted in. */
export function signInScopes(knownDevice: boolean): ThrottleScope[] {
  return knownDevice ? ['device'] : ['pair', 'address', 'account'];
}

/** How long a counter lives: backoff counters slide with each failure, window counters end with their window. */
export function counterTtlMs(rule: ThrottleRule): number {
  return rule.kind === 'backoff' ? rule.ttlMs : rule.windowMs;
}

export function slidesWithFailures(rule: ThrottleRule): boolean {
  return rule.kind === 'backoff';
}

/**
 * When the block this counter causes ends (epoch ms), or 0 when it causes none.
 * Example: backoff with free 5 and base 1 min: the 5th failure blocks for 1 min, the 6th for 2, the 7th for 4.
 */
export function blockedUntil(rule: ThrottleRule, counter: ThrottleCounter | null, now: number): number {
  if (!counter || counter.expiresAt <= now) return 0;
  if (rule.kind === 'window') return counter.failures >= rule.limit ? counter.windowStart + rule.windowMs : 0;
  if (counter.failures < rule.free) return 0;
  const step = Math.min(counter.failures - rule.free, 30);
  return counter.lastFailureAt + Math.min(rule.baseMs * 2 ** step, rule.maxMs);
}

/** Allowed when no counter blocks at `now`; otherwise the longest wait and the scopes that block. */
export function decide(limits: ThrottleLimits, attempts: CountedAttempt[], now: number): ThrottleDecision {
  let until = 0;
  const scopes: ThrottleScope[] = [];
  for (const a of attempts) {
    const end = blockedUntil(limits[a.scope], a.counter, now);
    if (end > now) {
      scopes.push(a.scope);
      until = Math.max(until, end);
    }
  }
  return scopes.length ? { allowed: false, retryAfterMs: until - now, scopes } : { allowed: true };
}

/**
 * A counter as the database returns it right after counting one more failure, with the time of the failure before.
 * Counting happens before the password is checked, so concurrent attempts each see a distinct count.
 */
export interface HitCounter extends ThrottleCounter {
  previousFailureAt: number | null;
}

/** The counter as it was just before this hit: what decides whether the attempt was within the budget. */
export function counterBeforeHit(hit: HitCounter): ThrottleCounter | null {
  if (hit.failures <= 1 || hit.previousFailureAt === null) return null;
  return {
    failures: hit.failures - 1,
    windowStart: hit.windowStart,
    lastFailureAt: hit.previousFailureAt,
    expiresAt: hit.expiresAt,
  };
}

/**
 * The scopes whose block begins with this failure (blocked now, not blocked just before): the moment worth an
 * audit event. Failures refused while blocked are never counted, so each block is reported once.
 */
export function blocksStarted(
  limits: ThrottleLimits,
  hits: { scope: ThrottleScope; hit: HitCounter }[],
  now: number,
): ThrottleScope[] {
  return hits
    .filter(
      ({ scope, hit }) =>
        blockedUntil(limits[scope], hit, now) > now && blockedUntil(limits[scope], counterBeforeHit(hit), now) <= now,
    )
    .map((h) => h.scope);
}
