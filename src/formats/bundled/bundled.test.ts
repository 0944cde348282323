import { beforeAll, describe, expect, it } from 'vitest';
import { isMandatory } from '../../core/catalog/ids';
import type { CatalogEdition } from '../../core/catalog/model';
import { SearchIndex } from '../../core/catalog/search-index';
import { buildTree, descendantCounts } from '../../core/catalog/tree';
import { isDomainError } from '../../core/errors';
import { MappingGraph } from '../../core/mapping/graph';
import { ismapEditionFromSkeleton } from './ismap';
import { loadBundledContent, type BundledContent } from './load';

let content: BundledContent;
let graph: MappingGraph;
const edition = (catalog: string): CatalogEdition => content.editions.find((e) => e.catalog === catalog)!;
const count = (e: CatalogEdition, pred: (n: CatalogEdition['nodes'][number]) => boolean) => e.nodes.filter(pred).length;

beforeAll(async () => {
  content = await loadBundledContent();
  graph = MappingGraph.fromSets(content.mappingSets, content.editions);
});

describe('bundled ISMAP criteria', () => {
  it('has every id under three tier roots, with kinds and flags from the skeleton', () => {
    const ismap = edition('ismap');
    expect(ismap.edition).toBe('2024-07');
    expect(ismap.nodes).toHaveLength(1368 + 3);
    expect(ismap.nodes.slice(0, 3).map((n) => [n.id, n.kind, n.parentId])).toEqual([
      ['tier:governance', 'tier', null],
      ['tier:management', 'tier', null],
      ['tier:controls', 'tier', null],
    ]);
    expect(count(ismap, (n) => n.kind === 'objective')).toBe(121);
    expect(count(ismap, (n) => n.kind === 'detailed')).toBe(1081);
    expect(count(ismap, (n) => n.kind === 'detailed' && n.flags.includes('B'))).toBe(31);
    expect(count(ismap, (n) => n.flags.includes('P'))).toBe(2 + 7 + 94);
    expect(count(ismap, isMandatory)).toBe(18 + 64 + 121 + 31);
    const node = ismap.nodes.find((n) => n.id === '9.2.3.11.PB')!;
    expect(node).toMatchObject({
      kind: 'detailed',
      parentId: '9.2.3',
      flags: ['P', 'B'],
      depth: 4,
      props: { tier: 'controls' },
    });
    const objective = ismap.nodes.find((n) => n.id === '9.2.3')!;
    expect(objective.title.en).toBe('Management of privileged access rights');
    expect(objective.textSource.en).toContain('nist-quoted-iso27001-2013');
    const mgmt = ismap.nodes.find((n) => n.id === '4.4.1.1')!;
    expect(mgmt.props['isoClauseTags']).toEqual(['5.1b)', '5.1e)', '5.1f)']);
    const counts = descendantCounts(buildTree(ismap), (n) => n.kind === 'detailed');
    expect(counts.get('tier:controls')).toBe(1081);
    expect(counts.get('9')).toBe(135);
  });

  it('reports every invalid item with its index and builds nothing', () => {
    const bad = {
      items: [
        {
          id: '5',
          tier: 'controls',
          level: 'clause',
          parent: null,
          cloudSpecific: false,
          basicRequirement: false,
          sourceRefs: [],
        },
        {
          id: '5.1',
          tier: 'controls',
          level: 'nonsense',
          parent: '5',
          cloudSpecific: false,
          basicRequirement: false,
          sourceRefs: [],
        },
        {
          id: '5.1.1.1.B',
          tier: 'controls',
          level: 'detailed',
          parent: '5.1.1',
          cloudSpecific: false,
          basicRequirement: false,
          sourceRefs: [],
        },
        { id: 7, tier: 'controls' },
      ],
    };
    try {
      ismapEditionFromSkeleton(bad);
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe('validation_failed');
      const paths = (isDomainError(e) ? (e.issues ?? []) : []).map((i) => i.path.join('/'));
      expect(paths).toContain('items/1/level');
      expect(paths).toContain('items/2/parent');
      expect(paths).toContain('items/2/basicRequirement');
      expect(paths.some((p) => p.startsWith('items/3/'))).toBe(true);
    }
  });
});

