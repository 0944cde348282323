import { afterEach, describe, expect, it } from 'vitest';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { isAllowedPath, takeReadViolations } from './support/read-guard';

const root = resolve(__dirname, '..');
// Built from parts so that this file does not trip the static check below.
const sibling = ['..', 'sha' + 'red', 'data', 'README.md'].join('/');
// The reference data beside the repository, unless the repository itself sits in the temp folder (a fresh clone
// in /tmp): then a system file stands in for it.
const outside = isAllowedPath(resolve(root, sibling)) ? '/etc/hostname' : resolve(root, sibling);

describe('no test reads outside the repository', () => {
  afterEach(() => {
    takeReadViolations(); // the planted violations below are expected; forget them so afterEach stays green
  });

  it('fails a planted read outside the repository, whichever fs function makes it', async () => {
    expect(() => readFileSync(outside)).toThrow(/read outside the repository: fs\.readFileSync/);
    const rel = relative(process.cwd(), outside);
    expect(() => readFileSync(rel)).toThrow(/outside the repository/); // relative to the working folder
    expect(() => readdirSync('/etc')).toThrow(/fs\.readdirSync\(\/etc\)/);
    expect(() => createReadStream('/etc/hostname')).toThrow(/outside the repository/);
    await expect(readFile('/etc/hostname')).rejects.toThrow(/fs\.promises\.readFile/);
    expect(takeReadViolations()).toHaveLength(5);
  });

  it('records a violation even when the code under test swallows the error', () => {
    try {
      readFileSync('/etc/hostname');
    } catch {
      // the afterEach of test/support/read-guard-setup.ts fails the test from this record
    }
    expect(takeReadViolations()).toEqual(['fs.readFileSync(/etc/hostname)']);
  });

  it('allows the repository, node_modules and the temp folder', () => {
    expect(readFileSync(join(root, 'package.json'), 'utf8')).toMatch(/ismap-hub/);
    expect(readdirSync(join(root, 'node_modules')).length).toBeGreaterThan(0);
    expect(() => readdirSync(tmpdir())).not.toThrow();
    expect(takeReadViolations()).toEqual([]);
  });
});

/** Test sources that mention the reference-data folder beside the repository (they would fail on a clone). */
export function mentionsOfSiblingData(text: string): string[] {
  return text.split('\n').filter((line) => /(^|[^\w-])shared\//.test(line));
}

describe('no test source names the reference-data folder beside the repository', () => {
  it('finds a planted mention', () => {
    expect(mentionsOfSiblingData(`const DATA = '${sibling}';\nconst ok = 'test/fixtures';`)).toHaveLength(1);
    expect(mentionsOfSiblingData("import x from './unshared/x';")).toEqual([]);
  });

  it('holds for every test file and test helper', () => {
    const sources = [
      ...readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.test.ts') || f.endsWith('.test.tsx'))
        .map((f) => join(root, 'src', f)),
      ...readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && !f.startsWith('fixtures'))
        .map((f) => join(root, 'test', f)),
      join(root, 'vitest.config.ts'),
    ];
    expect(sources.length).toBeGreaterThan(20);
    const found = sources.flatMap((f) =>
      mentionsOfSiblingData(readFileSync(f, 'utf8')).map((l) => `${relative(root, f)}: ${l.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
