import type { CatalogList, CatalogEditionSummary } from '../../../app/use-cases/catalogs/list-catalogs';
import type { CatalogNodeDetail, NodeMapping } from '../../../app/use-cases/catalogs/get-catalog-node';
import type { MappingSetRecord, StoredMapping } from '../../../app/ports/repositories';
import type { Actor } from '../../../core/identity';
import { abilities, catalogPolicy, mappingPolicy, mappingSetPolicy, type Abilities } from '../../../core/policies';

type MappingAbilities = Abilities<keyof (typeof mappingPolicy)['rules']>;

export const presentEdition = (e: CatalogEditionSummary) => ({ ...e, loadedAt: e.loadedAt.toISOString() });

export const presentCatalogList = (r: CatalogList, actor: Actor) => ({
  editions: r.editions.map(presentEdition),
  abilities: abilities(catalogPolicy, actor, null),
});

export const presentMapping = <M extends StoredMapping>(m: M) => ({ ...m, createdAt: m.createdAt.toISOString() });

/** The caller's abilities on the mappings of each set a node page shows, by set id. */
export function nodeMappingAbilities(d: CatalogNodeDetail, actor: Actor): Map<string, MappingAbilities> {
  const out = new Map<string, MappingAbilities>();
  for (const [id, set] of Object.entries(d.mappingSets)) out.set(id, abilities(mappingPolicy, actor, set));
  return out;
}

/** Names the abilities exactly (set by set, rule by rule): equal keys, equal answers (for `cachedJson`). */
export const abilitiesKey = (bySet: Map<string, MappingAbilities>): string =>
  [...bySet.values()].map((a) => Object.values(a).map(Number).join('')).join(',');

export const presentNodeDetail = (
  { mappingSets: _sets, ...d }: CatalogNodeDetail,
  bySet: ReadonlyMap<string, MappingAbilities>,
) => {
  const present = (m: NodeMapping) => ({ ...presentMapping(m), abilities: bySet.get(m.setId)! });
  return { ...d, mappingsOut: d.mappingsOut.map(present), mappingsIn: d.mappingsIn.map(present) };
};

export const presentMappingSet = (s: MappingSetRecord & { count: number }, actor: Actor) => ({
  id: s.id,
  title: s.title,
  description: s.description,
  provenance: s.provenance,
  source: s.source,
  orgId: s.orgId,
  published: s.published,
  updatedAt: s.updatedAt.toISOString(),
  count: s.count,
  abilities: abilities(mappingSetPolicy, actor, s),
});
