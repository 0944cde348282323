import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { startEmbedded, type EmbeddedStart } from './embedded-start';
import { migrate } from './migrate';
import { WorkerPGlite } from './pglite-worker';
import {
  CONTENT_REVISION_CHANNEL,
  IDENTITY_CHANNEL,
  revisionOf,
  type IdentityHandlers,
  type RevisionHandlers,
} from './content-revision-listener';
import { listenForNotifications } from './notification-listener';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database: embedded PGlite in a locked data folder, or PostgreSQL through a pg pool. */
export interface Engine {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs SQL text with several statements (migrations). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Runs `fn` while holding a cluster-wide advisory lock (PostgreSQL: a session lock on a connection of its own, so
   * servers sharing one database take turns; PGlite: one process owns the folder, so an in-process queue).
   */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** The driver's own client (PGlite instance or pg Pool), for tooling that needs it. */
  raw?: unknown;
  /**
   * Embedded only: a consistent copy of the data folder (a tar) while the database stays open. No transaction is
   * open while it is taken (it waits for the one running, and holds the next back), and a CHECKPOINT just before
   * keeps its recovery at the next open short; it holds exactly what was committed before it was taken.
   */
  backup?: () => Promise<Blob>;
  /** Embedded only: resolves if the database stops without close() (its worker crashed). */
  unexpectedStop?: Promise<Error>;
  /**
   * PostgreSQL only: calls back on every content revision committed by any process on the database (LISTEN/NOTIFY;
   * see content-revision-listener.ts), until the engine closes. The embedded database has one process, so it has
   * nothing to learn from others.
   */
  watchContentRevision?: (handlers: RevisionHandlers) => void;
  /**
   * PostgreSQL only: calls back when any process changed sessions, users, memberships or organizations (migration
   * 0011), so in-process session caches of every server drop what they hold.
   */
  watchIdentity?: (handlers: IdentityHandlers) => void;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded engine is used. */
  databaseUrl?: string | undefined;
  /** Embedded data folder; undefined with no databaseUrl means in-memory (tests). */
  dataDir?: string | undefined;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  poolSize?: number;
  /** In-memory PGlite started from a dumped data folder instead of running initdb (tests: ~0.7 s instead of ~7 s). */
  pgliteTemplate?: Blob | undefined;
  /** An embedded database already locked and opening (`startEmbedded`, used by `ismap serve`); wins over dataDir. */
  embedded?: EmbeddedStart | undefined;
}

/** Dumps an in-memory PGlite database (tar) so tests can start copies of it quickly. */
export async function dumpPglite(engine: Engine): Promise<Blob> {
  if (!engine.raw || engine.kind !== 'pglite') throw new Error('dumpPglite needs a PGlite engine');
  return (engine.raw as WorkerPGlite).dumpDataDir();
}

export async function openEngine(opts: OpenOptions): Promise<Engine> {
  const engine = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl, opts.poolSize ?? 10)
    : await openPglite(opts.dataDir, opts.pgliteTemplate, opts.embedded);
  if (opts.migrate !== false) {
    try {
      await migrate(engine);
    } catch (e) {
      await engine.close();
      throw e;
    }
  }
  return engine;
}

async function openPglite(
  dataDir: string | undefined,
  template: Blob | undefined,
  embedded: EmbeddedStart | undefined,
): Promise<Engine> {
  const started = embedded ?? (dataDir ? startEmbedded(dataDir) : undefined);
  const lock = started?.lock;
  let client: WorkerPGlite;
  try {
    client = started ? await WorkerPGlite.attach(started.host) : await WorkerPGlite.open({ template });
  } catch (e) {
    lock?.release();
    throw e;
  }
  // drizzle's PGlite driver needs only PGlite's query/exec/transaction, which WorkerPGlite inherits from PGlite.
  const db = drizzlePglite(client as unknown as PGlite, { schema }) as unknown as Db;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    exclusive: <T>(_key: number, fn: () => Promise<T>): Promise<T> => {
      const run = queue.then(fn, fn);
      queue = run.catch(() => undefined);
      return run;
    },
    unexpectedStop: client.unexpectedStop,
    backup: async () => {
      // The checkpoint keeps what the copy must replay at its first open short; the transaction lock (which exec
      // takes itself, so not around it) is what makes the copy consistent.
      await client.exec('CHECKPOINT');
      return client._runExclusiveTransaction(() => client.dumpDataDir());
    },
    db,
    raw: client,
    exec: async (s) => {
      try {
        await client.exec(s);
      } catch (e) {
        // A failed multi-statement script leaves its transaction aborted; end it so the connection stays usable.
        await client.exec('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Engine> {
  // pg and its drizzle driver load only with DATABASE_URL, so the embedded mode does not pay for them at start.
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max });
  // pg returns bigint (int8) as strings to keep precision; our int8 columns are sequence numbers well inside
  // Number's safe range, and counts are cast to int in SQL, so parse them as numbers like PGlite does.
  pg.types.setTypeParser(20, (v) => Number(v));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  let closed = false;
  // One LISTEN connection per engine for every channel, opened when the first watcher registers.
  const revisionWatchers: RevisionHandlers[] = [];
  const identityWatchers: IdentityHandlers[] = [];
  let listener: { close(): Promise<void> } | undefined;
  let listening = false;
  const listen = () => {
    if (listener || closed) return;
    listener = listenForNotifications(pg.Client, url, [CONTENT_REVISION_CHANNEL, IDENTITY_CHANNEL], {
      notify: (channel, payload) => {
        if (channel === IDENTITY_CHANNEL) for (const w of identityWatchers) w.changed();
        const r = channel === CONTENT_REVISION_CHANNEL ? revisionOf(payload) : null;
        if (r) for (const w of revisionWatchers) w.revision(r);
      },
      lost: () => {
        listening = false;
        for (const w of revisionWatchers) w.lost();
        for (const w of identityWatchers) {
          w.live(false);
          w.changed();
        }
      },
      listening: () => {
        listening = true;
        for (const w of identityWatchers) w.live(true);
      },
    });
  };
  return {
    kind: 'postgres',
    exclusive: async (key, fn) => {
      const c = await pool.connect();
      let broken: Error | undefined;
      try {
        await c.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await c.query('SELECT pg_advisory_unlock($1)', [key]).catch((e: Error) => (broken = e));
        }
      } finally {
        // A connection whose unlock failed may still hold the lock: drop it rather than hand it to someone else.
        c.release(broken);
      }
    },
    db,
    raw: pool,
    watchContentRevision: (handlers) => {
      revisionWatchers.push(handlers);
      listen();
    },
    watchIdentity: (handlers) => {
      // Not live until the connection listens: until then the cache must read through.
      handlers.live(listening);
      identityWatchers.push(handlers);
      listen();
    },
    exec: async (s) => {
      const c = await pool.connect();
      try {
        await c.query(s);
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await listener?.close();
      await pool.end();
    },
  };
}
