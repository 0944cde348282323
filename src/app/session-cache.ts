import type { SessionWithUser } from './ports/repositories';

/**
 * Recently read sessions (session + user + memberships), so an authenticated request does not pay three queries
 * before its own work. Correctness rules:
 *  - Every committed transaction in this process clears the cache (`invalidate`, called by the unit of work): a
 *    sign-out, revocation, membership or user change is visible to the very next request.
 *  - A read that started before an invalidation is not cached (generation check), so a slow read cannot put back
 *    what a concurrent commit just changed.
 *  - With several servers on one PostgreSQL, a commit by another server reaches `invalidate` by LISTEN/NOTIFY
 *    (migration 0011's triggers on sessions, users, memberships): milliseconds, not the TTL. While the listening
 *    connection is down (`live(false)`) nothing is cached, so every request reads the database.
 *  - Entries live at most `ttlMs` (default 5 s), a bound should a notification go missing while the connection
 *    still looks up. The embedded database has exactly one process (the data folder is locked).
 */
export class SessionCache {
  private entries = new Map<string, { value: SessionWithUser; at: number }>();
  private gen = 0;
  private isLive = true;

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
    if (generation !== this.gen || !this.isLive) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(id, { value, at: now });
  }

  /** Whether changes made elsewhere are being heard (see above); false empties the cache and stops caching. */
  live(listening: boolean): void {
    if (!listening) this.invalidate();
    this.isLive = listening;
  }

  invalidate(): void {
    this.gen++;
    this.entries.clear();
  }
}
