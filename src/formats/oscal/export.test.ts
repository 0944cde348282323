import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CatalogEdition, CatalogNode } from '../../core/catalog/model';
import { ismapEditionFromSkeleton } from '../bundled/ismap';
import { catalogToOscal, ISMAP_NS, oscalId } from './export-catalog';
import { catalogFileName, profileBasicRequirements, profileLiuSubset } from './export-profile';
import { memoryLoader } from './load';
import { resolveProfile } from './resolve';
import { oscalCatalogToEdition } from './to-edition';
import type { Control, Group } from './types';
import { validateOscalDocument } from './validate';

const CONTENT = new URL('../../../content/', import.meta.url).pathname;
const edition: CatalogEdition = ismapEditionFromSkeleton(
  JSON.parse(readFileSync(`${CONTENT}ismap/criteria-skeleton.json`, 'utf8')),
);
const now = new Date('2025-04-01T00:00:00Z');

function all(groups: Group[] | undefined, controls: Control[] = []): Control[] {
  const out: Control[] = [];
  const go = (cs: Control[] | undefined) => (cs ?? []).forEach((c) => (out.push(c), go(c.controls)));
  go(controls);
  for (const g of groups ?? []) out.push(...all(g.groups, g.controls));
  return out;
}

const node = (
  id: string,
  kind: string,
  parentId: string | null,
  position: number,
  extra: Partial<CatalogNode> = {},
): CatalogNode => ({
  id,
  kind,
  depth: 0,
  parentId,
  position,
  label: id,
  flags: [],
  title: {},
  text: {},
  textSource: {},
  params: [],
  sourceRefs: [],
  props: {},
  ...extra,
});

describe('ISMAP → OSCAL export', () => {
  const doc = catalogToOscal(edition, { now });

  it('exports the whole ISMAP criteria as a schema-valid OSCAL 1.1.3 catalog', () => {
    expect(validateOscalDocument(doc).errors).toEqual([]);
    const controls = all(doc.catalog.groups, doc.catalog.controls);
    // 18 governance + 64 management items, 121 objectives, 1,081 detailed controls.
    expect(controls).toHaveLength(18 + 64 + 121 + 1081);
    const pb =
      controls.find((c) => c.id === oscalId('9.2.3.11.PB')) ??
      controls.find((c) => c.props?.some((p) => p.name === 'basic-statement-requirement'));
    expect(pb?.props).toEqual(
      expect.arrayContaining([{ name: 'basic-statement-requirement', ns: ISMAP_NS, value: 'true' }]),
    );
    expect(doc.catalog.groups?.map((g) => g.id)).toEqual([
      'ismap-tier-governance',
      'ismap-tier-management',
      'ismap-tier-controls',
    ]);
    expect(catalogToOscal(edition, { now }).catalog.uuid).toBe(doc.catalog.uuid);
  });

  it('keeps Japanese and English titles and texts, flags and params', () => {
    const small: CatalogEdition = {
      catalog: 'ismap',
      edition: 'test',
      title: { ja: '管理基準', en: 'Criteria' },
      provenance: 'fixture',
      nodes: [
        node('tier:controls', 'tier', null, 0, { title: { ja: '管理策基準', en: 'Controls' } }),
        node('9.2.3', 'objective', 'tier:controls', 0, {
          title: { ja: '特権的アクセス権の管理', en: 'Management of privileged access rights' },
          text: { ja: '特権的アクセス権を制限する。', en: 'Restrict privileged access.' },
        }),
        node('9.2.3.11.PB', 'detailed', '9.2.3', 0, {
          flags: ['P', 'B'],
          params: [{ id: 'freq', label: '頻度', select: { howMany: 'one', choice: ['月次', '四半期'] } }],
        }),
      ],
    };
    const out = catalogToOscal(small, { now });
    expect(validateOscalDocument(out).errors).toEqual([]);
    const objective = out.catalog.groups?.[0]?.controls?.[0] as Control;
    expect(objective.title).toBe('特権的アクセス権の管理');
    expect(objective.props).toEqual(
      expect.arrayContaining([
        { name: 'title', ns: ISMAP_NS, value: 'Management of privileged access rights', class: 'en' },
      ]),
    );
    expect(objective.parts?.map((p) => [p.id, p.prose])).toEqual([
      ['ismap-9.2.3_smt', '特権的アクセス権を制限する。'],
      ['ismap-9.2.3_smt.en', 'Restrict privileged access.'],
    ]);
    const detailed = objective.controls?.[0] as Control;
    expect(detailed.props?.filter((p) => p.ns === ISMAP_NS && p.value === 'true').map((p) => p.name)).toEqual([
      'cloud-specific',
      'basic-statement-requirement',
    ]);
    expect(detailed.params?.[0]).toMatchObject({
      id: 'freq',
      select: { 'how-many': 'one', choice: ['月次', '四半期'] },
    });
  });

  it('basic statement requirements profile: valid, and resolves against the exported catalog', async () => {
    const profile = profileBasicRequirements(edition, { now });
    expect(validateOscalDocument(profile).errors).toEqual([]);
    const ids = profile.profile.imports[0]?.['include-controls']?.[0]?.['with-ids'] ?? [];
    expect(ids).toHaveLength(18 + 64 + 121 + 31);
    // The profile names the catalog by the file name it is downloaded as.
    expect(profile.profile['back-matter']?.resources?.[0]?.rlinks?.[0]?.href).toBe(
      catalogFileName(edition.catalog, edition.edition),
    );
    const { catalog, warnings } = await resolveProfile(profile, {
      loader: memoryLoader({ [catalogFileName(edition.catalog, edition.edition)]: doc }),
      now,
    });
    expect(warnings).toEqual([]);
    expect(validateOscalDocument(catalog).errors).toEqual([]);
    expect(
      all(catalog.catalog.groups)
        .map((c) => c.id)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('LIU subset profile: the given ids, unknown ids rejected with their position', () => {
    const some = edition.nodes
      .filter((n) => n.kind === 'objective')
      .slice(0, 5)
      .map((n) => n.id);
    const profile = profileLiuSubset(edition, some, { now, catalogHref: '../catalog/ismap.json' });
    expect(validateOscalDocument(profile).errors).toEqual([]);
    expect(profile.profile.metadata.title).toBe('ISMAP-LIU audited subset');
    expect(profile.profile.imports[0]?.['include-controls']?.[0]?.['with-ids']).toEqual(some.map(oscalId));
    expect(() => profileLiuSubset(edition, [some[0]!, 'no.such'])).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        issues: [
          {
            path: ['ids', 1],
            message: 'unknown ISMAP id no.such',
            code: 'unknown_ismap_id',
            params: { id: 'no.such' },
          },
        ],
        reason: 'profile_unknown_ids',
        params: { count: 1, catalog: 'ismap', edition: '2024-07' },
      }),
    );
  });
});

