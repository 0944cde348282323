import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

/** Runs `ismap <argv>` in-process with captured output, as the CLI tests need it. */
export async function runCli(argv: string[], opts: { env?: NodeJS.ProcessEnv; cwd: string }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(argv, { stdout, stderr, env: { ...process.env, LOG_LEVEL: 'silent', ...opts.env }, cwd: opts.cwd });
  return { code, out, err };
}
