/**
 * Bounds how many audit events anonymous failures can add: at most one per key (an address) per interval, and at
 * most `budget` in all per interval (many addresses at once). In-process: with several servers each has its own,
 * which multiplies the bound by the number of servers and keeps it a bound.
 */
export class FailureLogGate {
  private last = new Map<string, number>();
  private windowStart = 0;
  private used = 0;

  constructor(
    private readonly intervalMs = 60_000,
    private readonly budget = 100,
    private readonly maxKeys = 10_000,
  ) {}

  /** True when a failure with this key at `now` should be logged (and counts it). */
  admit(key: string, now: number): boolean {
    if (now - this.windowStart >= this.intervalMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const prev = this.last.get(key);
    if (prev !== undefined && now - prev < this.intervalMs) return false;
    if (this.used >= this.budget) return false;
    if (this.last.size >= this.maxKeys) this.last.clear();
    this.last.set(key, now);
    this.used++;
    return true;
  }
}
