import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeEachEngine, createPgDatabase } from '../support/engines';
import { openEngine, type Engine } from '../../src/db/engine';
import { unitOfWork } from '../../src/db/unit-of-work';
import { jobRunner } from '../../src/app/jobs/job-runner';
import type { Job } from '../../src/app/ports/repositories';

let seq = 0;
const unique = (p: string) => `${p}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

describeEachEngine('job queue', (engine) => {
  let t = Date.parse('2026-12-01T18:00:30.000Z');
  const clock = { now: () => new Date(t) };
  const uow = () => unitOfWork(engine().db);

  it('enqueues a key once, whatever state its job is in', async () => {
    const key = unique('k');
    const jobs = uow().read.jobs;
    expect(await jobs.enqueue({ name: 'x', key, runAt: clock.now(), maxAttempts: 1 }, clock.now())).toBe(true);
    expect(await jobs.enqueue({ name: 'x', key, runAt: clock.now(), maxAttempts: 1 }, clock.now())).toBe(false);
    expect((await jobs.get(key))?.status).toBe('queued');
  });

  it('runs a scheduled slot once across runners, and the next slot when it comes', async () => {
    const name = unique('sched');
    const runs: string[] = [];
    const mk = (w: string) =>
      jobRunner(
        { uow: uow(), clock },
        {
          worker: w,
          handlers: { [name]: async (j) => void runs.push(j.key) },
          schedules: [{ name, everyMs: 60_000 }],
        },
      );
    const [r1, r2] = [mk('w1'), mk('w2')];
    await Promise.all([r1.tick(), r2.tick(), r1.tick(), r2.tick()]);
    expect(runs).toEqual([`${name}@2026-12-01T18:00:00.000Z`]);
    t += 60_000;
    await Promise.all([r2.tick(), r1.tick()]);
    expect(runs).toEqual([`${name}@2026-12-01T18:00:00.000Z`, `${name}@2026-12-01T18:01:00.000Z`]);
  });

  it('retries a failing job with backoff, and stops after its last attempt', async () => {
    const name = unique('flaky');
    const t0 = t;
    let calls = 0;
    const failures: (Date | null)[] = [];
    const runner = jobRunner(
      { uow: uow(), clock },
      {
        worker: 'w',
        handlers: {
          [name]: async (j: Job) => {
            calls++;
            if (j.payload.failTimes === 'always' || calls <= Number(j.payload.failTimes))
              throw new Error(`boom ${calls}`);
          },
        },
        backoff: { baseMs: 1000, maxMs: 10_000 },
        onFailure: (_j, _e, at) => failures.push(at),
      },
    );
    const key = unique('flaky-run');
    await runner.enqueue(name, key, { failTimes: 2 }, clock.now());
    expect(await runner.tick()).toBe(1);
    expect(await uow().read.jobs.get(key)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'boom 1' });
    expect(await runner.tick()).toBe(0); // not due before its backoff
    t += 1000;
    expect(await runner.tick()).toBe(1);
    t += 1999;
    expect(await runner.tick()).toBe(0);
    t += 1;
    expect(await runner.tick()).toBe(1);
    expect(await uow().read.jobs.get(key)).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    // Retried 1 s, then 2 s after each failure.
    expect(failures.map((d) => d!.getTime() - t0)).toEqual([1000, 1000 + 2000]);

    const hopeless = unique('hopeless');
    calls = 0;
    await uow().read.jobs.enqueue(
      { name, key: hopeless, payload: { failTimes: 'always' }, runAt: clock.now(), maxAttempts: 2 },
      clock.now(),
    );
    await runner.tick();
    t += 1000;
    await runner.tick();
    expect(await uow().read.jobs.get(hopeless)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'boom 2' });
    t += 3600_000;
    expect(await runner.tick()).toBe(0);
  });

  it('lets another worker take over a run whose lease expired, and not before', async () => {
    const name = unique('lease');
    const key = unique('lease-run');
    const jobs = uow().read.jobs;
    await jobs.enqueue({ name, key, runAt: clock.now(), maxAttempts: 3 }, clock.now());
    const [first] = await jobs.claim('dead', [name], clock.now(), new Date(t + 60_000), 5);
    expect(first?.key).toBe(key);
    expect(await jobs.claim('w2', [name], new Date(t + 59_000), new Date(t + 120_000), 5)).toEqual([]);
    const [again] = await jobs.claim('w2', [name], new Date(t + 60_000), new Date(t + 120_000), 5);
    expect(again).toMatchObject({ key, attempts: 2 });
    // The dead worker's late completion is refused: it no longer holds the job.
    expect(await jobs.complete(first!.id, 'dead', clock.now())).toBe(false);
    expect(await jobs.complete(again!.id, 'w2', clock.now())).toBe(true);
  });
});

const runPg = inject('pgUrl') ? describe : describe.skip;

runPg('job queue: two workers on one PostgreSQL', () => {
  let engines: Engine[] = [];
  beforeAll(async () => {
    const url = await createPgDatabase();
    engines = [
      await openEngine({ databaseUrl: url, poolSize: 4 }),
      await openEngine({ databaseUrl: url, poolSize: 4 }),
    ];
  });
  afterAll(async () => {
    for (const e of engines) await e.close();
  });

  it('never runs one job twice', async () => {
    const clock = { now: () => new Date() };
    const ran = new Map<string, string[]>();
    const handler = (w: string) => async (j: Job) => {
      ran.set(j.key, [...(ran.get(j.key) ?? []), w]);
      await new Promise((r) => setTimeout(r, 2));
    };
    const runners = engines.flatMap((e, i) =>
      [0, 1].map((k) =>
        jobRunner(
          { uow: unitOfWork(e.db), clock },
          { worker: `s${i}-w${k}`, handlers: { bulk: handler(`s${i}-w${k}`) }, batch: 3 },
        ),
      ),
    );
    const keys = Array.from({ length: 120 }, (_, i) => `bulk-${i}`);
    for (const k of keys) await runners[0]!.enqueue('bulk', k);
    // Every worker polls until the queue is empty, all at once.
    await Promise.all(
      runners.map(async (r) => {
        while ((await r.tick()) > 0);
      }),
    );
    expect([...ran.keys()].sort()).toEqual([...keys].sort());
    expect([...ran.values()].filter((ws) => ws.length !== 1)).toEqual([]);
    // More than one worker did take part (else the test would prove nothing about concurrency).
    expect(new Set([...ran.values()].flat()).size).toBeGreaterThan(1);
  });
});
