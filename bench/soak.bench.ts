import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchResult } from './types';
import { openRuntime } from '../src/cli/runtime';
import { startupTasks } from '../src/cli/startup';
import { seedDemo } from '../src/app/use-cases/platform/seed-demo';
import { verifyAuditChain } from '../src/app/use-cases/audit/verify-audit-chain';
import { findPgBin, freePort, startPgCluster } from '../test/support/pg-cluster';

/**
 * Soak: 50 concurrent clients against a real `ismap serve` process (real argon2id), each signing in and then mixing
 * catalog reads, mapping writes (add, then delete) and audit queries, with a fresh sign-in every 20 rounds, for
 * ISMAP_SOAK_SECONDS (default 60) on the embedded database and on PostgreSQL. Reported: requests, errors (target 0),
 * p50/p99 per kind, the server's RSS after warm-up and at the end (flat), and an audit chain verification at the end.
 */
const root = resolve(import.meta.dirname, '..');
const PW = 'bench-password-1234';
const CLIENTS = Number(process.env.ISMAP_SOAK_CLIENTS ?? 50);
const SECONDS = Number(process.env.ISMAP_SOAK_SECONDS ?? 60);
const round = (x: number) => Math.round(x * 10) / 10;
const kinds = ['sign-in', 'catalog read', 'mapping write', 'audit query'] as const;
type Kind = (typeof kinds)[number];

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(root, 'bin/ismap.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...process.env, LOG_LEVEL: 'silent', ISMAP_DEMO_PASSWORD: PW, ISMAP_TRUST_PROXY: 'true', ...env },
      stdio: 'ignore',
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base };
}

interface Stats {
  latencies: Record<Kind, number[]>;
  errors: string[];
}

/** Each client signs in from its own address (the server trusts the proxy header here), as 50 people would. */
async function signIn(base: string, email: string, address = '192.0.2.1') {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password: PW }),
  });
  if (r.status !== 200) throw new Error(`sign-in ${r.status} ${await r.text()}`);
  return {
    cookie: r.headers.get('set-cookie')!.split(';')[0]!,
    csrf: ((await r.json()) as { csrfToken: string }).csrfToken,
  };
}

async function client(
  i: number,
  base: string,
  orgId: string,
  targets: string[],
  until: number,
  stats: Stats,
  maxRounds = Infinity,
): Promise<void> {
  const timed = async <T>(kind: Kind, fn: () => Promise<T>): Promise<T | undefined> => {
    const t = performance.now();
    try {
      const v = await fn();
      stats.latencies[kind].push(performance.now() - t);
      return v;
    } catch (e) {
      stats.errors.push(`${kind}: ${(e as Error).message}`);
      return undefined;
    }
  };
  const ok = async (r: Response, status = 200) => {
    const text = await r.text();
    if (r.status !== status) throw new Error(`${r.status} ${text.slice(0, 200)}`);
    return text;
  };
  const address = `198.51.100.${i + 1}`;
  let me = await timed('sign-in', () => signIn(base, 'csp@demo.ismap-hub.test', address));
  const reads = [
    '/api/v1/catalogs/ismap/editions/2024-07/nodes/9.2.3',
    `/api/v1/search?q=${encodeURIComponent('access control')}`,
    `/api/v1/mappings/paths?from=${encodeURIComponent('ismap:9.2.3')}&to=nist-800-53r5`,
    '/api/v1/catalogs/nist-800-53r5/editions/5.1.1/nodes?parent=ac',
  ];
  for (let round = 0; round < maxRounds && Date.now() < until && me; round++) {
    const headers = { cookie: me.cookie };
    const writeHeaders = { ...headers, 'x-csrf-token': me.csrf, 'content-type': 'application/json' };
    await timed('catalog read', async () => ok(await fetch(`${base}${reads[round % reads.length]}`, { headers })));
    await timed('mapping write', async () => {
      const created = JSON.parse(
        await ok(
          await fetch(`${base}/api/v1/mappings`, {
            method: 'POST',
            headers: writeHeaders,
            body: JSON.stringify({
              source: 'ismap:9.2.3',
              target: targets[i % targets.length],
              relationship: 'intersects-with',
              note: `soak ${i}/${round}`,
            }),
          }),
          201,
        ),
      ) as { id: string };
      await ok(
        await fetch(`${base}/api/v1/mappings/${created.id}`, {
          method: 'DELETE',
          headers: { cookie: writeHeaders.cookie, 'x-csrf-token': writeHeaders['x-csrf-token'] },
        }),
        204,
      );
    });
    await timed('audit query', async () =>
      ok(await fetch(`${base}/api/v1/audit-events?limit=20&orgId=${orgId}`, { headers })),
    );
    if (round % 20 === 19) me = (await timed('sign-in', () => signIn(base, 'csp@demo.ismap-hub.test', address))) ?? me;
  }
}

/**
 * The audit chain is verified after the server stopped, over the same database (what `ismap audit verify` does): the
 * HTTP route is for platform administrators, who must sign in with a second factor.
 */
async function verifyChain(config: { dataDir: string; databaseUrl: string | undefined }) {
  const runtime = await openRuntime(
    { ...config, secureCookies: 'false', trustProxy: false, webDir: undefined, logLevel: 'silent' },
    {},
  );
  try {
    return await verifyAuditChain(runtime.deps);
  } finally {
    await runtime.close();
  }
}

