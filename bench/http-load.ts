import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { ServerDeps } from '../src/server/env';
import { createServerApp } from '../src/server/app';

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Keep-alive load from a worker thread: `concurrency` connections for `durationMs`, with latency percentiles. */
export function runLoad(
  url: string,
  headers: Record<string, string>,
  durationMs = 4000,
  concurrency = 16,
): Promise<Load> {
  return new Promise((res, rej) => {
    const w = new Worker(join(import.meta.dirname, 'load-worker.mjs'), {
      workerData: { url, headers, durationMs, concurrency },
    });
    w.once('message', (m: { count: number; errors: number; latencies: number[] }) => {
      const sorted = m.latencies.sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
      res({ rps: m.count / (durationMs / 1000), p50: at(0.5), p99: at(0.99), errors: m.errors });
    });
    w.once('error', rej);
  });
}

/** The app on a loopback port, signed in as `email`: the base URL, the session cookie and the session answer. */
export async function listenSignedIn(deps: ServerDeps, email: string, password: string) {
  const app = createServerApp(deps);
  const server: Server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const session = (await login.json()) as { activeOrgId: string };
  return { server, base, cookie, session };
}
