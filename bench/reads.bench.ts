import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BenchResult } from './types';
import { listenSignedIn, runLoad } from './http-load';
import { openRuntime } from '../src/cli/runtime';
import { startupTasks } from '../src/cli/startup';
import { seedDemo } from '../src/app/use-cases/platform/seed-demo';
import { findPgBin, startPgCluster } from '../test/support/pg-cluster';

/**
 * Catalog reads over HTTP against their floor: a bare node:http server serving the same bytes, measured in the same
 * run with the same load generator (16 keep-alive connections on a worker thread). And the embedded server's memory
 * after its first start (which loads the bundled catalogs) against a restart.
 */
const root = resolve(import.meta.dirname, '..');
const PW = 'bench-password-1234';
const CONNECTIONS = 16;

const round = (x: number) => Math.round(x * 10) / 10;

/** One engine: the three reads the issue names, each against its own floor. */
async function readsOn(engineName: string, databaseUrl: string | undefined): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'ismap-bench-'));
  const runtime = await openRuntime(
    { dataDir, databaseUrl, secureCookies: 'false', trustProxy: false, webDir: undefined, logLevel: 'silent' },
    { fastHashing: true },
  );
  try {
    await startupTasks(runtime);
    await seedDemo(runtime.deps, { password: PW });
    const { server, base, cookie } = await listenSignedIn(runtime.deps, 'csp@demo.ismap-hub.test', PW);
    const reads = [
      ['node page', '/api/v1/catalogs/ismap/editions/2024-07/nodes/9.2.3'],
      ['search', `/api/v1/search?q=${encodeURIComponent('account management')}`],
      ['mapping paths', `/api/v1/mappings/paths?from=${encodeURIComponent('ismap:9.2.3')}&to=nist-800-53r5`],
    ] as const;
    for (const [name, path] of reads) {
      const url = `${base}${path}`;
      const first = await fetch(url, { headers: { cookie } });
      if (first.status !== 200) throw new Error(`${name}: ${first.status} ${await first.text()}`);
      const body = await first.text();
      const bare = http.createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      });
      await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
      try {
        await runLoad(url, { cookie }, 2000, CONNECTIONS); // warm-up (JIT, and the first use of a view builds its indexes)
        const api = await runLoad(url, { cookie }, 4000, CONNECTIONS);
        const floor = await runLoad(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`, {}, 4000, CONNECTIONS);
        if (api.errors > 0) throw new Error(`${name}: ${api.errors} failed requests`);
        const share = (api.rps / floor.rps) * 100;
        const label = `${engineName}: ${name} (${body.length} B, ${CONNECTIONS} connections)`;
        out.push({ name: `${label}`, value: round(api.rps), unit: 'req/s' });
        out.push({
          name: `${engineName}: ${name} floor (bare node:http, same bytes)`,
          value: round(floor.rps),
          unit: 'req/s',
        });
        out.push({
          name: `${engineName}: ${name} share of the floor`,
          value: round(share),
          unit: '%',
          target: '≥ 30 %',
          ok: share >= 30,
        });
        out.push({
          name: `${engineName}: ${name} p99 latency under load`,
          value: round(api.p99),
          unit: 'ms',
          target: '≤ 20 ms',
          ok: api.p99 <= 20,
        });
      } finally {
        bare.close();
      }
    }
    server.close();
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

/** Resident memory of an idle `ismap serve` (VmRSS from /proc), once it has answered /healthz and settled. */
async function idleRss(dataDir: string): Promise<number> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(root, 'bin/ismap.js'), 'serve', '--port', String(port)], {
    env: { ...process.env, ISMAP_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ISMAP_DEMO_PASSWORD: PW },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await new Promise<boolean>((res) =>
        http.get(`http://127.0.0.1:${port}/healthz`, (r) => res(r.statusCode === 200)).on('error', () => res(false)),
      );
      if (ok) break;
      if (child.exitCode !== null) throw new Error('server exited');
      await new Promise((r) => setTimeout(r, 50));
    }
    // Idle long enough for V8's idle-time and memory-reducing collections to run, as a real idle server would.
    await new Promise((r) => setTimeout(r, 8000));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function memory(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ismap-bench-'));
  try {
    const first = await idleRss(dir);
    const restart = await idleRss(dir);
    return [
      {
        name: 'embedded server RSS, idle after its first start (loads the bundled catalogs)',
        value: round(first),
        unit: 'MB',
        target: '≤ 300 MB',
        ok: first <= 300,
      },
      { name: 'embedded server RSS, idle after a restart', value: round(restart), unit: 'MB' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench(): Promise<BenchResult[]> {
  const out: BenchResult[] = [...(await memory()), ...(await readsOn('embedded', undefined))];
  const bin = findPgBin();
  if (!bin) {
    console.warn('  PostgreSQL binaries not found: the PostgreSQL reads are skipped');
    return out;
  }
  const cluster = await startPgCluster(bin);
  try {
    out.push(...(await readsOn('postgres', cluster.url)));
  } finally {
    cluster.stop();
  }
  return out;
}
