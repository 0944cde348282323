import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

/** Bad input or a bad environment: exit 1 and one line on stderr that names the file; never a stack trace. */
function expectOneLine(r: { code: number; err: string }, ...mentions: (string | RegExp)[]) {
  expect(r.code, r.err).toBe(1);
  const lines = r.err.trimEnd().split('\n');
  expect(lines, r.err).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at |Emscripten|RangeError|SyntaxError/);
  for (const m of mentions) expect(r.err).toMatch(m);
}

function setWritable(dir: string, writable: boolean) {
  chmodSync(dir, writable ? 0o755 : 0o555);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) setWritable(p, writable);
    else chmodSync(p, writable ? 0o644 : 0o444);
  }
}

describe('CLI errors are one clear line', () => {
  let dir: string;
  const run = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(argv, { env: { ISMAP_DATA_DIR: join(dir, 'data'), ...env }, cwd: dir });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-cli-errors-'));
  });
  afterAll(() => {
    try {
      setWritable(dir, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a missing input file', async () => {
    expectOneLine(
      await run(['catalog', 'import-text', 'missing.csv', '--catalog', 'ismap', '--edition', 'x']),
      'missing.csv',
      /no such file/,
    );
    expectOneLine(await run(['oscal', 'validate', 'missing.json']), 'missing.json', /no such file/);
    expectOneLine(
      await run(['catalog', 'export', 'ismap', '--out', 'o.json', '--profile', 'liu', '--liu-ids', 'nope.json']),
      'nope.json',
      /no such file/,
    );
  }, 120_000);

  it('names a truncated JSON file and says it looks truncated', async () => {
    writeFileSync(join(dir, 'trunc.json'), '{"catalog": {');
    writeFileSync(join(dir, 'ids.json'), '["1.1.1", ');
    expectOneLine(await run(['oscal', 'validate', 'trunc.json']), 'trunc.json', /truncated/);
    expectOneLine(
      await run(['catalog', 'export', 'ismap', '--out', 'o.json', '--profile', 'liu', '--liu-ids', 'ids.json']),
      'ids.json',
      /truncated/,
    );
  });

  it('refuses 100k-deep JSON instead of overflowing the stack', async () => {
    const n = 100_000;
    const meta =
      '"metadata":{"title":"t","last-modified":"2024-01-01T00:00:00Z","version":"1","oscal-version":"1.1.2"}';
    const doc = `{"catalog":{"uuid":"74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724",${meta},"groups":${'[{"id":"g","title":"t","groups":'.repeat(n)}[]${'}]'.repeat(n)}}}`;
    writeFileSync(join(dir, 'deep.json'), doc);
    expectOneLine(await run(['oscal', 'validate', 'deep.json']), 'deep.json', /nested deeper/);
  });

  it('verifies the audit chain of a read-only data folder (through a copy, leaving it untouched)', async () => {
    const ro = join(dir, 'ro');
    expect((await run(['audit', 'verify'], { ISMAP_DATA_DIR: ro })).code).toBe(0);
    setWritable(ro, false);
    const before = statSync(join(ro, 'pg')).mtimeMs;
    const r = await run(['audit', 'verify'], { ISMAP_DATA_DIR: ro });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Audit chain intact/);
    expect(r.err).toMatch(/read-only: verifying a temporary copy/);
    expect(statSync(join(ro, 'pg')).mtimeMs).toBe(before);
    // A command that must write says the folder is read-only, in one line.
    expectOneLine(
      await run(['catalog', 'export', 'ismap', '--out', join(dir, 'o.json')], { ISMAP_DATA_DIR: ro }),
      ro,
      /read-only/,
    );
  }, 180_000);
});

/** A real full disk: a small tmpfs. Needs mount rights (root, as in CI); skipped where mounting is not allowed. */
function canMount(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'ismap-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

describe('a full disk at first start', () => {
  const mnt = canMount();
  afterAll(() => {
    if (!mnt) return;
    execFileSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  });
  (mnt ? it : it.skip)(
    'says the disk is full and where, in one line',
    async () => {
      const data = join(mnt!, 'data');
      mkdirSync(data);
      expectOneLine(await runCli(['db', 'migrate'], { env: { ISMAP_DATA_DIR: data }, cwd: mnt! }), data, /disk .*full/);
    },
    180_000,
  );
});
