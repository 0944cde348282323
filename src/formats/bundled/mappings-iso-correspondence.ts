import { z } from 'zod';
import type { CatalogEdition } from '../../core/catalog/model';
import { nodeKey } from '../../core/catalog/model';
import { DomainError } from '../../core/errors';
import { formatNote } from '../../core/mapping/notes';
import { confidenceLevels, type Mapping, type MappingSet, type Relationship } from '../../core/mapping/model';

/**
 * ISO/IEC 27001:2013 ↔ 2022 Annex A correspondence (identifiers only, after ISO/IEC 27002:2022 Annex B), so a 2022
 * Statement of Applicability reaches the ISMAP objectives, which share the 2013 numbering. See the PROVENANCE file
 * for how the relationship of each pair is read from the table's shape (1:1 equal, merged subset-of, split intersects).
 */
export const ISO_CORRESPONDENCE_DIR = 'mappings/iso27001-2013_iso27001-2022_correspondence';
export const ISO_CORRESPONDENCE_FILE = `${ISO_CORRESPONDENCE_DIR}/iso27001-2013_iso27001-2022_correspondence.json`;
const DOCUMENT = `ISO/IEC 27002:2022 Annex B correspondence table, identifiers only (content/${ISO_CORRESPONDENCE_DIR})`;

const schema = z.object({
  correspondence: z.array(
    z.object({
      iso27001_2022: z.string().regex(/^A\.\d+\.\d+$/),
      iso27001_2013: z.array(z.string().regex(/^A\.\d+\.\d+\.\d+$/)),
    }),
  ),
});

export function isoCorrespondenceMappingSet(
  json: unknown,
  iso2013: CatalogEdition,
  iso2022: CatalogEdition,
): { set: MappingSet; warnings: string[] } {
  const r = schema.safeParse(json);
  if (!r.success)
    throw new DomainError(
      'validation_failed',
      'ISO/IEC 27001 2013 ↔ 2022 correspondence: invalid',
      r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    );
  const warnings: string[] = [];
  const ids13 = new Set(iso2013.nodes.map((n) => n.id));
  const ids22 = new Set(iso2022.nodes.map((n) => n.id));
  const uses13 = new Map<string, number>();
  for (const row of r.data.correspondence)
    for (const id of row.iso27001_2013) uses13.set(id, (uses13.get(id) ?? 0) + 1);
  const mappings: Mapping[] = [];
  for (const row of r.data.correspondence) {
    if (!ids22.has(row.iso27001_2022)) {
      warnings.push(`ISO correspondence: ${row.iso27001_2022} is not in ISO/IEC 27001:2022`);
      continue;
    }
    for (const id of row.iso27001_2013) {
      if (!ids13.has(id)) {
        warnings.push(`ISO correspondence: ${id} is not in ISO/IEC 27001:2013`);
        continue;
      }
      const split = (uses13.get(id) ?? 0) > 1;
      const merged = row.iso27001_2013.length > 1;
      const relationship: Relationship = split ? 'intersects-with' : merged ? 'subset-of' : 'equal';
      mappings.push({
        source: nodeKey(iso2013.catalog, iso2013.edition, id),
        target: nodeKey(iso2022.catalog, iso2022.edition, row.iso27001_2022),
        relationship,
        provenance: { document: DOCUMENT, method: 'community' },
        confidence: confidenceLevels.medium,
        note: formatNote({
          code: split ? 'iso_correspondence_split' : merged ? 'iso_correspondence_merged' : 'iso_correspondence_1to1',
        }),
      });
    }
  }
  return {
    warnings,
    set: {
      id: 'iso27001-2013_iso27001-2022_correspondence',
      title: 'ISO/IEC 27001:2013 ↔ ISO/IEC 27001:2022 (Annex B correspondence, identifiers only)',
      description:
        'Correspondence of Annex A control numbers after ISO/IEC 27002:2022 Annex B: 1:1 pairs equal, merged controls subset-of, split controls intersects-with. Identifiers only, method community.',
      provenance: `content/${ISO_CORRESPONDENCE_DIR}/PROVENANCE.md`,
      mappings,
    },
  };
}
