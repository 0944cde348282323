import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { openEngine } from '../../src/db/engine';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { systemActor } from '../../src/core/identity';

describe('ismap evidence add | list | verify', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-evidence-cli-'));
    const engine = await openEngine({ dataDir: join(dir, 'data') });
    await createOrganization(
      testDeps(engine),
      { actor: systemActor, requestId: null },
      {
        kind: 'csp',
        slug: 'cli-csp',
        nameJa: 'CLI社',
        nameEn: 'CLI',
      },
    );
    await engine.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (argv: string[]) => runCli(argv, { env: { ISMAP_DATA_DIR: join(dir, 'data') }, cwd: dir });

  // Each run opens the embedded database (seconds on a busy machine): a generous timeout, no timing assertion.
  it('adds files, lists them, and finds a blob altered on disk and an orphan', { timeout: 180_000 }, async () => {
    writeFileSync(join(dir, 'policy.pdf'), '%PDF-1.4 security policy');
    writeFileSync(join(dir, 'log.txt'), 'access log');
    const added = await run([
      'evidence',
      'add',
      '--org',
      'cli-csp',
      '--kind',
      'policy',
      '--title-ja',
      '基本方針',
      'policy.pdf',
      '--json',
    ]);
    expect(added.code, added.err).toBe(0);
    const { version } = JSON.parse(added.out) as { version: { sha256: string; mediaType: string } };
    expect(version.mediaType).toBe('application/pdf');
    expect(
      (await run(['evidence', 'add', '--org', 'cli-csp', '--kind', 'record_log', '--title-en', 'Log', 'log.txt'])).code,
    ).toBe(0);

    const listed = await run(['evidence', 'list', '--org', 'cli-csp', '--json']);
    expect((JSON.parse(listed.out) as { evidence: { kind: string }[] }).evidence.map((e) => e.kind).sort()).toEqual([
      'policy',
      'record_log',
    ]);

    const clean = await run(['evidence', 'verify', '--json']);
    expect(clean.code, clean.err).toBe(0);
    expect(JSON.parse(clean.out)).toMatchObject({ referenced: 2, ok: 2, missing: 0, corrupted: 0, orphaned: 0 });

    const h = version.sha256;
    const blobDir = join(dir, 'data', 'blobs', 'sha256', h.slice(0, 2), h.slice(2, 4));
    expect(readdirSync(blobDir)).toEqual([h]);
    writeFileSync(join(blobDir, h), '%PDF-1.4 security policy (edited)');
    const orphan = 'f'.repeat(64);
    const orphanDir = join(dir, 'data', 'blobs', 'sha256', 'ff', 'ff');
    rmSync(orphanDir, { recursive: true, force: true });
    mkdirSync(orphanDir, { recursive: true });
    writeFileSync(join(orphanDir, orphan), 'left by a crash');

    const bad = await run(['evidence', 'verify', '--json']);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.out) as { problems: { sha256: string; state: string }[] };
    expect(report).toMatchObject({ ok: 1, corrupted: 1, orphaned: 1, healthy: false });
    expect(report.problems.map((p) => [p.state, p.sha256])).toEqual([
      ['corrupted', h],
      ['orphaned', orphan],
    ]);
    const text = await run(['evidence', 'verify']);
    expect(text.out).toContain(`corrupted ${h}`);
  });
});