async function soakOn(
  name: string,
  env: NodeJS.ProcessEnv,
  db: { dataDir: string; databaseUrl: string | undefined },
): Promise<BenchResult[]> {
  const { child, base } = await startServer(env);
  const out: BenchResult[] = [];
  try {
    const admin = await signIn(base, 'csp@demo.ismap-hub.test');
    const families = await Promise.all(
      ['ac', 'au', 'cm', 'ia', 'sc'].map(async (f) => {
        const r = await fetch(`${base}/api/v1/catalogs/nist-800-53r5/editions/5.1.1/nodes?parent=${f}`, {
          headers: { cookie: admin.cookie },
        });
        if (r.status !== 200) throw new Error(`nodes of ${f}: ${r.status} ${await r.text()}`);
        return ((await r.json()) as { nodes: { node: { id: string } }[] }).nodes.map(
          (n) => `nist-800-53r5:${n.node.id}`,
        );
      }),
    );
    const targets = families.flat();
    const orgs = (await (
      await fetch(`${base}/api/v1/organizations`, { headers: { cookie: admin.cookie } })
    ).json()) as {
      organizations: { id: string; slug: string }[];
    };
    const orgId = orgs.organizations.find((o) => o.slug === 'demo-cloud')!.id;
    if (targets.length < CLIENTS) throw new Error(`only ${targets.length} mapping targets for ${CLIENTS} clients`);
    const stats: Stats = {
      latencies: { 'sign-in': [], 'catalog read': [], 'mapping write': [], 'audit query': [] },
      errors: [],
    };
    // Warm-up: every client signs in and runs each kind of request twice (JIT, first sessions, snapshot views).
    const warm: Stats = {
      latencies: { 'sign-in': [], 'catalog read': [], 'mapping write': [], 'audit query': [] },
      errors: [],
    };
    await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => client(i, base, orgId, targets, Date.now() + 120_000, warm, 2)),
    );
    if (warm.errors.length) throw new Error(`warm-up: ${warm.errors[0]}`);
    const rssStart = rssMb(child.pid!);
    const started = Date.now();
    let rssMax = rssStart;
    let rssMid = NaN;
    const sampler = setInterval(() => {
      const now = rssMb(child.pid!);
      rssMax = Math.max(rssMax, now);
      if (Number.isNaN(rssMid) && Date.now() >= started + (SECONDS * 1000) / 2) rssMid = now;
    }, 1000);
    await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => client(i, base, orgId, targets, started + SECONDS * 1000, stats)),
    );
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const rssEnd = rssMb(child.pid!);
    const total = kinds.reduce((n, k) => n + stats.latencies[k].length, 0) + stats.errors.length;
    out.push(
      { name: `${name}: requests (${CLIENTS} clients, ${Math.round(seconds)} s)`, value: total, unit: 'req' },
      { name: `${name}: throughput`, value: round(total / seconds), unit: 'req/s' },
      { name: `${name}: errors`, value: stats.errors.length, unit: '', target: '0', ok: stats.errors.length === 0 },
    );
    for (const k of kinds) {
      const first = stats.errors.find((e) => e.startsWith(`${k}:`));
      if (first) console.warn(`  ${stats.errors.filter((e) => e.startsWith(`${k}:`)).length} × ${first}`);
    }
    for (const k of kinds) {
      const s = stats.latencies[k].sort((a, b) => a - b);
      const at = (p: number) => s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
      out.push({ name: `${name}: ${k} p50 (${s.length} done)`, value: round(at(0.5)), unit: 'ms' });
      out.push({ name: `${name}: ${k} p99`, value: round(at(0.99)), unit: 'ms' });
    }
    // Flat: the second half of the run adds (next to) nothing; the first half may still grow caches and heap.
    const growth = ((rssEnd - rssMid) / rssMid) * 100;
    out.push(
      { name: `${name}: server RSS after warm-up`, value: round(rssStart), unit: 'MB' },
      { name: `${name}: server RSS half-way`, value: round(rssMid), unit: 'MB' },
      { name: `${name}: server RSS at the end (max ${round(rssMax)} MB)`, value: round(rssEnd), unit: 'MB' },
      {
        name: `${name}: RSS growth over the second half`,
        value: round(growth),
        unit: '%',
        target: '≤ 10 %',
        ok: growth <= 10,
      },
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  const verify = await verifyChain(db);
  out.push({
    name: `${name}: audit chain verified at the end (${verify.checked} events)`,
    value: verify.ok ? 1 : 0,
    unit: 'ok',
    target: '1',
    ok: verify.ok,
  });
  return out;
}

export async function bench(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ismap-soak-'));
  const out: BenchResult[] = [];
  try {
    out.push(...(await soakOn('soak embedded', { ISMAP_DATA_DIR: dataDir }, { dataDir, databaseUrl: undefined })));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const bin = findPgBin();
  if (!bin) {
    console.warn('  PostgreSQL binaries not found: the PostgreSQL soak is skipped');
    return out;
  }
  const cluster = await startPgCluster(bin);
  try {
    // PostgreSQL gets no demo data from `serve`: the same users and catalogs are written first.
    const runtime = await openRuntime(
      {
        dataDir,
        databaseUrl: cluster.url,
        secureCookies: 'false',
        trustProxy: false,
        webDir: undefined,
        logLevel: 'silent',
      },
      {},
    );
    try {
      await startupTasks(runtime);
      await seedDemo(runtime.deps, { password: PW });
    } finally {
      await runtime.close();
    }
    out.push(...(await soakOn('soak postgres', { DATABASE_URL: cluster.url }, { dataDir, databaseUrl: cluster.url })));
  } finally {
    cluster.stop();
  }
  return out;
}
