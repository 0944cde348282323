import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { putBlob } from '../src/app/blob/blob-io';
import type { AppDeps } from '../src/app/context';
import { verifyEvidenceStore } from '../src/app/use-cases/evidence/verify-evidence-store';
import { fsBlobStore } from '../src/infra/fs-blob-store';
import type { BenchResult } from './types';

const root = resolve(import.meta.dirname, '..');
const MiB = 1024 * 1024;
const SIZE = 200 * MiB;
const PW = 'bench-password-1234';
const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Streams a 200 MB multipart upload (1 MiB chunks, back-pressure respected); resolves with the answer. */
function uploadBig(port: number, cookie: string, csrf: string): Promise<{ status: number; body: string }> {
  const boundary = 'benchboundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n` +
      JSON.stringify({ title: { ja: 'ベンチ', en: 'Bench' }, kind: 'report' }) +
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((res, rej) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/evidence',
        method: 'POST',
        headers: {
          cookie,
          'x-csrf-token': csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + SIZE + tail.length),
        },
      },
      (r) => {
        let body = '';
        r.on('data', (d) => (body += d));
        r.on('end', () => res({ status: r.statusCode ?? 0, body }));
      },
    );
    req.on('error', rej);
    const chunk = randomBytes(MiB);
    let sent = 0;
    req.write(head);
    const pump = () => {
      while (sent < SIZE) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}

function download(port: number, cookie: string, path: string): Promise<{ status: number; bytes: number }> {
  return new Promise((res, rej) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { cookie } }, (r) => {
        let bytes = 0;
        r.on('data', (d: Buffer) => (bytes += d.length));
        r.on('end', () => res({ status: r.statusCode ?? 0, bytes }));
        r.on('error', rej);
      })
      .on('error', rej);
  });
}

async function apiBench(out: BenchResult[]) {
  const dir = mkdtempSync(join(tmpdir(), 'ismap-bench-evidence-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    process.execPath,
    [join(root, 'bin/ismap.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'],
    { env: { ...process.env, ISMAP_DATA_DIR: dir, LOG_LEVEL: 'silent', ISMAP_DEMO_PASSWORD: PW }, stdio: 'ignore' },
  );
  try {
    for (;;) {
      const ok = await new Promise<boolean>((r) =>
        http.get(`http://127.0.0.1:${port}/healthz`, (x) => r(x.statusCode === 200)).on('error', () => r(false)),
      );
      if (ok) break;
      if (child.exitCode !== null) throw new Error('server exited');
      await sleep(50);
    }
    await sleep(2000); // the deferred bundled-content check
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'csp@demo.ismap-hub.test', password: PW }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const before = rssMiB(child.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid!))), 50);
    const t0 = performance.now();
    const up = await uploadBig(port, cookie, csrfToken);
    const upS = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (up.status !== 201) throw new Error(`upload answered ${up.status}: ${up.body.slice(0, 300)}`);
    const uploadRate = SIZE / MiB / upS;
    out.push({
      name: '200 MB upload through the API (filesystem store)',
      value: uploadRate,
      unit: 'MB/s',
      target: '≥ 100',
      ok: uploadRate >= 100,
    });
    out.push({
      name: '  … server RSS growth during it',
      value: peak - before,
      unit: 'MiB',
      target: '≤ 64',
      ok: peak - before <= 64,
    });
    const id = (JSON.parse(up.body) as { id: string }).id;
    const t1 = performance.now();
    const dl = await download(port, cookie, `/api/v1/evidence/${id}/versions/1/content`);
    const dlS = (performance.now() - t1) / 1000;
    if (dl.status !== 200 || dl.bytes !== SIZE) throw new Error(`download ${dl.status}, ${dl.bytes} bytes`);
    const dlRate = SIZE / MiB / dlS;
    out.push({
      name: '200 MB download with integrity check (SHA-256 re-hash)',
      value: dlRate,
      unit: 'MB/s',
      target: '≥ 150',
      ok: dlRate >= 150,
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `evidence verify` over 10,000 small blobs on the filesystem store (the repository's answer stubbed). */
async function verifyBench(out: BenchResult[]) {
  const dir = mkdtempSync(join(tmpdir(), 'ismap-bench-verify-'));
  try {
    const blobs = fsBlobStore(join(dir, 'blobs'), join(dir, 'tmp'));
    const refs: { sha256: string; size: number; versions: { evidenceId: string; number: number }[] }[] = [];
    for (let i = 0; i < 10_000; i++) {
      const b = await putBlob(blobs, [randomBytes(2048)]);
      refs.push({ ...b, versions: [{ evidenceId: `e${i}`, number: 1 }] });
    }
    const deps = { blobs, uow: { read: { evidence: { referencedBlobs: async () => refs } } } } as unknown as Pick<
      AppDeps,
      'uow' | 'blobs'
    >;
    const t = performance.now();
    const report = await verifyEvidenceStore(deps);
    const s = (performance.now() - t) / 1000;
    if (report.ok !== 10_000) throw new Error(`verify found ${report.ok} ok`);
    out.push({ name: 'evidence verify over 10,000 blobs (2 KiB each, filesystem)', value: s, unit: 's' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  await apiBench(out);
  await verifyBench(out);
  return out;
}
