import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve, join } from 'node:path';
import pino from 'pino';
import { openEngine, type Engine } from '../../src/db/engine';
import { appDeps } from '../../src/cli/runtime';
import { createServerApp } from '../../src/server/app';
import type { ServerDeps } from '../../src/server/env';
import { systemActor } from '../../src/core/identity';
import { freePort } from './pg-cluster';
import type { Requester } from './server';

/**
 * What the two-server tests share: a server over its own pool on a shared PostgreSQL (in this process, or an
 * `ismap serve` child process of its own), and a poll with a deadline for changes that arrive by notification.
 */
export const sys = { actor: systemActor, requestId: null };

export interface InProcessServer {
  engine: Engine;
  deps: ServerDeps;
  app: ReturnType<typeof createServerApp>;
}

/**
 * A server in this process: its own pg pool, its own LISTEN connection, its own session cache and catalog snapshot.
 * A long `sessionCacheTtlMs` leaves notification as the only way a change made through another server can arrive.
 */
export async function inProcessServer(
  url: string,
  opts: { sessionCacheTtlMs?: number; trustProxy?: boolean } = {},
): Promise<InProcessServer> {
  const engine = await openEngine({ databaseUrl: url, poolSize: 4 });
  const deps: ServerDeps = {
    ...appDeps(engine, { fastHashing: true, mfaForPlatformAdmins: false, sessionCacheTtlMs: opts.sessionCacheTtlMs }),
    logger: pino({ level: 'silent' }),
    engineKind: engine.kind,
    secureCookies: 'false',
    trustProxy: opts.trustProxy ?? false,
    webDir: undefined,
    version: 'test',
  };
  return { engine, deps, app: createServerApp(deps) };
}

/**
 * Polls `read` until `done`. The deadline bounds correctness only (a change that never arrives fails the test); how
 * fast it arrives is measured, not asserted (`ms` — the bench is where speed has a target).
 */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (v: T) => boolean,
  deadlineMs = 30_000,
): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return { value, ms: Date.now() - start };
    if (Date.now() - start > deadlineMs) throw new Error(`${what}: not seen within ${deadlineMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const root = resolve(import.meta.dirname, '..', '..');

export interface ServeProcess extends Requester {
  base: string;
  pid: number;
  /** The server's JSON log lines so far (pino, LOG_LEVEL=info). */
  logs(): Record<string, unknown>[];
  stderr(): string;
  stop(): Promise<number | null>;
}

/**
 * `ismap serve` in a Node process of its own on a free loopback port. `ready` resolves once it answers /healthz;
 * the process is killed by `stop` (SIGTERM, then SIGKILL after 20 s), which callers run from afterAll.
 */
export async function spawnServe(env: NodeJS.ProcessEnv): Promise<{ server: ServeProcess; ready: Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'bin', 'ismap.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'],
    { env: { ...process.env, LOG_LEVEL: 'info', ISMAP_TRUST_PROXY: 'true', ...env }, cwd: root },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const base = `http://127.0.0.1:${port}`;
  const server: ServeProcess = {
    base,
    pid: child.pid!,
    request: (path, init) => fetch(`${base}${path}`, init),
    logs: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
      try {
        return await exited;
      } finally {
        clearTimeout(t);
      }
    },
  };
  const ready = (async () => {
    const gone = exited.then((code) => {
      throw new Error(`serve exited with ${code}: ${err}`);
    });
    gone.catch(() => undefined);
    for (;;) {
      const ok = await Promise.race([
        fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
        gone,
      ]);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  ready.catch(() => undefined);
  return { server, ready };
}
