import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir, type DataDirLock } from './data-dir-lock';

/**
 * Starting the embedded database, kept apart from everything else in src/db so `ismap serve` can begin opening it
 * before it loads the rest of its code: this module needs only node:worker_threads and the lock file. The worker
 * (pglite-host.mjs) spends ~0.6 s of CPU opening PostgreSQL on the second core while the main thread loads the
 * server; `WorkerPGlite.attach` (pglite-worker.ts) turns the started host into a client.
 */

/** Start-up options every embedded database gets, in addition to PGlite's defaults. */
export const PGLITE_START_PARAMS = [
  // 128 MB (PostgreSQL's default) costs ~0.2 s at every open to set up in WebAssembly memory, and buys nothing
  // here: the data lives in the OS file cache and the hot catalogs in our own in-memory cache.
  '-c',
  'shared_buffers=32MB',
];

export interface PgliteHost {
  worker: Worker;
  /** Resolves when the worker has ended, for whatever reason. */
  exited: Promise<void>;
  hasExited(): boolean;
  /** Resolves once PostgreSQL in the worker answers; rejects with the worker's reason when it cannot open. */
  ready: Promise<void>;
}

const hostUrl = new URL('./pglite-host.mjs', import.meta.url);

/** Spawns the worker that owns PGlite: on a data folder, or in memory (optionally from a dumped template tar). */
export function spawnPgliteHost(opts: { pgDir?: string | undefined; template?: ArrayBuffer | undefined }): PgliteHost {
  const worker = new Worker(hostUrl, {
    workerData: { dataDir: opts.pgDir, template: opts.template, startParams: PGLITE_START_PARAMS },
    transferList: opts.template ? [opts.template] : [],
    // The worker is plain JavaScript: it needs no loader hooks, and inheriting tsx/vitest flags only slows it.
    execArgv: [],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (m: { ready?: boolean; openError?: { message: string; stack?: string } }) => {
      cleanup();
      if (m.ready) return resolve();
      const where = opts.pgDir ? `in ${opts.pgDir}` : 'in memory';
      const err = new Error(
        `The embedded database could not open ${where}: ${m.openError?.message ?? 'no reason given'}`,
      );
      if (m.openError?.stack) err.stack = m.openError.stack;
      reject(err);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`The embedded database worker exited while opening (code ${code})`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  // Nobody may be waiting yet (serve loads its code first): a failure is reported when `ready` is awaited.
  ready.catch(() => undefined);
  // Watched from the start: an exit must not go unseen because nobody was listening yet.
  let ended = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      ended = true;
      resolve();
    }),
  );
  return { worker, ready, exited, hasExited: () => ended };
}

/** An embedded data folder, locked, with its database opening in a worker. */
export interface EmbeddedStart {
  dataDir: string;
  lock: DataDirLock;
  host: PgliteHost;
  /** The folder held no database when this start began (initdb runs first): its first start. */
  fresh: boolean;
  /** Closes the database cleanly, ends the worker and releases the lock (start-up failed before the engine took over). */
  abandon(): Promise<void>;
}

/** Locks the data folder (throws at once when another process has it) and starts opening the database. */
export function startEmbedded(dataDir: string): EmbeddedStart {
  const lock = lockDataDir(dataDir);
  const fresh = !existsSync(join(dataDir, 'pg', 'PG_VERSION'));
  try {
    return startOn(dataDir, lock, fresh);
  } catch (e) {
    lock.release();
    throw e;
  }
}

/**
 * A first start's bulk work (migrations, the bundled catalogs) in another process, before the serving worker opens:
 * inserts grow PGlite's WebAssembly memory, which never shrinks, and what a worker thread grew is not given back to
 * the OS when it ends (measured: ~60 MB kept for the server's life), so the work runs where all of it goes back at
 * exit, as initdb does (pglite-host.mjs). The worker `start` opened (after initdb) is closed first, `work` gets the
 * lock's descriptor to hand to its process (data-dir-lock.ts `HANDED_LOCK_FD`) and must wait for that process to
 * end, and a new worker then opens the folder, which stays locked throughout. On failure everything is closed and
 * the lock released.
 */
export async function firstStartApart(
  start: EmbeddedStart,
  work: (lockFd: number) => Promise<void>,
): Promise<EmbeddedStart> {
  try {
    await start.host.ready;
    start.host.worker.postMessage({ id: 0, op: 'close' });
    await start.host.exited;
    await work(start.lock.fd);
  } catch (e) {
    await start.abandon();
    throw e;
  }
  try {
    return startOn(start.dataDir, start.lock, false);
  } catch (e) {
    start.lock.release();
    throw e;
  }
}

function startOn(dataDir: string, lock: DataDirLock, fresh: boolean): EmbeddedStart {
  const host = spawnPgliteHost({ pgDir: join(dataDir, 'pg') });
  return {
    dataDir,
    lock,
    host,
    fresh,
    abandon: async () => {
      try {
        // Already over: the engine that took it closed it (or it never opened).
        if (host.hasExited()) return;
        // Never terminate PostgreSQL mid-write (a first start may be copying a new database into the folder):
        // let it finish opening, close it cleanly, then let go of the folder. A worker that does not end within
        // a minute is stopped.
        const closed = host.ready.then(() => {
          host.worker.postMessage({ id: 0, op: 'close' });
          return host.exited;
        });
        const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000).unref());
        if ((await Promise.race([closed, timeout])) === 'timeout') await host.worker.terminate();
      } catch {
        await host.worker.terminate();
      } finally {
        lock.release();
      }
    },
  };
}
