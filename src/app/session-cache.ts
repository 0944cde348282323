import type { SessionWithUser } from './ports/repositories';

/**
 * Recently read sessions (session + user + memberships), so an authenticated request does not pay three queries
 * before its own work. Correctness rules:
 *  - Every committed transaction in this process clears the cache (`invalidate`, called by the unit of work): a
 *    sign-out, revocation, membership or user change is visible to the very next request.
 *  - A read that started before an invalidation is not cached (generation check), so a slow read cannot put back
 *    what a concurrent commit just changed.
 *  - Entries live `ttlMs` (default 5 s): with several servers on one PostgreSQL, a change made by another server is
 *    seen within that time. The embedded database has exactly one process (the data folder is locked).
 */
export class SessionCache {
  private entries = new Map<string, { value: SessionWithUser; at: number }>();
  private gen = 0;

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get generation(): number {
    return this.gen;
  }

  get(id: string, now: number): SessionWithUser | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (now - e.at > this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return e.value;
  }

  /** Stores a value read while `generation` was current; ignored when something committed since. */
  set(id: string, value: SessionWithUser, generation: number, now: number): void {
    if (generation !== this.gen) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(id, { value, at: now });
  }

  invalidate(): void {
    this.gen++;
    this.entries.clear();
  }
}
