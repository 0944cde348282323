/**
 * Login throttling per account and per client address: a sliding window of failed attempts.
 * Pure: the clock is passed in. Defaults: 5 failures per account in 15 minutes, 20 per address.
 * Success clears the account's counter, not the address's (one good password must not whitewash a spray).
 */
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const defaultThrottleLimits: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

export class LoginThrottle {
  private failures = new Map<string, number[]>();
  constructor(private readonly limits: ThrottleLimits = defaultThrottleLimits) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(account: string, address: string, now: number): number {
    const acc = this.recent(`a:${account.toLowerCase()}`, now);
    const adr = this.recent(`i:${address}`, now);
    let wait = 0;
    if (acc.length >= this.limits.perAccount) wait = Math.max(wait, acc[acc.length - this.limits.perAccount]! + this.limits.windowMs - now);
    if (adr.length >= this.limits.perAddress) wait = Math.max(wait, adr[adr.length - this.limits.perAddress]! + this.limits.windowMs - now);
    return wait;
  }

  /** Counts a failure; says whether it is the one that blocks the account and/or the address (once per block). */
  fail(account: string, address: string, now: number): { accountBlocked: boolean; addressBlocked: boolean } {
    const reached = (key: string, limit: number) => {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
      return list.length === limit;
    };
    return { accountBlocked: reached(`a:${account.toLowerCase()}`, this.limits.perAccount), addressBlocked: reached(`i:${address}`, this.limits.perAddress) };
  }

  succeed(account: string): void {
    this.failures.delete(`a:${account.toLowerCase()}`);
  }
}
