import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { DemoLogin } from '../app/use-cases/platform/seed-demo';
import { HANDED_LOCK_FD } from '../db/data-dir-lock';
import { projectRoot } from './runtime';

/**
 * `ismap db init` (migrations, bundled catalogs, demo users) in a child process, on the embedded folder whose lock
 * this process holds and hands to the child as its descriptor 3 (data-dir-lock.ts `HANDED_LOCK_FD`). For a
 * server's first start (embedded-start.ts `firstStartApart`): the memory the catalog inserts grow in PGlite and
 * the demo passwords' argon2 hashing (19 MiB each) grows in the allocator goes back to the OS when it exits.
 * Answers the demo logins the child created, for the server to print.
 */
export function initInChildProcess(
  dataDir: string,
  lockFd: number,
  env: NodeJS.ProcessEnv,
): Promise<DemoLogin[] | null> {
  const { DATABASE_URL: _none, ...rest } = env;
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'ismap.js'), 'db', 'init', '--json'], {
    env: { ...rest, ISMAP_DATA_DIR: dataDir, [HANDED_LOCK_FD]: '3' },
    stdio: ['ignore', 'pipe', 'pipe', lockFd],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    if (stderr.length < 16_384) stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code !== 0)
        return reject(
          new Error(`Preparing the new data folder failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`),
        );
      try {
        resolve((JSON.parse(stdout) as { demoLogins: DemoLogin[] | null }).demoLogins);
      } catch {
        reject(new Error(`Preparing the new data folder gave no answer: ${stdout.slice(0, 200)}`));
      }
    });
  });
}
