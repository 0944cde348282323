import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLoader, memoryLoader } from './load';
import { resolveProfile, resolveProfileFile } from './resolve';
import type { Catalog, Control, Profile } from './types';

const meta = (title: string) => ({
  title,
  'last-modified': '2024-01-01T00:00:00Z',
  version: '1',
  'oscal-version': '1.1.2',
});
const ctl = (id: string, extra: Partial<Control> = {}): Control => ({ id, title: id.toUpperCase(), ...extra });

// a1 has children a1.1 and a1.2; loose param p-loose is inserted only by b1's statement.
const catalog: Catalog = {
  uuid: '11111111-1111-4111-8111-111111111111',
  metadata: meta('ABC catalog'),
  params: [
    { id: 'p-loose', label: 'loose' },
    { id: 'p-unused', label: 'unused' },
  ],
  groups: [
    {
      id: 'a',
      title: 'Group A',
      controls: [
        ctl('a1', {
          params: [{ id: 'a1_prm', label: 'who', values: ['x'] }],
          props: [{ name: 'label', value: 'A-1' }],
          parts: [
            {
              id: 'a1_smt',
              name: 'statement',
              prose: 'Do {{ insert: param, a1_prm }}.',
              parts: [{ id: 'a1_smt.a', name: 'item' }],
            },
            {
              id: 'a1_gdn',
              name: 'guidance',
              class: 'extra',
              prose: 'see [doc](#22222222-2222-4222-8222-222222222222)',
            },
          ],
          controls: [ctl('a1.1'), ctl('a1.2', { controls: [ctl('a1.2.1')] })],
        }),
        ctl('a2'),
      ],
    },
    {
      id: 'b',
      title: 'Group B',
      controls: [
        ctl('b1', { parts: [{ id: 'b1_smt', name: 'statement', prose: 'Use {{ insert: param, p-loose }}' }] }),
      ],
    },
    { id: 'c', title: 'Group C', controls: [ctl('c1')] },
  ],
  'back-matter': {
    resources: [
      { uuid: '22222222-2222-4222-8222-222222222222', title: 'doc' },
      { uuid: '33333333-3333-4333-8333-333333333333', title: 'unreferenced' },
      { uuid: '44444444-4444-4444-8444-444444444444', title: 'kept', props: [{ name: 'keep', value: 'always' }] },
    ],
  },
};

const profile = (p: Partial<Profile>): { profile: Profile } => ({
  profile: {
    uuid: '55555555-5555-4555-8555-555555555555',
    metadata: meta('P'),
    imports: [{ href: 'abc_catalog.json' }],
    ...p,
  },
});
const run = (p: Partial<Profile>, docs: Record<string, unknown> = {}) =>
  resolveProfile(profile(p), {
    loader: memoryLoader({ 'abc_catalog.json': { catalog }, ...docs } as never),
    uri: '/x/p.json',
  });

const ids = (cs: Control[] | undefined): unknown[] =>
  (cs ?? []).map((c) => (c.controls ? [c.id, ids(c.controls)] : c.id));

describe('selection', () => {
  it('with no include directive includes all, unstructured (no groups), children inside selected parents', async () => {
    const { catalog: out } = await run({});
    expect(out.catalog.groups).toBeUndefined();
    expect(ids(out.catalog.controls)).toEqual([['a1', ['a1.1', ['a1.2', ['a1.2.1']]]], 'a2', 'b1', 'c1']);
  });

  it('selects by id without children by default, with children on request, by glob, and exclusion wins', async () => {
    const { catalog: out } = await run({
      imports: [
        {
          href: 'abc_catalog.json',
          'include-controls': [
            { 'with-ids': ['a1'], 'with-child-controls': 'yes' },
            { matching: [{ pattern: 'b?' }, { pattern: 'c*' }] },
          ],
          'exclude-controls': [{ 'with-ids': ['a1.2.1', 'c1'] }],
        },
      ],
      merge: { flat: {} },
    });
    expect(ids(out.catalog.controls)).toEqual(['a1', 'a1.1', 'a1.2', 'b1']);
  });

  it('warns about ids the catalog does not have', async () => {
    const { warnings } = await run({
      imports: [{ href: 'abc_catalog.json', 'include-controls': [{ 'with-ids': ['zz-9'] }] }],
    });
    expect(warnings).toEqual([
      { path: '$.profile.imports[0].include-controls[0].with-ids', message: expect.stringContaining('zz-9') },
    ]);
  });
});

