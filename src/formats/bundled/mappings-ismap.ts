import { ismapNumber } from '../../core/catalog/ids';
import { formatNote } from '../../core/mapping/notes';
import type { CatalogEdition } from '../../core/catalog/model';
import { nodeKey } from '../../core/catalog/model';
import { confidenceLevels, type Mapping, type MappingSet } from '../../core/mapping/model';

/**
 * Mappings derived from the ISMAP criteria's own structure and numbering:
 * - objective `N.n.n` 'equal' ISO/IEC 27001:2013 `A.N.n.n`: the controls criteria use ISO/IEC 27002:2013
 *   numbering and the objectives restate the ISO controls (confidence high, not certain: ISMAP revised
 *   the objective texts in 2022 and the wording is not compared here);
 * - every detailed control 'subset-of' its objective (a structural fact of the criteria);
 * - management items 'intersects-with' the ISO/IEC 27001:2013 clauses they are tagged with (a tag says the
 *   item draws on part of that clause, e.g. `5.1b)`, not that it covers all of it).
 */
const SKELETON = 'content/ismap/criteria-skeleton.json';

export interface IsmapMappingsResult {
  sets: MappingSet[];
  warnings: string[];
}

export function ismapMappingSets(ismap: CatalogEdition, iso2013: CatalogEdition): IsmapMappingsResult {
  const warnings: string[] = [];
  const isoIds = new Set(iso2013.nodes.map((n) => n.id));
  const key = (id: string) => nodeKey(ismap.catalog, ismap.edition, id);
  const isoKey = (id: string) => nodeKey(iso2013.catalog, iso2013.edition, id);

  const numbering: Mapping[] = [];
  const structure: Mapping[] = [];
  const clauses: Mapping[] = [];
  const matchedIso = new Set<string>();
  for (const n of ismap.nodes) {
    if (n.kind === 'objective') {
      const iso = `A.${ismapNumber(n.id)}`;
      if (n.flags.includes('P')) continue; // ISO/IEC 27017 CLD objectives have no Annex A counterpart.
      if (!isoIds.has(iso)) {
        warnings.push(`ISMAP objective ${n.id} has no ISO/IEC 27001:2013 ${iso}`);
        continue;
      }
      matchedIso.add(iso);
      numbering.push({
        source: key(n.id),
        target: isoKey(iso),
        relationship: 'equal',
        provenance: { document: SKELETON, method: 'derived' },
        confidence: confidenceLevels.high,
        note: formatNote({ code: 'shared_numbering' }),
      });
    } else if (n.kind === 'detailed' && n.parentId) {
      structure.push({
        source: key(n.id),
        target: key(n.parentId),
        relationship: 'subset-of',
        provenance: { document: SKELETON, method: 'derived' },
        confidence: confidenceLevels.certain,
        note: formatNote({ code: 'detailed_under_objective' }),
      });
    } else if (n.props['tier'] === 'management' && n.kind === 'item') {
      const tags = (n.props['isoClauseTags'] as string[] | undefined) ?? [];
      const clauseIds = [...new Set(tags.map((t) => t.replace(/[a-z]\)$/, '')))];
      for (const c of clauseIds) {
        if (!isoIds.has(c)) {
          warnings.push(`ISMAP management item ${n.id}: ISO/IEC 27001:2013 clause ${c} not in the ISO catalog`);
          continue;
        }
        const parts = tags.filter((t) => t === c || t.replace(/[a-z]\)$/, '') === c);
        clauses.push({
          source: key(n.id),
          target: isoKey(c),
          relationship: 'intersects-with',
          provenance: { document: SKELETON, method: 'derived' },
          confidence: confidenceLevels.medium,
          note: formatNote({ code: 'iso_clause_tags', tags: parts.join(', ') }),
        });
      }
    }
  }
  for (const n of iso2013.nodes) {
    if (n.kind === 'annex-control' && !matchedIso.has(n.id))
      warnings.push(`ISO/IEC 27001:2013 ${n.id} has no ISMAP objective ${n.id.slice(2)}`);
  }
  return {
    warnings,
    sets: [
      {
        id: 'ismap-2024-07_iso27001-2013_numbering',
        title: 'ISMAP control objectives = ISO/IEC 27001:2013 Annex A controls',
        description:
          'ISMAP objective N.n.n equals Annex A control A.N.n.n (shared ISO/IEC 27002:2013 numbering). The 7 cloud-specific .P objectives (ISO/IEC 27017 CLD) have no Annex A counterpart.',
        provenance: 'content/ismap/PROVENANCE.md',
        mappings: numbering,
      },
      {
        id: 'ismap-2024-07_structure',
        title: 'ISMAP detailed controls within their control objectives',
        description: 'Each detailed control is a subset of its control objective.',
        provenance: 'content/ismap/PROVENANCE.md',
        mappings: structure,
      },
      {
        id: 'ismap-2024-07_management_iso27001-2013_clauses',
        title: 'ISMAP management criteria items and their ISO/IEC 27001:2013 clause tags',
        description:
          'Each management item intersects with the ISO/IEC 27001:2013 clauses printed with it (letter sub-items folded into the clause).',
        provenance: 'content/ismap/PROVENANCE.md',
        mappings: clauses,
      },
    ],
  };
}
