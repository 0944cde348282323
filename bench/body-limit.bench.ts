import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchResult } from './types';

const root = resolve(import.meta.dirname, '..');
const MiB = 1024 * 1024;
const BODY = 300 * MiB;

const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Offers a 300 MB anonymous sign-in body; stops writing once the server answers or closes. */
function offer(port: number, chunked: boolean): Promise<{ status: number; sentMiB: number }> {
  return new Promise((res) => {
    let sent = 0;
    let status = 0;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(chunked ? {} : { 'content-length': String(BODY) }),
    };
    const req = http.request({ host: '127.0.0.1', port, path: '/api/v1/auth/login', method: 'POST', headers }, (r) => {
      status = r.statusCode ?? 0;
      r.resume();
      r.on('end', () => res({ status, sentMiB: sent / MiB }));
    });
    req.on('error', () => res({ status, sentMiB: sent / MiB }));
    const chunk = Buffer.alloc(MiB, 0x20);
    const pump = () => {
      while (status === 0 && sent < BODY && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (status === 0 && !req.destroyed) req.end();
    };
    pump();
  });
}

export async function bench(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ismap-bench-body-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    process.execPath,
    [join(root, 'bin/ismap.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...process.env, ISMAP_DATA_DIR: dir, LOG_LEVEL: 'silent', ISMAP_DEMO_PASSWORD: 'bench-password-1234' },
      stdio: 'ignore',
    },
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
    const before = rssMiB(child.pid!);
    out.push({ name: 'server RSS before, idle after start-up', value: before, unit: 'MiB' });
    for (const chunked of [true, false]) {
      const r = await offer(port, chunked);
      await sleep(1000);
      const after = rssMiB(child.pid!);
      const how = chunked ? 'chunked' : 'Content-Length';
      out.push({
        name: `300 MB anonymous sign-in body (${how}): status`,
        value: r.status,
        unit: '',
        target: '413',
        ok: r.status === 413,
      });
      out.push({ name: `  … MiB the client got to send before the answer`, value: r.sentMiB, unit: 'MiB' });
      out.push({
        name: `  … server RSS after it was refused`,
        value: after,
        unit: 'MiB',
        target: `≤ ${Math.round(before + 64)} MiB (before + 64)`,
        ok: after <= before + 64,
      });
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