describe('bundled NIST, FedRAMP and ISO catalogs', () => {
  it('converts SP 800-53 rev5 and rev4', () => {
    const r5 = edition('nist-800-53r5');
    expect(r5.edition).toBe('5.1.1');
    expect(count(r5, (n) => n.kind === 'family')).toBe(20);
    expect(count(r5, (n) => n.kind === 'control')).toBe(322);
    expect(count(r5, (n) => n.kind === 'enhancement')).toBe(867);
    expect(count(r5, (n) => n.flags.includes('withdrawn'))).toBe(24 + 158);
    const ac21 = r5.nodes.find((n) => n.id === 'ac-2.1')!;
    expect(ac21).toMatchObject({ label: 'AC-2(1)', parentId: 'ac-2', depth: 2 });
    expect(ac21.text.en).toContain('[Assignment: automated mechanisms]');
    expect(ac21.params[0]?.id).toBe('ac-02.01_odp');
    const r4 = edition('nist-800-53r4');
    expect([r4.edition, count(r4, (n) => n.kind === 'control'), count(r4, (n) => n.kind === 'enhancement')]).toEqual([
      '4.0',
      256,
      666,
    ]);
  });

  it('turns each baseline into a catalog with official membership mappings', () => {
    const sizes = Object.fromEntries(
      content.editions
        .filter((e) => /-(low|moderate|high|privacy|li-saas)$/.test(e.catalog))
        .map((e) => [e.catalog, count(e, (n) => n.kind !== 'family')]),
    );
    expect(sizes).toEqual({
      'nist-800-53r5-low': 149,
      'nist-800-53r5-moderate': 287,
      'nist-800-53r5-high': 370,
      'nist-800-53r5-privacy': 96,
      'nist-800-53r4-low': 124,
      'nist-800-53r4-moderate': 261,
      'nist-800-53r4-high': 343,
      'fedramp-rev5-low': 156,
      'fedramp-rev5-moderate': 323,
      'fedramp-rev5-high': 410,
      'fedramp-rev5-li-saas': 156,
    });
    const mod = edition('fedramp-rev5-moderate');
    expect(mod.edition).toBe('2.1.0');
    expect(mod.nodes.find((n) => n.id === 'ac-2.1')).toMatchObject({ parentId: 'ac-2', kind: 'enhancement' });
    const set = content.mappingSets.find((s) => s.id === 'baseline:fedramp-rev5-moderate')!;
    expect(set.mappings[0]).toMatchObject({
      target: 'nist-800-53r5:5.1.1:ac-1',
      relationship: 'equal',
      provenance: { method: 'official' },
      confidence: 1,
    });
  });

  it('has ISO/IEC 27001 2013 (with titles) and 2022 (ids only)', () => {
    expect(count(edition('iso27001-2013'), (n) => n.kind === 'annex-control')).toBe(114);
    expect(count(edition('iso27001-2013'), (n) => n.kind === 'domain')).toBe(14);
    expect(count(edition('iso27001-2022'), (n) => n.kind === 'annex-control')).toBe(93);
    expect(edition('iso27001-2022').nodes[0]).toMatchObject({
      id: 'A.5',
      kind: 'theme',
      title: { en: 'Organizational controls' },
    });
  });
});