describe('OSCAL catalog → catalog edition', () => {
  const cat = JSON.parse(
    readFileSync(`${CONTENT}nist-sp800-53-rev5/catalog/NIST_SP-800-53_rev5_catalog-min.json`, 'utf8'),
  );
  const ed = oscalCatalogToEdition(cat, { catalog: 'nist-800-53r5', edition: '5.1.1', provenance: 'NIST OSCAL 5.1.1' });

  it('maps families, controls and enhancements with labels, withdrawn flags, params and plain statements', () => {
    const count = (kind: string) => ed.nodes.filter((n) => n.kind === kind).length;
    expect([count('family'), count('control'), count('enhancement')]).toEqual([20, 322, 867]);
    expect(ed.nodes.filter((n) => n.flags.includes('withdrawn') && n.kind !== 'family')).toHaveLength(24 + 158);
    const ac21 = ed.nodes.find((n) => n.id === 'ac-2.1');
    expect(ac21).toMatchObject({
      kind: 'enhancement',
      label: 'AC-2(1)',
      parentId: 'ac-2',
      depth: 2,
      props: { sortId: 'ac-02.01' },
    });
    const ac2 = ed.nodes.find((n) => n.id === 'ac-2');
    expect(ac2?.text.en).toMatch(/^a\. Define and document the types of accounts allowed and specifically prohibited/);
    expect(ac2?.text.en).toContain('\nb. Assign account managers;');
    expect(ac2?.params[0]).toMatchObject({ id: 'ac-02_odp.01', label: 'prerequisites and criteria' });
    expect(ed.nodes.find((n) => n.id === 'ac-1')?.text.en).toContain(
      '[Assignment: organization-defined personnel or roles]',
    );
  });
});
