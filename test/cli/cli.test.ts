import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli, settleCliRuns } from '../support/cli';
import { commands } from '../../src/cli/registry';
import { openEngine } from '../../src/db/engine';
import { lockDataDir } from '../../src/db/data-dir-lock';

const root = resolve(__dirname, '..', '..');

/** The data folder's lock is free: this process can take it (and gives it back). */
const expectReleased = (dataDir: string) => lockDataDir(dataDir).release();

const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => runCli(argv, { env, cwd: root });

describe('ismap CLI', () => {
  // A data folder per test, and whatever a test started is ended after it even when it failed or timed out:
  // a run or server still holding the folder's lock must not fail the next test.
  let dir: string;
  const children = new Set<ChildProcess>();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-cli-'));
  });
  afterEach(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(
      [...children].map((c) => (c.exitCode === null && c.signalCode === null ? once(c, 'exit') : null)),
    );
    children.clear();
    await settleCliRuns();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints help for every command and exits 0; the registry summary is the command's own", async () => {
    for (const c of commands) {
      expect((await c.load()).summary, c.name).toBe(c.summary);
      expect((await c.load()).name).toBe(c.name);
      const r = await run([...c.name.split(' '), '--help']);
      expect(r.code, c.name).toBe(0);
      expect(r.out).toMatch(/Usage: ismap /);
    }
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const r = await run(['audit', 'verify', '--frob']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown option/);
  });

  // A first open of an embedded folder runs initdb: seconds, and many more on a busy shared machine.
  it('creates the first administrator, verifies the audit chain, and fails after tampering', async () => {
    const env = { ISMAP_DATA_DIR: dir };
    const created = await run(
      ['user', 'create', '--email', 'root@example.go.jp', '--name', '管理者', '--admin', '--json'],
      env,
    );
    expect(created.code, created.err).toBe(0);
    const out = JSON.parse(created.out) as { user: { email: string; isPlatformAdmin: boolean }; password: string };
    expect(out.user).toMatchObject({ email: 'root@example.go.jp', isPlatformAdmin: true });
    expect(out.password.length).toBeGreaterThanOrEqual(12);
    await run(['user', 'create', '--email', 'second@example.go.jp', '--name', 'Second'], env);

    const ok = await run(['audit', 'verify'], env);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/intact: 2 event/);

    // Alter a row behind the application's back.
    const engine = await openEngine({ dataDir: dir });
    await engine.exec(`UPDATE audit_events SET action = 'user.delete' WHERE seq = 1`);
    await engine.close();
    const bad = await run(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/BROKEN at position 1 \(seq 1/);
    const json = JSON.parse((await run(['audit', 'verify', '--json'], env)).out) as {
      ok: boolean;
      broken: { position: number; reason: string };
    };
    expect(json).toMatchObject({ ok: false, broken: { position: 1, reason: 'hash_mismatch' } });
  }, 120_000); // five runs, each opening the embedded database: slow on a busy machine

  it('db init prepares a database once: migrations, bundled catalogs, demo logins; again it changes nothing', async () => {
    const env = { ISMAP_DATA_DIR: dir, ISMAP_DEMO_PASSWORD: 'cli-test-password-1234' };
    const first = await run(['db', 'init', '--json'], env);
    expect(first.code, first.err).toBe(0);
    const made = JSON.parse(first.out) as {
      catalogsWritten: number;
      demoLogins: { email: string; password: string }[];
    };
    expect(made.catalogsWritten).toBeGreaterThan(5);
    expect(made.demoLogins).toContainEqual(
      expect.objectContaining({ email: 'admin@demo.ismap-hub.test', password: 'cli-test-password-1234' }),
    );
    const again = await run(['db', 'init', '--json'], env);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out)).toEqual({ catalogsWritten: 0, demoLogins: null });
    expectReleased(dir);
  }, 120_000);

  it('reports every configuration problem at once', async () => {
    const r = await run(['db', 'migrate'], { PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/PORT/);
    expect(r.err).toMatch(/DATABASE_URL/);
    expect(r.err).toMatch(/LOG_LEVEL/);
  });

  it('refuses a second process on the same data folder with a clear message', async () => {
    const engine = await openEngine({ dataDir: dir });
    try {
      const child = spawn(process.execPath, [join(root, 'bin', 'ismap.js'), 'serve', '--port', '0'], {
        env: { ...process.env, ISMAP_DATA_DIR: dir, LOG_LEVEL: 'silent' },
        cwd: root,
      });
      children.add(child);
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      const code = await new Promise<number | null>((res) => child.on('exit', res));
      expect(code).toBe(1);
      expect(err).toMatch(/data folder .* is in use by another ISMAP Hub process \(PID \d+/);
    } finally {
      await engine.close();
    }
  }, 120_000);

  // bin/ismap.js starts opening the embedded database before it loads the serve command (src/cli/early-start.ts).
  const spawnServe = (args: string[], env: NodeJS.ProcessEnv, dataDir: string) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'ismap.js'), 'serve', ...args], {
      env: {
        ...process.env,
        ISMAP_DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        ISMAP_DEMO_PASSWORD: 'cli-test-password-1234',
        ...env,
      },
      cwd: root,
    });
    children.add(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((res) => child.on('exit', res));
    return { child, exited, out: () => out, err: () => err };
  };

  it('serve ends a database it opened early when the command then fails (usage, configuration), releasing the lock', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'ismap-cli-early-'));
    try {
      const usage = spawnServe(['--no-such-option'], {}, fresh);
      expect(await usage.exited).toBe(2);
      expect(usage.err()).toMatch(/no-such-option/);
      expectReleased(fresh);
      const config = spawnServe([], { PORT: 'not-a-port' }, fresh);
      expect(await config.exited).toBe(1);
      expect(config.err()).toMatch(/PORT/);
      expectReleased(fresh);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 120_000);

  it('serve opens the embedded database early, answers /healthz, and stops cleanly on SIGTERM', async () => {
    // An upload a killed server was receiving: removed at this start.
    const leftover = join(dir, 'uploads', 'server-killed', 'ismap-upload-1');
    mkdirSync(leftover, { recursive: true });
    writeFileSync(join(leftover, 'file'), Buffer.alloc(1 << 20));
    const s = spawnServe(['--port', '0', '--host', '127.0.0.1'], {}, dir);
    const line = await new Promise<string>((res, rej) => {
      const t = setInterval(() => {
        const l = s
          .out()
          .split('\n')
          .find((x) => x.includes('ISMAP Hub listening'));
        if (l) {
          clearInterval(t);
          res(l);
        }
      }, 50);
      void s.exited.then((code) => {
        clearInterval(t);
        rej(new Error(`serve exited with ${code}: ${s.err()}`));
      });
    });
    const log = JSON.parse(line) as { port: number; embeddedOpenedEarly: boolean };
    expect(log.embeddedOpenedEarly).toBe(true);
    const health = await fetch(`http://127.0.0.1:${log.port}/healthz`);
    expect(health.status).toBe(200);
    expect(existsSync(join(dir, 'uploads', 'server-killed'))).toBe(false);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expectReleased(dir);
  }, 180_000);

  const listening = (s: ReturnType<typeof spawnServe>) =>
    new Promise<{ port: number }>((res, rej) => {
      const t = setInterval(() => {
        const l = s
          .out()
          .split('\n')
          .find((x) => x.includes('ISMAP Hub listening'));
        if (l) {
          clearInterval(t);
          res(JSON.parse(l) as { port: number });
        }
      }, 50);
      void s.exited.then((code) => {
        clearInterval(t);
        rej(new Error(`serve exited with ${code}: ${s.err()}`));
      });
    });

  it('serve prepares a new folder in a process of its own (`db init`), prints the demo logins once, and serves', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'ismap-cli-first-'));
    try {
      const first = spawnServe(['--port', '0', '--host', '127.0.0.1'], {}, fresh);
      const { port } = await listening(first);
      expect(first.out()).toContain('ISMAP Hub demo logins');
      expect(first.out()).toContain('admin@demo.ismap-hub.test');
      // The platform administrator must enrol a second factor first; the CSP's demo login reads straight away.
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'csp@demo.ismap-hub.test', password: 'cli-test-password-1234' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const list = (await (
        await fetch(`http://127.0.0.1:${port}/api/v1/catalogs`, { headers: { cookie } })
      ).json()) as {
        editions: unknown[];
      };
      expect(list.editions.length).toBeGreaterThan(5);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expectReleased(fresh);
      const again = spawnServe(['--port', '0', '--host', '127.0.0.1'], {}, fresh);
      await listening(again);
      expect(again.out()).not.toContain('ISMAP Hub demo logins');
      expect(again.out()).toContain('Demo logins: see');
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
      expectReleased(fresh);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 240_000);

  it('serve reports a migration it cannot apply and exits 1, holding nothing (the database was opened early)', async () => {
    // Tamper with the bookkeeping of an applied migration: start-up must refuse, say why, and let go of the folder.
    const engine = await openEngine({ dataDir: dir });
    await engine.exec("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = '0001'");
    await engine.close();
    const s = spawnServe(['--port', '0'], {}, dir);
    expect(await s.exited).toBe(1);
    expect(s.err()).toMatch(/Migration 0001_identity_and_audit\.sql was changed after it was applied/);
    expectReleased(dir);
  }, 120_000);
});
