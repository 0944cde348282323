import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messages } from '@electric-sql/pglite';
import { WorkerPGlite } from '../../src/db/pglite-worker';
import { pgliteTemplate } from '../support/engines';

/**
 * The embedded database runs in a worker thread (src/db/pglite-worker.ts) and pipelines the extended-query
 * protocol. These cases pin what callers rely on: real DatabaseErrors with SQLSTATE codes wherever in the pipeline
 * PostgreSQL fails, a connection that stays usable after an error, transactions, a free event loop while
 * PostgreSQL works, and clean failures on open and after close.
 */
describe('embedded database in a worker thread', () => {
  let db: WorkerPGlite;
  beforeAll(async () => {
    db = await WorkerPGlite.open({ template: await pgliteTemplate() });
    await db.exec(
      "CREATE TABLE w_items (id uuid PRIMARY KEY, n int NOT NULL UNIQUE, tags text[] NOT NULL DEFAULT '{}', meta jsonb, at timestamptz)",
    );
  });
  afterAll(async () => {
    await db.close();
  });

  it('runs parameterised queries with typed parameters and results', async () => {
    const id = '6f1c1c2e-2d6b-4a53-9a55-3b8a1c1d2e3f';
    await db.query('INSERT INTO w_items (id, n, tags, meta, at) VALUES ($1, $2, $3, $4, $5)', [
      id,
      1,
      ['a', 'b'],
      { k: 'v' },
      new Date('2026-01-02T03:04:05Z'),
    ]);
    const r = await db.query<{ id: string; n: number; tags: string[]; meta: { k: string }; at: Date }>(
      'SELECT * FROM w_items WHERE id = $1',
      [id],
    );
    expect(r.rows).toEqual([{ id, n: 1, tags: ['a', 'b'], meta: { k: 'v' }, at: new Date('2026-01-02T03:04:05Z') }]);
    expect(r.fields.map((f) => f.name)).toEqual(['id', 'n', 'tags', 'meta', 'at']);
  });

  it('throws DatabaseError with the SQLSTATE from each step of the pipeline, and stays usable', async () => {
    const fail = async (p: Promise<unknown>, query?: string, params?: unknown[]) => {
      const e = await p.then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(messages.DatabaseError);
      // As in-process PGlite: the failing statement and its parameters ride on the error, wherever it failed.
      if (query) expect(e).toMatchObject({ query, params });
      return (e as InstanceType<typeof messages.DatabaseError>).code;
    };
    // parse fails (syntax), bind fails (bad uuid text), execute fails (unique violation), simple query fails.
    expect(await fail(db.query('SELEC 1'), 'SELEC 1', [])).toBe('42601');
    expect(
      await fail(
        db.query('SELECT * FROM w_items WHERE id = $1', ['not-a-uuid']),
        'SELECT * FROM w_items WHERE id = $1',
        ['not-a-uuid'],
      ),
    ).toBe('22P02');
    expect(
      await fail(
        db.query('INSERT INTO w_items (id, n) VALUES (gen_random_uuid(), $1)', [1]),
        'INSERT INTO w_items (id, n) VALUES (gen_random_uuid(), $1)',
        [1],
      ),
    ).toBe('23505');
    expect(await fail(db.exec('SELECT * FROM no_such_table'))).toBe('42P01');
    expect((await db.query<{ one: number }>('SELECT $1::int AS one', [1])).rows).toEqual([{ one: 1 }]);
  });

  it('commits and rolls back transactions, including one failing inside the pipeline', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO w_items (id, n) VALUES (gen_random_uuid(), $1)', [10]);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO w_items (id, n) VALUES (gen_random_uuid(), $1)', [11]);
        await tx.query('INSERT INTO w_items (id, n) VALUES ($1, $2)', ['bad', 12]);
      }),
    ).rejects.toMatchObject({ code: '22P02' });
    const r = await db.query<{ n: number }>('SELECT n FROM w_items WHERE n >= 10 ORDER BY n');
    expect(r.rows).toEqual([{ n: 10 }]);
  });

  it('keeps the event loop free while PostgreSQL works', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    await db.query('SELECT pg_sleep(0.4)');
    clearInterval(timer);
    // In-process PGlite blocks the thread for the whole query: no tick at all. Here the loop keeps turning.
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(ticks).toBeGreaterThan(10);
  });

  it('passes notices on from a pipelined query', async () => {
    const notices: string[] = [];
    await db.query("DO $$ BEGIN RAISE NOTICE 'hello from plpgsql'; END $$", [], {
      onNotice: (n) => notices.push(n.message ?? ''),
    });
    await db.query('SELECT set_config($1, $2, false)', ['client_min_messages', 'notice']);
    const r = await db.query<{ v: string }>("SELECT 'x' AS v WHERE $1::int > 0", [1], {
      onNotice: (n) => notices.push(n.message ?? ''),
    });
    expect(r.rows).toEqual([{ v: 'x' }]);
    expect(notices).toContain('hello from plpgsql');
  });

  it('serialises concurrent queries from many callers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => db.query<{ v: number }>('SELECT $1::int * 2 AS v', [i])),
    );
    expect(results.map((r) => r.rows[0]!.v)).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
  });
});

