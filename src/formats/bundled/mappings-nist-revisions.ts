import type { CatalogEdition } from '../../core/catalog/model';
import { nodeKey } from '../../core/catalog/model';
import { formatNote } from '../../core/mapping/notes';
import { confidenceLevels, type Mapping, type MappingSet } from '../../core/mapping/model';

/**
 * SP 800-53 rev4 → rev5 by identical control ids, method 'derived': NIST's rev4/rev5 comparison workbook is not in
 * the bundled content, so an SSP written against rev4 reaches the rev5 mappings only through shared ids. Controls
 * withdrawn in either revision are left out. 'equal' with low confidence: the id is kept across revisions, the text
 * was not compared (rev5 rewrote many controls), and every SSP chain to ISMAP is intersects-with anyway.
 */
export function nistRevisionMappingSet(r4: CatalogEdition, r5: CatalogEdition): MappingSet {
  const active = (e: CatalogEdition) =>
    new Set(
      e.nodes
        .filter((n) => (n.kind === 'control' || n.kind === 'enhancement') && !n.flags.includes('withdrawn'))
        .map((n) => n.id),
    );
  const ids5 = active(r5);
  const mappings: Mapping[] = [...active(r4)]
    .filter((id) => ids5.has(id))
    .map((id) => ({
      source: nodeKey(r4.catalog, r4.edition, id),
      target: nodeKey(r5.catalog, r5.edition, id),
      relationship: 'equal',
      provenance: {
        document: 'identical control ids in the bundled SP 800-53 rev4 and rev5 catalogs',
        method: 'derived',
      },
      confidence: confidenceLevels.low,
      note: formatNote({ code: 'same_control_id' }),
    }));
  return {
    id: 'nist-sp800-53r4_nist-sp800-53r5_same-id',
    title: 'NIST SP 800-53 rev4 → rev5 (identical control ids)',
    description:
      'Each active rev4 control equals the active rev5 control with the same id (derived; texts not compared, low confidence).',
    provenance: 'content/nist-sp800-53-rev4/PROVENANCE.md',
    mappings,
  };
}