describe('merge', () => {
  it('as-is keeps groups and implicitly includes the (whole) parent of a selected child', async () => {
    const { catalog: out } = await run({
      imports: [{ href: 'abc_catalog.json', 'include-controls': [{ 'with-ids': ['a1.2.1', 'b1'] }] }],
      merge: { 'as-is': true },
    });
    expect(out.catalog.groups?.map((g) => [g.id, ids(g.controls)])).toEqual([
      ['a', [['a1', [['a1.2', ['a1.2.1']]]]]],
      ['b', ['b1']],
    ]);
    expect(out.catalog.groups?.[0]?.controls?.[0]?.parts).toHaveLength(2);
    // p-loose is inserted by b1; p-unused by nothing.
    expect(out.catalog.params?.map((p) => p.id)).toEqual(['p-loose']);
  });

  it('as-is over two imports merges groups by id; keep leaves clashes, use-first and merge fold them', async () => {
    // Clashes come from different sources (here a copy of the catalog under another name).
    const copy = { 'abc_copy.json': { catalog } };
    const imports = [
      { href: 'abc_catalog.json', 'include-controls': [{ 'with-ids': ['a1', 'b1'] }] },
      { href: 'abc_copy.json', 'include-controls': [{ 'with-ids': ['a1', 'a2'] }] },
    ];
    const keep = await run({ imports, merge: { 'as-is': true } }, copy);
    expect(keep.catalog.catalog.groups?.map((g) => [g.id, ids(g.controls)])).toEqual([
      ['a', ['a1', 'a1', 'a2']],
      ['b', ['b1']],
    ]);
    const first = await run({ imports, merge: { 'as-is': true, combine: { method: 'use-first' } } }, copy);
    expect(ids(first.catalog.catalog.groups?.[0]?.controls)).toEqual(['a1', 'a2']);
    const merged = await run({ imports, merge: { flat: {}, combine: { method: 'merge' } } }, copy);
    expect(ids(merged.catalog.catalog.controls)).toEqual(['a1', 'b1', 'a2']);
    expect(merged.catalog.catalog.controls?.[0]?.props).toEqual([{ name: 'label', value: 'A-1' }]);
    // Two imports of the same resource are one selection (the union), so even keep has no clash.
    const twice = imports.map((i) => ({ ...i, href: 'abc_catalog.json' }));
    const same = await run({ imports: twice, merge: { 'as-is': true } });
    expect(same.catalog.catalog.groups?.map((g) => [g.id, ids(g.controls)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });

  it('custom builds the profile’s groups from the selected controls, in the requested order', async () => {
    const { catalog: out } = await run({
      merge: {
        custom: {
          'insert-controls': [{ 'include-controls': [{ 'with-ids': ['c1'] }] }],
          groups: [
            {
              id: 'new',
              title: 'New',
              'insert-controls': [{ order: 'descending', 'include-controls': [{ matching: [{ pattern: 'a*' }] }] }],
              groups: [{ title: 'Inner', 'insert-controls': [{ 'include-controls': [{ 'with-ids': ['b1'] }] }] }],
            },
          ],
        },
      },
    });
    expect(ids(out.catalog.controls)).toEqual(['c1']);
    expect(ids(out.catalog.groups?.[0]?.controls)).toEqual(['a2', 'a1.2.1', 'a1.2', 'a1.1', 'a1']);
    expect(ids(out.catalog.groups?.[0]?.groups?.[0]?.controls)).toEqual(['b1']);
  });
});

describe('modify', () => {
  it('set-parameters replaces label and values/select, appends constraints and guidelines', async () => {
    const { catalog: out } = await run({
      modify: {
        'set-parameters': [
          {
            'param-id': 'a1_prm',
            label: 'whom',
            select: { choice: ['x', 'y'] },
            constraints: [{ description: 'at least one' }],
          },
          { 'param-id': 'a1_prm', guidelines: [{ prose: 'pick' }], props: [{ name: 'n', value: 'v' }] },
        ],
      },
    });
    expect(out.catalog.controls?.[0]?.params?.[0]).toEqual({
      id: 'a1_prm',
      label: 'whom',
      select: { choice: ['x', 'y'] },
      constraints: [{ description: 'at least one' }],
      guidelines: [{ prose: 'pick' }],
      props: [{ name: 'n', value: 'v' }],
    });
  });

  it('alters add at starting/ending of the control and before/after/inside an element by id', async () => {
    const { catalog: out, warnings } = await run({
      modify: {
        alters: [
          {
            'control-id': 'a1',
            adds: [
              { position: 'starting', props: [{ name: 'priority', value: 'P1' }] },
              { props: [{ name: 'last', value: 'z' }], title: 'Renamed' },
              { position: 'after', 'by-id': 'a1_smt', parts: [{ id: 'a1_fr', name: 'item' }] },
              { position: 'before', 'by-id': 'a1_smt.a', parts: [{ id: 'a1_smt.0', name: 'item' }] },
              { position: 'ending', 'by-id': 'a1_smt', props: [{ name: 'inside', value: 'y' }] },
              { 'by-id': 'nope', props: [{ name: 'x', value: 'x' }] },
            ],
          },
        ],
      },
    });
    const a1 = out.catalog.controls?.[0] as Control;
    expect(a1.title).toBe('Renamed');
    expect(a1.props?.map((p) => p.name)).toEqual(['priority', 'label', 'last']);
    expect(a1.parts?.map((p) => p.id)).toEqual(['a1_smt', 'a1_fr', 'a1_gdn']);
    expect(a1.parts?.[0]?.parts?.map((p) => p.id)).toEqual(['a1_smt.0', 'a1_smt.a']);
    expect(a1.parts?.[0]?.props).toEqual([{ name: 'inside', value: 'y' }]);
    expect(warnings.map((w) => w.path)).toEqual(['$.profile.modify.alters[0].adds[5]']);
    // The source catalog is never touched.
    expect(catalog.groups?.[0]?.controls?.[0]?.title).toBe('A1');
  });

  it('alters remove by name, class, id, item name and ns (all given criteria must match)', async () => {
    const remove = async (r: object) =>
      (await run({ modify: { alters: [{ 'control-id': 'a1', removes: [r] }] } })).catalog.catalog.controls?.[0];
    expect((await remove({ 'by-name': 'guidance' }))?.parts?.map((p) => p.id)).toEqual(['a1_smt']);
    expect((await remove({ 'by-class': 'extra' }))?.parts?.map((p) => p.id)).toEqual(['a1_smt']);
    expect((await remove({ 'by-id': 'a1_smt.a' }))?.parts?.[0]?.parts).toBeUndefined();
    expect((await remove({ 'by-item-name': 'prop' }))?.props).toBeUndefined();
    expect((await remove({ 'by-item-name': 'part', 'by-name': 'statement' }))?.parts?.map((p) => p.id)).toEqual([
      'a1_gdn',
    ]);
    expect((await remove({ 'by-ns': 'urn:none' }))?.parts).toHaveLength(2);
  });
});

describe('metadata and back matter', () => {
  it('copies profile metadata, marks the resolution, keeps only referenced or keep=always resources', async () => {
    const { catalog: out } = await resolveProfile(profile({}), {
      loader: memoryLoader({ 'abc_catalog.json': { catalog } }),
      uri: '/x/my_profile.json',
      now: new Date('2025-01-02T03:04:05Z'),
      uuid: '66666666-6666-4666-8666-666666666666',
    });
    expect(out.catalog.uuid).toBe('66666666-6666-4666-8666-666666666666');
    expect(out.catalog.metadata).toMatchObject({
      title: 'P',
      'last-modified': '2025-01-02T03:04:05.000Z',
      props: [{ name: 'resolution-tool', value: expect.any(String) }],
      links: [{ href: 'my_profile.json', rel: 'source-profile' }],
    });
    expect(out.catalog['back-matter']?.resources?.map((r) => r.title)).toEqual(['doc', 'kept']);
  });
});

describe('files: back-matter rlinks, profiles importing profiles, cycles, --catalog', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oscal-resolve-'));
  const write = (name: string, doc: unknown) => writeFileSync(join(dir, name), JSON.stringify(doc));
  write('abc_catalog.json', { catalog });
  const viaResource = (href: string, extra: Partial<Profile> = {}) => ({
    profile: {
      uuid: '77777777-7777-4777-8777-777777777777',
      metadata: meta('via resource'),
      imports: [
        { href: '#88888888-8888-4888-8888-888888888888', 'include-controls': [{ 'with-ids': ['a1', 'a2', 'b1'] }] },
      ],
      'back-matter': {
        resources: [
          {
            uuid: '88888888-8888-4888-8888-888888888888',
            rlinks: [
              { href: href.replace('.json', '.xml'), 'media-type': 'application/oscal.catalog+xml' },
              { href, 'media-type': 'application/oscal.catalog+json' },
            ],
          },
        ],
      },
      ...extra,
    },
  });
  write('base_profile.json', viaResource('abc_catalog.json'));
  write('top_profile.json', {
    profile: {
      uuid: '99999999-9999-4999-8999-999999999999',
      metadata: meta('top'),
      imports: [{ href: 'base_profile.json', 'include-controls': [{ 'with-ids': ['a1'] }] }],
    },
  });
  write('cycle_a_profile.json', {
    profile: {
      uuid: '99999999-9999-4999-8999-99999999999a',
      metadata: meta('a'),
      imports: [
        { href: 'cycle_b_profile.json' },
        { href: 'abc_catalog.json', 'include-controls': [{ 'with-ids': ['c1'] }] },
      ],
    },
  });
  write('cycle_b_profile.json', {
    profile: {
      uuid: '99999999-9999-4999-8999-99999999999b',
      metadata: meta('b'),
      imports: [{ href: 'cycle_a_profile.json' }],
    },
  });
  write('remote_profile.json', viaResource('https://example.org/oscal/ABC_catalog.json'));

  it('resolves a #uuid import through the JSON rlink relative to the profile file', async () => {
    const { catalog: out } = await resolveProfileFile(join(dir, 'base_profile.json'));
    expect(ids(out.catalog.controls)).toEqual(['a1', 'a2', 'b1']);
  });

  it('resolves a profile that imports a profile (which imports the catalog)', async () => {
    const { catalog: out } = await resolveProfileFile(join(dir, 'top_profile.json'));
    expect(ids(out.catalog.controls)).toEqual(['a1']);
  });

  it('refuses a circular import, naming the cycle (resolving the rest would silently drop controls)', async () => {
    await expect(resolveProfileFile(join(dir, 'cycle_a_profile.json'))).rejects.toMatchObject({
      code: 'import_failed',
      message: 'circular import: cycle_a_profile.json → cycle_b_profile.json → cycle_a_profile.json',
    });
  });

  it('uses --catalog for a remote href whose file name matches, and fails clearly without it', async () => {
    await expect(resolveProfileFile(join(dir, 'remote_profile.json'))).rejects.toMatchObject({ code: 'import_failed' });
    const other = join(dir, 'abc_catalog-min.json');
    writeFileSync(other, JSON.stringify({ catalog }));
    const { catalog: out } = await resolveProfileFile(join(dir, 'remote_profile.json'), { catalogs: [other] });
    expect(ids(out.catalog.controls)).toEqual(['a1', 'a2', 'b1']);
    const byTitle = fileLoader({ catalogs: [other] });
    await expect(byTitle.load('https://x/y/z.json', '/', { title: 'ABC Catalog' })).resolves.toMatchObject({
      uri: other,
    });
  });
});
