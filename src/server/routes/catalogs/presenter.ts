import type { CatalogEditionSummary } from '../../../app/use-cases/catalogs/list-catalogs';
import type { CatalogNodeDetail, NodeMapping } from '../../../app/use-cases/catalogs/get-catalog-node';
import type { MappingSetRecord, StoredMapping } from '../../../app/ports/repositories';
import type { Actor } from '../../../core/identity';
import { abilities, mappingSetPolicy } from '../../../core/policies';

export const presentEdition = (e: CatalogEditionSummary) => ({ ...e, loadedAt: e.loadedAt.toISOString() });

export const presentMapping = <M extends StoredMapping>(m: M) => ({ ...m, createdAt: m.createdAt.toISOString() });

export const presentNodeDetail = (d: CatalogNodeDetail) => ({
  ...d,
  mappingsOut: d.mappingsOut.map((m: NodeMapping) => presentMapping(m)),
  mappingsIn: d.mappingsIn.map((m: NodeMapping) => presentMapping(m)),
});

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
