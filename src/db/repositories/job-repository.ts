import { and, eq, lt, sql } from 'drizzle-orm';
import type { Job, JobRepository } from '../../app/ports/job-repositories';
import type { Db } from '../engine';
import { rowsOf } from '../migrate';
import { jobs } from '../schema';

type Row = typeof jobs.$inferSelect;
const toJob = (r: Row): Job => ({
  id: r.id,
  name: r.name,
  key: r.key,
  payload: r.payload as Record<string, unknown>,
  status: r.status as Job['status'],
  runAt: r.runAt,
  attempts: r.attempts,
  maxAttempts: r.maxAttempts,
  lastError: r.lastError,
});
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export function jobRepository(db: Db): JobRepository {
  const held = (id: number, worker: string) =>
    and(eq(jobs.id, id), eq(jobs.lockedBy, worker), eq(jobs.status, 'running'));
  return {
    async enqueue(job, now) {
      const r = await db
        .insert(jobs)
        .values({
          name: job.name,
          key: job.key,
          payload: job.payload ?? {},
          status: 'queued',
          runAt: job.runAt,
          attempts: 0,
          maxAttempts: job.maxAttempts,
          createdAt: now,
        })
        .onConflictDoNothing({ target: jobs.key })
        .returning({ id: jobs.id });
      return r.length > 0;
    },
    async claim(worker, names, now, leaseUntil, limit) {
      if (!names.length) return [];
      // The row lock taken by the sub-select is held until the UPDATE commits; SKIP LOCKED makes a concurrent claimer
      // pass over it (and over rows the UPDATE already moved out of the due set) instead of waiting or taking it too.
      const res = await db.execute(sql`
        UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${worker}, locked_until = ${at(leaseUntil)}
        WHERE id IN (
          SELECT id FROM jobs
          WHERE name IN (${sql.join(
            names.map((n) => sql`${n}`),
            sql`, `,
          )})
            AND attempts < max_attempts
            AND ((status = 'queued' AND run_at <= ${at(now)}) OR (status = 'running' AND locked_until <= ${at(now)}))
          ORDER BY run_at, id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING id, name, key, payload, status, run_at, attempts, max_attempts, last_error`);
      return rowsOf<{
        id: number | string;
        name: string;
        key: string;
        payload: Record<string, unknown> | string;
        status: Job['status'];
        run_at: string | Date;
        attempts: number;
        max_attempts: number;
        last_error: string | null;
      }>(res)
        .map((r) => ({
          id: Number(r.id),
          name: r.name,
          key: r.key,
          payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
          status: r.status,
          runAt: new Date(r.run_at),
          attempts: r.attempts,
          maxAttempts: r.max_attempts,
          lastError: r.last_error,
        }))
        .sort((a, b) => +a.runAt - +b.runAt || a.id - b.id);
    },
    async complete(id, worker, now) {
      const r = await db
        .update(jobs)
        .set({ status: 'done', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: null })
        .where(held(id, worker))
        .returning({ id: jobs.id });
      return r.length > 0;
    },
    async fail(id, worker, now, error, retryAt) {
      const r = await db
        .update(jobs)
        .set(
          retryAt
            ? { status: 'queued', runAt: retryAt, lockedBy: null, lockedUntil: null, lastError: error }
            : { status: 'failed', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: error },
        )
        .where(held(id, worker))
        .returning({ id: jobs.id });
      return r.length > 0;
    },
    async failAbandoned(now) {
      const r = await db
        .update(jobs)
        .set({ status: 'failed', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: 'lease expired' })
        .where(and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now), sql`${jobs.attempts} >= ${jobs.maxAttempts}`))
        .returning({ id: jobs.id });
      return r.length;
    },
    async get(key) {
      const [r] = await db.select().from(jobs).where(eq(jobs.key, key));
      return r ? toJob(r) : null;
    },
    async purgeFinished(before) {
      const r = await db.delete(jobs).where(lt(jobs.finishedAt, before)).returning({ id: jobs.id });
      return r.length;
    },
  };
}
