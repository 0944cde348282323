/** A run of background work in the job queue (migration 0011). */
export interface Job {
  id: number;
  name: string;
  /** Unique: a scheduled run is `<name>@<slot start ISO>`, so servers that enqueue one slot at once create it once. */
  key: string;
  payload: Record<string, unknown>;
  status: 'queued' | 'running' | 'done' | 'failed';
  runAt: Date;
  /** Runs started so far, this one included once claimed. */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
}

export interface NewJob {
  name: string;
  key: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  maxAttempts: number;
}

export interface JobRepository {
  /** Adds a job; false when one with that key exists already (whatever its state): no duplicate runs. */
  enqueue(job: NewJob, now: Date): Promise<boolean>;
  /**
   * Takes up to `limit` due jobs of these names for `worker` until `leaseUntil` (FOR UPDATE SKIP LOCKED: two workers
   * never take one job). Due: queued with run_at ≤ now, or running with an expired lease (its worker died) and
   * attempts left.
   */
  claim(worker: string, names: readonly string[], now: Date, leaseUntil: Date, limit: number): Promise<Job[]>;
  /** Marks a claimed job done; false when this worker no longer holds it (its lease expired and another took it). */
  complete(id: number, worker: string, now: Date): Promise<boolean>;
  /** A failed run: queued again at `retryAt`, or failed for good when `retryAt` is null. */
  fail(id: number, worker: string, now: Date, error: string, retryAt: Date | null): Promise<boolean>;
  /** Running jobs whose lease expired with no attempt left are marked failed; returns how many. */
  failAbandoned(now: Date): Promise<number>;
  get(key: string): Promise<Job | null>;
  /** Deletes jobs finished before `before`; returns how many. */
  purgeFinished(before: Date): Promise<number>;
}
