import { resolve } from 'node:path';
import { startEmbedded, type EmbeddedStart } from '../db/embedded-start';

/**
 * `ismap serve` on the embedded database spends most of its start-up opening PostgreSQL (~0.7 s in a worker
 * thread) and loading its own code (~0.5 s on the main thread). bin/ismap.js calls `beginEarlyStart` before it
 * loads anything else, so the two overlap from the first milliseconds; the serve command then `takeEarlyStart`s
 * the opening database. Anything unusual (help, PostgreSQL, a locked folder) just skips the early start: the
 * command then does the same work itself and reports any problem its usual way.
 */
let early: EmbeddedStart | undefined;

/** The data folder `ismap serve` will use: the same rule as `parseConfig` (ISMAP_DATA_DIR, default ./data). */
function dataDirOf(env: NodeJS.ProcessEnv, cwd: string): string {
  return resolve(cwd, env.ISMAP_DATA_DIR ?? './data');
}

export function beginEarlyStart(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): void {
  if (argv[0] !== 'serve' || argv.includes('--help') || argv.includes('-h') || env.DATABASE_URL !== undefined) return;
  try {
    early = startEmbedded(dataDirOf(env, cwd));
  } catch {
    early = undefined;
  }
}

/** The database opened early for this data folder, if any. One opened for another folder is stopped. */
export async function takeEarlyStart(dataDir: string | undefined): Promise<EmbeddedStart | undefined> {
  const e = early;
  early = undefined;
  if (!e) return undefined;
  if (dataDir !== undefined && e.dataDir === dataDir) return e;
  await e.abandon();
  return undefined;
}
