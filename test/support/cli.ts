import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

const running = new Set<Promise<unknown>>();

/** Runs `ismap <argv>` in-process with captured output, as the CLI tests need it. */
export async function runCli(argv: string[], opts: { env?: NodeJS.ProcessEnv; cwd: string }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const env = { ...process.env, LOG_LEVEL: 'silent', ...opts.env };
  const run = main(argv, { stdout, stderr, env, cwd: opts.cwd });
  running.add(run);
  try {
    const code = await run;
    return { code, out, err };
  } finally {
    running.delete(run);
  }
}

/**
 * Waits for every in-process run still going, e.g. after a test timed out: a run closes its database (and lets go
 * of the data folder's lock) when it ends, and the next test must not find the folder held. Call from afterEach.
 */
export async function settleCliRuns(): Promise<void> {
  await Promise.allSettled([...running]);
}
