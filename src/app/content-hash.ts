import { sha256 } from '../core/audit-chain';
import { canonicalJson } from '../core/canonical-json';
import type { CatalogEdition } from '../core/catalog/model';
import type { MappingSet } from '../core/mapping/model';

/** SHA-256 of an edition's canonical JSON: the same content gives the same hash, whatever the key order. */
export function editionHash(e: CatalogEdition): string {
  return sha256(
    canonicalJson({
      catalog: e.catalog,
      edition: e.edition,
      title: e.title,
      provenance: e.provenance,
      publishedAt: e.publishedAt ?? null,
      nodes: e.nodes,
    }),
  );
}

export function mappingSetHash(s: MappingSet): string {
  return sha256(
    canonicalJson({
      id: s.id,
      title: s.title,
      description: s.description,
      provenance: s.provenance,
      mappings: s.mappings,
    }),
  );
}