describe('bundled mapping sets', () => {
  it('maps the 114 ISO-numbered objectives and all detailed controls', () => {
    const by = (id: string) => content.mappingSets.find((s) => s.id === id)!.mappings;
    expect(by('ismap-2024-07_iso27001-2013_numbering')).toHaveLength(114);
    expect(by('ismap-2024-07_structure')).toHaveLength(1081);
    const nist = by('nist-sp800-53r5_iso27001-2013_nist');
    expect(nist.every((m) => m.relationship === 'intersects-with' && m.provenance.method === 'official')).toBe(true);
    expect(
      nist.find((m) => m.source === 'iso27001-2013:2013:A.11.1.5' && m.target === 'nist-800-53r5:5.1.1:sc-42'),
    ).toMatchObject({ confidence: 0.4 });
    expect(content.warnings).toEqual([
      'NIST ↔ ISO table 2: SA-15(9) (sa-15.9) is not an active control in nist-800-53r5 5.1.1',
      'NIST ↔ ISO table 2: skipped "Appendix J Privacy controls" for ISO A.18.1.4 (not a control id)',
    ]);
  });

  it('explains ISMAP 9.2.3 → ISO A.9.2.3 → SP 800-53r5 → FedRAMP Moderate', () => {
    const r = graph.paths('ismap:2024-07:9.2.3', 'fedramp-rev5-moderate', {
      via: ['iso27001-2013', 'nist-800-53r5', 'fedramp-rev5-moderate'],
    });
    expect(r.toCatalog).toBe('fedramp-rev5-moderate:2.1.0');
    expect(r.targets.map((t) => t.target)).toContain('fedramp-rev5-moderate:2.1.0:ac-2');
    const ac2 = r.targets.find((t) => t.target.endsWith(':ac-2'))!;
    expect(ac2).toMatchObject({ relationship: 'intersects-with', confidence: 0.7, method: 'derived' });
    expect(ac2.paths[0]!.links.map((l) => [l.to, l.relationship, l.provenance.method])).toEqual([
      ['iso27001-2013:2013:A.9.2.3', 'equal', 'derived'],
      ['nist-800-53r5:5.1.1:ac-2', 'intersects-with', 'official'],
      ['fedramp-rev5-moderate:2.1.0:ac-2', 'equal', 'official'],
    ]);
    // Without `via` the same targets are found.
    expect(
      graph
        .paths('ismap:2024-07:9.2.3', 'fedramp-rev5-moderate')
        .targets.map((t) => t.target)
        .sort(),
    ).toEqual(r.targets.map((t) => t.target).sort());
  });

  it('starts from a detailed control and from the other end', () => {
    const down = graph.paths('ismap:2024-07:9.2.3.11.PB', 'nist-800-53r5');
    expect(down.targets.length).toBeGreaterThan(0);
    expect(down.paths[0]!.links[0]).toMatchObject({ to: 'ismap:2024-07:9.2.3', relationship: 'subset-of' });
    const up = graph.paths('fedramp-rev5-moderate:2.1.0:ac-2', 'ismap', { via: ['nist-800-53r5', 'iso27001-2013'] });
    expect(up.targets.map((t) => t.target)).toContain('ismap:2024-07:9.2.3');
  });

  it('loads deterministically', async () => {
    const again = await loadBundledContent();
    expect(JSON.stringify(again)).toBe(JSON.stringify(content));
  });
});

describe('search over all bundled content', () => {
  it('finds loose ids and words quickly', () => {
    const index = SearchIndex.build(content.editions);
    expect(index.search('AC-02(01)', { catalogs: ['nist-800-53r5'] })[0]?.key).toBe('nist-800-53r5:5.1.1:ac-2.1');
    expect(index.search('９．２．３．１１ｐｂ')[0]?.key).toBe('ismap:2024-07:9.2.3.11.PB');
    expect(index.search('a 9.2.3', { catalogs: ['iso27001-2013'] })[0]?.key).toBe('iso27001-2013:2013:A.9.2.3');
    expect(index.search('privileged access')[0]?.title).toMatch(/privileged access/i);
    const times: number[] = [];
    for (const q of ['account management', 'AC-2', 'アクセス制御', 'cryptographic key', '9.2.3', 'incident']) {
      const t = performance.now();
      index.search(q);
      times.push(performance.now() - t);
    }
    expect(Math.max(...times)).toBeLessThan(100);
  });
});

describe('ISO/IEC 27001 2013 ↔ 2022 correspondence and SP 800-53 rev4 → rev5', () => {
  let content: Awaited<ReturnType<typeof loadBundledContent>>;
  beforeAll(async () => {
    content = await loadBundledContent();
  });
  const set = (id: string) => content.mappingSets.find((s) => s.id === id)!;
  it('covers every 2013 and 2022 control, with the relationship from the table shape', () => {
    const m = set('iso27001-2013_iso27001-2022_correspondence').mappings;
    expect(m).toHaveLength(115);
    expect(new Set(m.map((x) => x.source)).size).toBe(114);
    expect(new Set(m.map((x) => x.target)).size).toBe(82);
    const rel = (s: string, t: string) =>
      m.find((x) => x.source === `iso27001-2013:2013:${s}` && x.target === `iso27001-2022:2022:${t}`)?.relationship;
    expect(rel('A.9.2.3', 'A.8.2')).toBe('equal');
    expect(rel('A.9.1.1', 'A.5.15')).toBe('subset-of');
    expect(rel('A.18.2.3', 'A.8.8')).toBe('intersects-with');
    expect(m.every((x) => x.provenance.method === 'community')).toBe(true);
  });
  it('maps rev4 to rev5 by identical active ids, derived', () => {
    const m = set('nist-sp800-53r4_nist-sp800-53r5_same-id').mappings;
    expect(m.length).toBeGreaterThan(700);
    expect(m.find((x) => x.source === 'nist-800-53r4:4.0:ac-2')?.target).toBe('nist-800-53r5:5.1.1:ac-2');
    expect(m.every((x) => x.provenance.method === 'derived')).toBe(true);
  });
});
