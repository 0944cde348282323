import type { HitCounter, ThrottleCounter, ThrottleScope } from '../../core/login-throttle';

/** One counter to count a failure in; `expiresAt` is when a new counter (or, with `slide`, this one) expires. */
export interface ThrottleHit {
  key: string;
  scope: ThrottleScope;
  expiresAt: Date;
  slide: boolean;
}

/** Failed-login counters. Every write is one atomic statement, so servers sharing a database share the budget. */
export interface LoginThrottleRepository {
  get(keys: string[]): Promise<Map<string, ThrottleCounter>>;
  /** Counts one failure under each key (starting over where the stored counter expired); the counters after it. */
  hit(hits: ThrottleHit[], now: Date): Promise<Map<string, HitCounter>>;
  clear(keys: string[]): Promise<void>;
  /** Takes one counted failure back (an attempt counted before its password check that proved right). */
  uncount(keys: string[]): Promise<void>;
  /** `clear` and `uncount` together, in one statement. */
  settle(clear: string[], uncount: string[]): Promise<void>;
  /** Deletes at most `limit` expired counters; the number deleted. */
  purgeExpired(now: Date, limit: number): Promise<number>;
}

export interface KnownDevice {
  /** SHA-256 of the device cookie. */
  id: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

export interface KnownDeviceRepository {
  get(id: string): Promise<KnownDevice | null>;
  insert(device: KnownDevice): Promise<void>;
  touch(id: string, at: Date, expiresAt: Date): Promise<void>;
  /** Forgets all but the user's `keep` most recently used devices. */
  trim(userId: string, keep: number): Promise<void>;
  purgeExpired(now: Date, limit: number): Promise<number>;
}
