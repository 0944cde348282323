import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli, settleCliRuns } from '../support/cli';
import { signInOverHttp, startServeProcess } from '../support/serve-process';
import { openEngine } from '../../src/db/engine';
import { rowsOf } from '../../src/db/migrate';

const root = resolve(__dirname, '..', '..');
const PASSWORD = 'backup-test-password-1234';

/** Waits for `cond`, failing (not hanging) after a generous bound: no assertion on how long it takes. */
async function until(what: string, cond: () => boolean): Promise<void> {
  const end = Date.now() + 120_000;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`${what}: not within 120 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `ismap backup` while `ismap serve` runs and keeps writing, then `ismap restore` into a new folder: every write the
 * server acknowledged before the backup started is in the copy, the audit chain and its signed checkpoints verify,
 * and the evidence folder comes along.
 */
describe('ismap backup / restore', () => {
  let work: string;
  const children = new Set<ChildProcess>();
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'ismap-backup-'));
  });
  afterEach(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all(
      [...children].map((c) => (c.exitCode === null && c.signalCode === null ? once(c, 'exit') : null)),
    );
    children.clear();
    await settleCliRuns();
    rmSync(work, { recursive: true, force: true });
  });

  const serve = async (env: NodeJS.ProcessEnv) =>
    startServeProcess({ ISMAP_DEMO_PASSWORD: PASSWORD, ...env }, children);

  it('backs up a running server that keeps writing, and restores everything committed before the backup', async () => {
    const dataDir = join(work, 'data');
    const key = join(work, 'keys', 'audit.pem');
    expect((await runCli(['audit', 'keygen', '--out', key], { cwd: root })).code).toBe(0);
    const env = {
      ISMAP_DATA_DIR: dataDir,
      ISMAP_AUDIT_KEY_FILE: key,
      ISMAP_AUDIT_CHECKPOINT_FILE: join(work, 'checkpoints.jsonl'),
      ISMAP_AUDIT_CHECKPOINT_INTERVAL: '1',
      ISMAP_JOB_POLL_SECONDS: '1',
    };
    // Evidence files do not exist yet in the product; a folder of them must still come along.
    mkdirSync(join(dataDir, 'evidence', 'ab'), { recursive: true });
    writeFileSync(join(dataDir, 'evidence', 'ab', 'blob-1'), 'evidence bytes');
    const { child, port } = await serve(env);
    const base = `http://127.0.0.1:${port}/api/v1`;
    const { cookie, csrf } = await signInOverHttp(base, 'csp@demo.ismap-hub.test', PASSWORD);
    const orgs = (await (await fetch(`${base}/organizations`, { headers: { cookie } })).json()) as {
      organizations: { id: string; slug: string }[];
    };
    const orgId = orgs.organizations.find((o) => o.slug === 'demo-cloud')!.id;

    // One writer, invitation after invitation, each acknowledged only once committed.
    const acked: number[] = [];
    const errors: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop && errors.length < 5; i++) {
        const r = await fetch(`${base}/organizations/${orgId}/invitations`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ email: `w${i}@backup.test`, role: 'viewer' }),
        });
        if (r.status === 201) acked.push(i);
        else errors.push(`${r.status} ${await r.text()}`);
      }
    })();
    await until('ten acknowledged writes', () => acked.length >= 10 || errors.length > 0);
    // Wait for a signed checkpoint, so the backup carries one to verify.
    await until(
      'a signed checkpoint',
      () => existsSync(env.ISMAP_AUDIT_CHECKPOINT_FILE) && readFileSync(env.ISMAP_AUDIT_CHECKPOINT_FILE, 'utf8') !== '',
    );
    const beforeBackup = [...acked];
    const out = join(work, 'backup.tar.gz');
    const backup = await runCli(['backup', '--out', out, '--json'], { env, cwd: root });
    expect(backup.code, backup.err).toBe(0);
    expect(JSON.parse(backup.out)).toMatchObject({ via: 'server' });
    // The server kept serving: more writes are acknowledged after the backup.
    const afterBackup = acked.length;
    try {
      await until('writes after the backup', () => acked.length >= afterBackup + 5 || errors.length > 0);
    } finally {
      stop = true;
      await writer;
    }
    expect(errors).toEqual([]);
    child.kill('SIGTERM');
    expect(await once(child, 'exit')).toEqual([0, null]);

    // The server ran its scheduled clean-ups on the job queue.
    const live = await openEngine({ dataDir, migrate: false });
    const jobs = rowsOf<{ key: string; status: string }>(await live.db.execute(`SELECT key, status FROM jobs`));
    await live.close();
    expect(jobs.filter((j) => j.key.startsWith('sessions.purge_ended@')).map((j) => j.status)).toEqual(['done']);
    expect(jobs.filter((j) => j.key.startsWith('invitations.purge_expired@')).map((j) => j.status)).toEqual(['done']);

    const restoredDir = join(work, 'restored');
    const renv = { ...env, ISMAP_DATA_DIR: restoredDir, ISMAP_AUDIT_CHECKPOINT_FILE: join(work, 'restored-cp.jsonl') };
    const restore = await runCli(['restore', out, '--json'], { env: renv, cwd: root });
    expect(restore.code, restore.err).toBe(0);
    expect(JSON.parse(restore.out)).toMatchObject({ evidence: true, checkpoints: 'written' });
    expect(readFileSync(join(restoredDir, 'evidence', 'ab', 'blob-1'), 'utf8')).toBe('evidence bytes');
    const verify = await runCli(['audit', 'verify', '--json'], { env: renv, cwd: root });
    expect(verify.code, verify.out + verify.err).toBe(0);
    const report = JSON.parse(verify.out) as { ok: boolean; checkpoints: { result: string }[] };
    expect(report.checkpoints.length).toBeGreaterThan(0);
    expect(report.checkpoints.map((c) => c.result)).toEqual(report.checkpoints.map(() => 'ok'));

    const copy = await openEngine({ dataDir: restoredDir, migrate: false });
    const emails = new Set(
      rowsOf<{ email: string }>(await copy.db.execute(`SELECT email FROM invitations`)).map((r) => r.email),
    );
    await copy.close();
    expect(beforeBackup.filter((i) => !emails.has(`w${i}@backup.test`))).toEqual([]);
    // The writes acknowledged after the backup finished are not in it (it is a copy of one moment).
    expect(emails.has(`w${acked[acked.length - 1]}@backup.test`)).toBe(false);

    // Never over something: a folder with anything in it is refused, and left as it was.
    const again = await runCli(['restore', out], { env: renv, cwd: root });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/not empty/);
  }, 600_000);

  it('backs up a stopped data folder directly, and refuses what is not a backup', async () => {
    const dataDir = join(work, 'data');
    const env = { ISMAP_DATA_DIR: dataDir };
    expect(
      (await runCli(['user', 'create', '--email', 'a@example.go.jp', '--name', 'A'], { env, cwd: root })).code,
    ).toBe(0);
    const out = join(work, 'stopped.tar.gz');
    const backup = await runCli(['backup', '--out', out, '--json'], { env, cwd: root });
    expect(backup.code, backup.err).toBe(0);
    expect(JSON.parse(backup.out)).toMatchObject({ via: 'direct' });
    expect((await runCli(['backup', '--out', out], { env, cwd: root })).code).toBe(1); // never overwritten
    const renv = { ISMAP_DATA_DIR: join(work, 'restored') };
    expect((await runCli(['restore', out], { env: renv, cwd: root })).code).toBe(0);
    const verify = await runCli(['audit', 'verify'], { env: renv, cwd: root });
    expect(verify.code, verify.out).toBe(0);
    expect(verify.out).toMatch(/Audit chain intact: 1 event/);

    const junk = join(work, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    const bad = await runCli(['restore', junk], { env: { ISMAP_DATA_DIR: join(work, 'other') }, cwd: root });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not a readable ismap backup/);
    expect(existsSync(join(work, 'other', 'pg'))).toBe(false);
  }, 600_000);
});
