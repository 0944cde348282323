import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/cli';
import { openEngine } from '../../src/db/engine';

const root = resolve(__dirname, '..', '..');

describe('ismap audit keygen / checkpoint / verify', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ismap-audit-cli-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('signs a checkpoint, then names a truncation and a deleted head row (exit 1, no stack trace)', async () => {
    const dataDir = join(work, 'data');
    const key = join(work, 'keys', 'audit.pem');
    const keygen = await runCli(['audit', 'keygen', '--out', key, '--json'], { cwd: root });
    expect(keygen.code, keygen.err).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect((await runCli(['audit', 'keygen', '--out', key], { cwd: root })).code).toBe(2); // never overwritten
    const env = {
      ISMAP_DATA_DIR: dataDir,
      ISMAP_AUDIT_KEY_FILE: key,
      ISMAP_AUDIT_CHECKPOINT_FILE: join(work, 'checkpoints.jsonl'),
    };
    const run = (argv: string[]) => runCli(argv, { env, cwd: root });

    for (const email of ['a@example.go.jp', 'b@example.go.jp', 'c@example.go.jp'])
      expect((await run(['user', 'create', '--email', email, '--name', email])).code).toBe(0);
    const cp = await run(['audit', 'checkpoint']);
    expect(cp.code, cp.err).toBe(0);
    expect(cp.out).toMatch(/Checkpoint written: seq 3/);
    const ok = await run(['audit', 'verify']);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toMatch(/Checkpoint seq 3 .*: ok/);

    const engine = await openEngine({ dataDir });
    await engine.exec(
      `DELETE FROM audit_events WHERE seq = 3; UPDATE audit_chain_head SET seq = 2, hash = (SELECT hash FROM audit_events WHERE seq = 2)`,
    );
    await engine.close();
    const cut = await run(['audit', 'verify']);
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(/Audit chain intact: 2 event/);
    expect(cut.out).toMatch(/Checkpoint seq 3 .*: TRUNCATED/);
    expect(JSON.parse((await run(['audit', 'verify', '--json'])).out)).toMatchObject({
      ok: false,
      checkpoints: [{ seq: 3, result: 'truncated' }],
    });

    const again = await openEngine({ dataDir });
    await again.exec(`DELETE FROM audit_chain_head`);
    await again.close();
    const headless = await run(['audit', 'verify']);
    expect(headless.code).toBe(1);
    expect(headless.out).toMatch(/chain-head row \(audit_chain_head\) is missing/);
    expect(headless.err).not.toMatch(/at .*\.ts:\d+/);
  }, 240_000);

  it('refuses a checkpoint key or file inside the data folder', async () => {
    const dataDir = join(work, 'data2');
    const r = await runCli(['audit', 'verify'], {
      env: {
        ISMAP_DATA_DIR: dataDir,
        ISMAP_AUDIT_KEY_FILE: join(dataDir, 'k.pem'),
        ISMAP_AUDIT_CHECKPOINT_FILE: join(dataDir, 'c.jsonl'),
      },
      cwd: root,
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ISMAP_AUDIT_KEY_FILE: must be outside ISMAP_DATA_DIR/);
    expect(r.err).toMatch(/ISMAP_AUDIT_CHECKPOINT_FILE: must be outside ISMAP_DATA_DIR/);
  });
});
