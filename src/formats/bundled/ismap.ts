import { z } from 'zod';
import type { CatalogEdition, CatalogNode } from '../../core/catalog/model';
import { DomainError, type Issue } from '../../core/errors';
import { makeNode } from './node';

/**
 * The ISMAP Control Criteria (ISMAP管理基準) 2024-07 identifier skeleton → a CatalogEdition.
 * Three synthetic tier roots (`tier:governance`, `tier:management`, `tier:controls`) hold the skeleton's top
 * nodes, because the skeleton has no nodes for chapters 3–5; the `tier:` prefix can never be a criteria id.
 */
export const ISMAP_CATALOG = 'ismap';
export const ISMAP_EDITION = '2024-07';

const tiers = ['governance', 'management', 'controls'] as const;
type Tier = (typeof tiers)[number];
const levelsByTier: Record<Tier, readonly string[]> = {
  governance: ['process', 'item'],
  management: ['section', 'group', 'item'],
  controls: ['clause', 'category', 'objective', 'detailed'],
};
// The official Japanese names of the three tiers, shown in the tree.
const tierTitles: Record<Tier, { ja: string; en: string }> = {
  governance: { ja: 'ガバナンス基準', en: 'Governance criteria' },
  management: { ja: 'マネジメント基準', en: 'Management criteria' },
  controls: { ja: '管理策基準', en: 'Controls criteria' },
};

const itemSchema = z.object({
  id: z.string().min(1),
  tier: z.enum(tiers),
  level: z.string(),
  parent: z.string().nullable(),
  cloudSpecific: z.boolean(),
  basicRequirement: z.boolean(),
  sourceRefs: z.array(z.string()),
  titleEn: z.string().nullable().optional(),
  titleSource: z.string().nullable().optional(),
});
const skeletonSchema = z.object({
  framework: z.string().optional(),
  basis: z.string().optional(),
  items: z.array(z.unknown()),
});
type Item = z.infer<typeof itemSchema>;

export const tierRootId = (tier: string) => `tier:${tier}`;

/** Validates everything first and reports every problem with its item index; builds nothing on error. */
export function ismapEditionFromSkeleton(json: unknown, provenance = 'content/ismap/PROVENANCE.md'): CatalogEdition {
  const top = skeletonSchema.safeParse(json);
  if (!top.success) {
    throw new DomainError(
      'validation_failed',
      'ISMAP skeleton: not {framework, basis, items}',
      top.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    );
  }
  const issues: Issue[] = [];
  const items: Item[] = [];
  const seen = new Map<string, Item>();
  top.data.items.forEach((raw, index) => {
    const r = itemSchema.safeParse(raw);
    if (!r.success) {
      for (const i of r.error.issues)
        issues.push({ path: ['items', index, ...i.path.map(String)], message: i.message });
      return;
    }
    const it = r.data;
    const at = (field: string, message: string) =>
      issues.push({ path: ['items', index, field], message: `${it.id}: ${message}` });
    if (seen.has(it.id)) at('id', 'duplicate id');
    if (!levelsByTier[it.tier].includes(it.level))
      at('level', `level '${it.level}' is not one of ${levelsByTier[it.tier].join(', ')}`);
    if (it.parent !== null) {
      const p = seen.get(it.parent);
      if (!p) at('parent', `parent ${it.parent} missing or after its child`);
      else if (p.tier !== it.tier) at('parent', `parent ${it.parent} is in another tier`);
    } else if (it.level !== levelsByTier[it.tier][0]) at('parent', 'only top-level nodes may have no parent');
    if (it.cloudSpecific !== /\.PB?$/.test(it.id)) at('cloudSpecific', 'flag disagrees with the .P suffix');
    if (it.basicRequirement !== /\.P?B$/.test(it.id)) at('basicRequirement', 'flag disagrees with the .B suffix');
    seen.set(it.id, it);
    items.push(it);
  });
  if (issues.length > 0)
    throw new DomainError('validation_failed', `ISMAP skeleton: ${issues.length} problem(s)`, issues);

  const nodes: CatalogNode[] = tiers.map((tier, position) =>
    makeNode({
      id: tierRootId(tier),
      kind: 'tier',
      depth: 0,
      parentId: null,
      position,
      label: tierTitles[tier].en,
      title: { ...tierTitles[tier] },
      textSource: { ja: 'ISMAP管理基準 (tier name)', en: 'ISMAP Hub (tier label)' },
      props: { tier },
    }),
  );
  const depth = new Map<string, number>();
  const counters = new Map<string, number>();
  for (const it of items) {
    const parentId = it.parent ?? tierRootId(it.tier);
    const position = counters.get(parentId) ?? 0;
    counters.set(parentId, position + 1);
    const d = it.parent === null ? 1 : (depth.get(it.parent) ?? 0) + 1;
    depth.set(it.id, d);
    const flags = [...(it.cloudSpecific ? ['P'] : []), ...(it.basicRequirement ? ['B'] : [])];
    const props: CatalogNode['props'] = { tier: it.tier, level: it.level };
    if (it.tier === 'management') {
      // '… 5.1b)' → '5.1b)': the ISO/IEC 27001:2013 clause tag printed with the item.
      const tags = it.sourceRefs
        .filter((s) => s.startsWith('ISO/IEC 27001:2013 '))
        .map((s) => s.slice('ISO/IEC 27001:2013 '.length));
      props['isoClauseTags'] = tags;
    }
    if (it.titleSource) props['titleSource'] = it.titleSource;
    nodes.push(
      makeNode({
        id: it.id,
        kind: it.level,
        depth: d,
        parentId,
        position,
        label: it.id,
        flags,
        title: it.titleEn ? { en: it.titleEn } : {},
        textSource: it.titleEn && it.titleSource ? { en: `title: ${it.titleSource}` } : {},
        sourceRefs: [...it.sourceRefs],
        props,
      }),
    );
  }
  return {
    catalog: ISMAP_CATALOG,
    edition: ISMAP_EDITION,
    title: { ja: 'ISMAP管理基準', en: 'ISMAP Control Criteria' },
    provenance,
    publishedAt: null,
    nodes,
  };
}
