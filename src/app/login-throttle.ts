import { createHash } from 'node:crypto';
import { DomainError } from '../core/errors';
import {
  blocksStarted,
  counterBeforeHit,
  counterTtlMs,
  decide,
  slidesWithFailures,
  signInScopes,
  type HitCounter,
  type ThrottleDecision,
  type ThrottleScope,
} from '../core/login-throttle';
import type { AppDeps } from './context';

/** Expired counters and devices removed per failed attempt: bounded work that keeps up with any rate of failures. */
const PURGE_BATCH = 50;

export interface ThrottleSubject {
  scope: ThrottleScope;
  /** What is counted: the typed email and address, the address, a device id, a user id. Stored only as a digest. */
  subject: string;
}

/** An attempt that passed the throttle and was counted as a failure until it proves right. */
export interface AdmittedAttempt {
  /** The password was right: forget the backoff counters, take the attempt back from the others. */
  succeeded(): Promise<void>;
  /** The password was wrong: the attempt stays counted; the scopes whose block starts with it. */
  failed(): Promise<ThrottleScope[]>;
}

const keyOf = (s: ThrottleSubject) => createHash('sha256').update(`${s.scope}\u0000${s.subject}`).digest('hex');

function refuse(d: Exclude<ThrottleDecision, { allowed: true }>, what: 'sign-in' | 'password'): never {
  const secs = Math.max(1, Math.ceil(d.retryAfterMs / 1000));
  const count = Math.ceil(secs / 60);
  const detail =
    what === 'password'
      ? { reason: 'password_check_throttled', params: { count } }
      : { reason: 'sign_in_throttled', params: { count } };
  // The issue carries the seconds the server also sends as Retry-After.
  const issue = { path: [], message: String(secs), code: 'retry_after_seconds', params: { seconds: secs } };
  const message = `Too many failed ${what} attempts. Try again in ${count} minute(s).`;
  throw new DomainError('too_many_attempts', message, [issue], detail);
}

/** The counters a sign-in is checked against: its known device's own, or those of the pair, address and account. */
export function signInSubjects(email: string, ip: string, knownDeviceId: string | null): ThrottleSubject[] {
  const subject = {
    pair: `${email}\u0000${ip}`,
    address: ip,
    account: email,
    device: knownDeviceId ?? '',
    password: '',
    second_factor: '',
  };
  return signInScopes(knownDeviceId !== null).map((scope) => ({ scope, subject: subject[scope] }));
}

/**
 * Checks an attempt against its counters and counts it, before the password is verified. The check alone would let
 * concurrent attempts all pass before any failure is recorded; counting first gives each a distinct count, and the
 * count before its own hit decides (`counterBeforeHit`). Throws `too_many_attempts` (429 with Retry-After).
 */
export async function admitAttempt(
  deps: AppDeps,
  subjects: ThrottleSubject[],
  what: 'sign-in' | 'password' = 'sign-in',
): Promise<AdmittedAttempt> {
  const limits = deps.throttle;
  const now = deps.clock.now();
  const keyed = subjects.map((s) => ({ ...s, key: keyOf(s) }));
  const repo = deps.uow.read.loginThrottle;
  const stored = await repo.get(keyed.map((k) => k.key));
  const before = decide(
    limits,
    keyed.map((k) => ({ scope: k.scope, counter: stored.get(k.key) ?? null })),
    now.getTime(),
  );
  if (!before.allowed) refuse(before, what);

  const hits = await repo.hit(
    keyed.map((k) => {
      const rule = limits[k.scope];
      return {
        key: k.key,
        scope: k.scope,
        expiresAt: new Date(now.getTime() + counterTtlMs(rule)),
        slide: slidesWithFailures(rule),
      };
    }),
    now,
  );
  const counted = keyed.map((k) => ({ ...k, hit: hits.get(k.key) as HitCounter }));
  const raced = decide(
    limits,
    counted.map((c) => ({ scope: c.scope, counter: counterBeforeHit(c.hit) })),
    now.getTime(),
  );
  if (!raced.allowed) {
    // Lost a race with concurrent attempts: refused like any attempt while blocked, so not counted either. The
    // admitted ones stay counted until they prove right, so taking this one back never reopens the budget.
    await repo.uncount(counted.map((c) => c.key));
    refuse(raced, what);
  }

  return {
    async succeeded() {
      const backoff = counted.filter((c) => limits[c.scope].kind === 'backoff').map((c) => c.key);
      const windows = counted.filter((c) => limits[c.scope].kind === 'window').map((c) => c.key);
      await repo.settle(backoff, windows);
    },
    async failed() {
      const at = deps.clock.now();
      await repo.purgeExpired(at, PURGE_BATCH);
      await deps.uow.read.knownDevices.purgeExpired(at, PURGE_BATCH);
      return blocksStarted(limits, counted, at.getTime());
    },
  };
}
