import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLoader } from './load';
import { resolveProfile, resolveProfileFile } from './resolve';
import type { Catalog, Control, OscalDocument, Profile } from './types';

const meta = (title: string) => ({
  title,
  'last-modified': '2024-01-01T00:00:00Z',
  version: '1',
  'oscal-version': '1.1.2',
});
const catalog: Catalog = {
  uuid: '11111111-1111-4111-8111-111111111111',
  metadata: meta('cat'),
  groups: [
    {
      id: 'g',
      title: 'G',
      controls: ['a', 'b', 'c'].map((id) => ({ id, title: id, controls: [{ id: `${id}.1`, title: id }] })),
    },
  ],
};
const uuid = (n: number) => `22222222-2222-4222-8222-${String(n).padStart(12, '0')}`;
const profile = (n: number, imports: Profile['imports'], extra: Partial<Profile> = {}): { profile: Profile } => ({
  profile: { uuid: uuid(n), metadata: meta(`p${n}`), imports, ...extra },
});
const count = (cs: Control[] | undefined): number => (cs ?? []).reduce((n, c) => n + 1 + count(c.controls), 0);
const allIds = (cs: Control[] | undefined): string[] => (cs ?? []).flatMap((c) => [c.id, ...allIds(c.controls)]);

/** p0 imports p1 twice, p1 imports p2 twice, …, the last imports the catalog: 2^n paths to every control. */
function doubleImportChain(n: number, extra: Partial<Profile> = {}): Record<string, OscalDocument> {
  const docs: Record<string, OscalDocument> = { 'cat.json': { catalog } };
  for (let i = 0; i < n; i++) {
    const next = i === n - 1 ? 'cat.json' : `p${i + 1}.json`;
    docs[`p${i}.json`] = profile(
      i,
      [
        { href: next, 'include-all': {} },
        { href: next, 'include-all': {} },
      ],
      extra,
    );
  }
  return docs;
}

describe('OSCAL resolution is bounded', () => {
  it('resolves each distinct import once: 30 profiles that import the next one twice give each control once', async () => {
    const merges = [undefined, { 'as-is': true }, { flat: {} }];
    const cases = [10, 30].flatMap((n) => merges.map((merge) => ({ n, merge })));
    for (const { n, merge } of cases as { n: number; merge: Profile['merge'] }[]) {
      const docs = doubleImportChain(n, merge ? { merge } : {});
      const top = docs['p0.json'] as { profile: Profile };
      const { catalog: out, warnings } = await resolveProfile(top, { loader: memoryLoader(docs), uri: '/x/p0.json' });
      const controls = out.catalog.groups ? out.catalog.groups.flatMap((g) => g.controls ?? []) : out.catalog.controls;
      expect(count(controls)).toBe(6);
      expect(new Set(allIds(controls)).size).toBe(6);
      expect(warnings).toEqual([]);
    }
  });

  it('still keeps clashing controls from different sources under the default combine method (keep)', async () => {
    const other: Catalog = { ...catalog, uuid: '33333333-3333-4333-8333-333333333333', metadata: meta('other') };
    const docs = { 'cat.json': { catalog }, 'other.json': { catalog: other } };
    const top = profile(0, [
      { href: 'cat.json', 'include-all': {} },
      { href: 'other.json', 'include-all': {} },
    ]);
    const { catalog: out } = await resolveProfile(top, { loader: memoryLoader(docs), uri: '/x/p0.json' });
    expect(count(out.catalog.controls)).toBe(12);
  });

  it('refuses a chain of imports deeper than the limit, naming it', async () => {
    const docs: Record<string, OscalDocument> = { 'cat.json': { catalog } };
    for (let i = 0; i < 70; i++) docs[`p${i}.json`] = profile(i, [{ href: i === 69 ? 'cat.json' : `p${i + 1}.json` }]);
    const run = resolveProfile(docs['p0.json'] as { profile: Profile }, {
      loader: memoryLoader(docs),
      uri: '/x/p0.json',
    });
    await expect(run).rejects.toMatchObject({
      code: 'import_failed',
      message: expect.stringMatching(/nest deeper than 64 profiles/),
      issues: [{ code: 'import_too_deep' }],
    });
  });

  it('refuses a result with more controls than the limit', async () => {
    const big: Catalog = {
      ...catalog,
      controls: Array.from({ length: 100_001 }, (_, i) => ({ id: `x-${i}`, title: 'x' })),
      groups: [],
    };
    const run = resolveProfile(profile(0, [{ href: 'big.json', 'include-all': {} }]), {
      loader: memoryLoader({ 'big.json': { catalog: big } }),
      uri: '/x/p0.json',
    });
    await expect(run).rejects.toMatchObject({ issues: [{ code: 'too_many_controls' }] });
  });

  describe('files', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'oscal-bounds-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, doc: unknown) => writeFileSync(join(dir, name), JSON.stringify(doc));

    it('refuses a cycle through three files, naming the cycle', async () => {
      write('cat.json', { catalog });
      const fromCatalog = { href: 'cat.json', 'include-controls': [{ 'with-ids': ['a'] }] };
      write('a.json', profile(1, [{ href: 'b.json' }, fromCatalog]));
      write('b.json', profile(2, [{ href: 'c.json' }]));
      write('c.json', profile(3, [{ href: 'a.json' }]));
      await expect(resolveProfileFile(join(dir, 'a.json'))).rejects.toMatchObject({
        code: 'import_failed',
        message: 'circular import: a.json → b.json → c.json → a.json',
        issues: [{ code: 'import_cycle' }],
      });
    });

    it('refuses 100,000-deep JSON with a message, not a stack overflow', async () => {
      const depth = 100_000;
      const deep = `{"profile":{"uuid":"${uuid(1)}","imports":[],"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
      writeFileSync(join(dir, 'deep.json'), deep);
      await expect(resolveProfileFile(join(dir, 'deep.json'))).rejects.toMatchObject({
        code: 'import_failed',
        message: expect.stringMatching(/deep\.json: JSON nested deeper than 256 levels/),
      });
      writeFileSync(join(dir, 'a.json'), JSON.stringify(profile(1, [{ href: 'deep.json' }])));
      await expect(resolveProfileFile(join(dir, 'a.json'))).rejects.toMatchObject({
        code: 'import_failed',
        message: expect.stringMatching(/JSON nested deeper than 256 levels/),
      });
    });

    it('refuses a file that is not JSON with a domain error', async () => {
      writeFileSync(join(dir, 'bad.json'), '{"profile": ');
      await expect(resolveProfileFile(join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'import_failed' });
    });
  });
});
