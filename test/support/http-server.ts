import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { openTestEngine } from './engines';
import { serverOver, startTestServer, type TestServer } from './server';
import { seedDemo, type DemoLogin } from '../../src/app/use-cases/platform/seed-demo';
import { startupTasks } from '../../src/cli/startup';

export const DEMO_PASSWORD = 'demo-password-for-tests';

export interface RunningServer extends TestServer {
  url: string;
  logins: DemoLogin[];
  stop(): Promise<void>;
}

/**
 * A clock a test moves by hand (the server's `deps.clock`): it runs on with real time from `start`, and `advance`
 * jumps it forward — past an evidence's review date, say — without restarting the server.
 */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function testClock(start: Date | string): TestClock {
  let offset = new Date(start).getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => void (offset += ms),
  };
}

/**
 * The real HTTP server on a free loopback port, with demo data and the built web app (dist/web). With `clock`, the
 * server (and the demo data it seeds) reads the time from it instead of the system clock.
 */
export async function startHttpServer(opts: { clock?: TestClock } = {}): Promise<RunningServer> {
  const clock = opts.clock;
  const s = clock
    ? serverOver(await openTestEngine('pglite'), { now: () => clock.now() })
    : await startTestServer('pglite');
  s.deps.webDir = join(resolve(import.meta.dirname, '..', '..'), 'dist', 'web');
  await startupTasks({ engine: s.engine, deps: s.deps, close: s.close });
  const logins = (await seedDemo(s.deps, { password: DEMO_PASSWORD }))!;
  const { createServerApp } = await import('../../src/server/app');
  const app = createServerApp(s.deps);
  const server = await new Promise<ReturnType<typeof serve>>((res) => {
    const srv = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => res(srv));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    ...s,
    app,
    url: `http://127.0.0.1:${port}`,
    logins,
    async stop() {
      await new Promise<void>((r) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => r());
      });
      await s.close();
    },
  };
}
