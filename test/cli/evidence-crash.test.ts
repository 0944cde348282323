import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli, settleCliRuns } from '../support/cli';

const root = resolve(__dirname, '..', '..');
const PW = 'crash-test-password-1234';

/** Every file under a folder, recursively, with its size. */
function filesUnder(dir: string): { path: string; size: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile())
    .map((p) => ({ path: p, size: statSync(p).size }));
}

async function until<T>(what: string, fn: () => T | undefined | null | false, child: ChildProcess): Promise<T> {
  for (;;) {
    const v = fn();
    if (v) return v;
    if (child.exitCode !== null) throw new Error(`server exited before ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('an evidence upload cut off by kill -9', () => {
  let dir: string;
  const children = new Set<ChildProcess>();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-evidence-crash-'));
  });
  afterEach(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    children.clear();
    await settleCliRuns();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no evidence or version row, no blob counted as stored, and its temporary file goes at the next start', async () => {
    const env = { ...process.env, ISMAP_DATA_DIR: dir, LOG_LEVEL: 'info', ISMAP_DEMO_PASSWORD: PW };
    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'ismap.js'), 'serve', '--port', '0', '--host', '127.0.0.1'],
      {
        env,
        cwd: root,
      },
    );
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const port = await until('listening', () => /listening on http:\/\/localhost:(\d+)/.exec(out)?.[1], child);
    const base = `http://127.0.0.1:${port}/api/v1`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'csp@demo.ismap-hub.test', password: PW }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const before = await fetch(`${base}/evidence`, { headers: { cookie } });
    const countBefore = ((await before.json()) as { evidence: unknown[] }).evidence.length;

    const boundary = 'crashboundary';
    const req = request(`${base}/evidence`, {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'transfer-encoding': 'chunked',
      },
    });
    req.on('error', () => undefined);
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n` +
        JSON.stringify({ title: { ja: '途中で切れる', en: 'Cut off' }, kind: 'report' }) +
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    );
    const chunk = Buffer.alloc(256 * 1024, 7);
    for (let i = 0; i < 16; i++) req.write(chunk);
    // The body is streaming into a temporary file in the server's own folder under blobs/tmp: kill it now.
    const tmpRoot = join(dir, 'blobs', 'tmp');
    const partial = await until(
      'the upload reached the disk',
      () => filesUnder(tmpRoot).find((f) => f.path.endsWith('.part') && f.size > 0),
      child,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    req.destroy();
    expect(existsSync(partial.path)).toBe(true);
    // Only the demo's whole blobs are under their hashes.
    expect(filesUnder(join(dir, 'blobs', 'sha256'))).toHaveLength(countBefore);

    // The next process to open the data folder removes the dead server's temporary folder; nothing half-written
    // is visible: no new evidence, no orphan blob (the cut-off upload never reached sha256/).
    const verify = await runCli(['evidence', 'verify', '--json'], { env: { ISMAP_DATA_DIR: dir }, cwd: root });
    expect(verify.code, verify.err).toBe(0);
    const report = JSON.parse(verify.out) as {
      referenced: number;
      orphaned: number;
      missing: number;
      corrupted: number;
    };
    expect(report).toMatchObject({ referenced: countBefore, orphaned: 0, missing: 0, corrupted: 0 });
    expect(existsSync(partial.path)).toBe(false);
    const listed = await runCli(['evidence', 'list', '--org', 'demo-cloud', '--retired', '--json'], {
      env: { ISMAP_DATA_DIR: dir },
      cwd: root,
    });
    const titles = (JSON.parse(listed.out) as { evidence: { title: { en: string } }[] }).evidence.map(
      (e) => e.title.en,
    );
    expect(titles).toHaveLength(countBefore);
    expect(titles).not.toContain('Cut off');
  }, 240_000);
});
