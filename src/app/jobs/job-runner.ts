import { defaultBackoff, retryDelayMs, scheduledRunKey, slotStart, type Backoff, type Schedule } from '../../core/jobs';
import type { Job, UnitOfWork } from '../ports/repositories';
import type { Clock, Ticker } from '../ports/services';

export type JobHandler = (job: Job) => Promise<void>;

export interface JobRunnerOptions {
  /** This worker's id (unique per process): it owns the leases it takes. */
  worker: string;
  handlers: Record<string, JobHandler>;
  schedules?: Schedule[];
  /** How long a claimed run may take before another worker may take it over (default 5 min). */
  leaseMs?: number;
  /** Jobs taken per poll (default 5). */
  batch?: number;
  backoff?: Backoff;
  /** A run threw: `retryAt` is null when it will not be tried again. */
  onFailure?: (job: Job, err: unknown, retryAt: Date | null) => void;
  /** A run finished (`job.attempts` counts this one): which worker ran what is then visible in the server's log. */
  onSuccess?: (job: Job) => void;
}

export interface JobRunner {
  /** Enqueues the schedules' current slots, then runs the due jobs once; returns how many ran. */
  tick(): Promise<number>;
  /** Adds a one-off job; false when its key exists (it ran or is queued already). */
  enqueue(name: string, key: string, payload?: Record<string, unknown>, runAt?: Date): Promise<boolean>;
  /** Polls every `everyMs` (the first time `everyMs` after start) until `stop`, which waits for the run in progress. */
  start(ticker: Ticker, everyMs: number): void;
  stop(): Promise<void>;
}

/**
 * The queue's worker: every server runs one against the shared database (PostgreSQL) or its own (embedded). Jobs
 * are claimed with FOR UPDATE SKIP LOCKED (never by two workers at once), a scheduled run's key is unique per slot
 * (never enqueued twice), a failed run is retried with exponential backoff until its attempts are used up.
 * Handlers should still be idempotent: a run that outlives its lease may be taken over.
 */
export function jobRunner(deps: { uow: UnitOfWork; clock: Clock }, opts: JobRunnerOptions): JobRunner {
  const jobs = () => deps.uow.read.jobs;
  const names = Object.keys(opts.handlers);
  const schedules = opts.schedules ?? [];
  const leaseMs = opts.leaseMs ?? 300_000;
  const lastSlot = new Map<string, number>();
  let running: Promise<number> | null = null;
  let cancel: (() => void) | undefined;

  async function runOne(job: Job): Promise<void> {
    try {
      await opts.handlers[job.name]!(job);
      const completed = await jobs().complete(job.id, opts.worker, deps.clock.now());
      if (completed) opts.onSuccess?.(job);
    } catch (err) {
      const now = deps.clock.now();
      const delay = retryDelayMs(job.attempts, job.maxAttempts, opts.backoff ?? defaultBackoff);
      const retryAt = delay === null ? null : new Date(now.getTime() + delay);
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
      await jobs().fail(job.id, opts.worker, now, message, retryAt);
      opts.onFailure?.(job, err, retryAt);
    }
  }

  async function tick(): Promise<number> {
    const now = deps.clock.now();
    for (const s of schedules) {
      const slot = slotStart(s.everyMs, now.getTime());
      if (lastSlot.get(s.name) === slot) continue;
      await jobs().enqueue(
        { name: s.name, key: scheduledRunKey(s.name, slot), runAt: new Date(slot), maxAttempts: s.maxAttempts ?? 5 },
        now,
      );
      lastSlot.set(s.name, slot);
    }
    await jobs().failAbandoned(now);
    const claimed = await jobs().claim(opts.worker, names, now, new Date(now.getTime() + leaseMs), opts.batch ?? 5);
    for (const job of claimed) await runOne(job);
    return claimed.length;
  }

  return {
    tick,
    enqueue: (name, key, payload, runAt) =>
      jobs().enqueue({ name, key, payload, runAt: runAt ?? deps.clock.now(), maxAttempts: 5 }, deps.clock.now()),
    start(ticker, everyMs) {
      const poll = () => {
        if (running) return;
        running = tick()
          .catch((err: unknown) => {
            opts.onFailure?.({ name: 'poll' } as Job, err, null);
            return 0;
          })
          .finally(() => (running = null));
      };
      // The first poll comes one period after start, not during it.
      cancel = ticker.every(everyMs, poll);
    },
    async stop() {
      cancel?.();
      await running;
    },
  };
}
