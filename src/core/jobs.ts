/**
 * Rules of the job queue, pure: when a recurring job's runs fall, what a run's unique key is, and how long a failed
 * run waits before its next attempt.
 */

/** A job that runs every `everyMs`, in slots aligned to the epoch (so every server computes the same slots). */
export interface Schedule {
  name: string;
  everyMs: number;
  maxAttempts?: number;
}

/** The start of the slot `now` falls in. Example: every hour at 18:42 → 18:00. */
export function slotStart(everyMs: number, nowMs: number): number {
  return Math.floor(nowMs / everyMs) * everyMs;
}

/** The unique key of a scheduled run: servers enqueuing the same slot at once create one job. */
export function scheduledRunKey(name: string, slotMs: number): string {
  return `${name}@${new Date(slotMs).toISOString()}`;
}

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: Backoff = { baseMs: 5_000, maxMs: 3600_000 };

/**
 * How long to wait after failed attempt `attempt` (1-based): base, 2×base, 4×base …, at most `maxMs`, or null when
 * no attempt is left.
 */
export function retryDelayMs(attempt: number, maxAttempts: number, b: Backoff = defaultBackoff): number | null {
  if (attempt >= maxAttempts) return null;
  return Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, attempt - 1));
}