describe('embedded database worker: a clean close is never a crash', () => {
  it('does not report an unexpected stop when the main thread is busy as the worker ends', async () => {
    const db = await WorkerPGlite.open({});
    const closing = db.close();
    await new Promise((r) => setImmediate(r)); // the close request is on its way
    // The close answer and the worker's exit both arrive while this thread is busy, and are handled in one turn.
    const until = Date.now() + 1500;
    while (Date.now() < until);
    await closing;
    const seen = await Promise.race([
      db.unexpectedStop.then(() => 'reported'),
      new Promise((r) => setTimeout(() => r('not reported'), 100)),
    ]);
    expect(seen).toBe('not reported');
  }, 120_000); // a fresh embedded database (no template) takes over 30 s to open on a loaded 2-core machine
});

describe('embedded database worker: opening and closing', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('says which data folder cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ismap-worker-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'PG_VERSION'), '9\n'); // a data folder of a PostgreSQL this engine cannot read
    await expect(WorkerPGlite.open({ pgDir: dir })).rejects.toThrow(
      `The embedded database could not open in ${dir}: PGlite failed to initialize`,
    );
  });

  let kept: string;
  it('persists to a data folder across close and reopen, and refuses queries once closed', async () => {
    const dir = (kept = mkdtempSync(join(tmpdir(), 'ismap-worker-')));
    dirs.push(dir);
    const first = await WorkerPGlite.open({ pgDir: dir });
    await first.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.close();
    await first.close(); // idempotent
    expect(first.closed).toBe(true);
    await expect(first.query('SELECT 1')).rejects.toThrow(/closed/);
    const second = await WorkerPGlite.open({ pgDir: dir });
    expect((await second.query<{ v: string }>('SELECT v FROM kept')).rows).toEqual([{ v: 'still here' }]);
    await second.close();
  }, 60_000);

  it('keeps committed transactions when the worker dies, fails what was in flight, and reports the stop', async () => {
    const dir = kept; // the folder of the case above (initdb once)
    const first = await WorkerPGlite.open({ pgDir: dir });
    await first.exec('CREATE TABLE crashed (v int)');
    await first.transaction(async (tx) => {
      await tx.query('INSERT INTO crashed VALUES ($1), ($2)', [1, 2]);
    });
    const inFlight = first.query('SELECT pg_sleep(5)');
    await new Promise((r) => setTimeout(r, 100));
    await first.terminate();
    await expect(inFlight).rejects.toThrow(/embedded database stopped/);
    expect(await first.unexpectedStop).toBeInstanceOf(Error);
    await expect(first.query('SELECT 1')).rejects.toThrow(/embedded database stopped/);
    const second = await WorkerPGlite.open({ pgDir: dir });
    expect((await second.query<{ v: number }>('SELECT v FROM crashed ORDER BY v')).rows).toEqual([{ v: 1 }, { v: 2 }]);
    await second.close();
  }, 60_000);
});
