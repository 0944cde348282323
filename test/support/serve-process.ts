import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/**
 * Starts `ismap serve` (bin/ismap.js) as its own process on a free port, with `env` over this process's environment
 * and the JSON info log, and answers once it listens. Adds the child to `children` first, so the test's cleanup stops
 * it however the start ends; rejects with its stderr when it exits before listening.
 */
export async function startServeProcess(
  env: NodeJS.ProcessEnv,
  children: Set<ChildProcess>,
): Promise<{ child: ChildProcess; port: number; stdout: () => string; stderr: () => string }> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'ismap.js'), 'serve', '--port', '0', '--host', '127.0.0.1'],
    {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      cwd: root,
    },
  );
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const port = await new Promise<number>((res, rej) => {
    const t = setInterval(() => {
      const l = out.split('\n').find((x) => x.includes('ISMAP Hub listening'));
      if (l) {
        clearInterval(t);
        res((JSON.parse(l) as { port: number }).port);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(t);
      rej(new Error(`serve exited with ${code}: ${err}`));
    });
  });
  return { child, port, stdout: () => out, stderr: () => err };
}

/** Signs in over HTTP as a served process's user; fails with the answer's body unless it is 200. */
export async function signInOverHttp(
  apiBase: string,
  email: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${apiBase}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in as ${email}: ${r.status} ${await r.text()}`);
  return {
    cookie: r.headers.get('set-cookie')!.split(';')[0]!,
    csrf: ((await r.json()) as { csrfToken: string }).csrfToken,
  };
}
