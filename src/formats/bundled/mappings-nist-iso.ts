import { z } from 'zod';
import { formatNote } from '../../core/mapping/notes';
import { normalizeNistId } from '../../core/catalog/ids';
import type { CatalogEdition } from '../../core/catalog/model';
import { nodeKey } from '../../core/catalog/model';
import { DomainError } from '../../core/errors';
import { confidenceLevels, type Mapping, type MappingSet } from '../../core/mapping/model';

/**
 * NIST's "SP 800-53 Rev. 5 Control Mappings to ISO/IEC 27001" (ISO/IEC 27001:2013) as a mapping set.
 *
 * Relationship rule: NIST's tables only say a control "relates to" another and warn that the mappings are not
 * equivalences, so every pair is 'intersects-with' (stored ISO → SP 800-53, method 'official').
 * An asterisk (`partial: true`: "the ISO/IEC control does not fully satisfy the intent of the NIST control")
 * lowers the confidence from medium to low instead of changing the relationship, because a partial overlap is
 * still an overlap. The two tables (NIST → ISO and ISO → NIST) do not list the same pairs; we take their union,
 * and a pair is partial when either table marks it so.
 * Textual refs: "All XX-1 controls" expands to every family's -1 control; "A.12.x" is read as the A.12 domain;
 * "Appendix J Privacy controls" (a rev4 notion with no rev5 counterpart) is skipped with a warning.
 */
const DOCUMENT =
  'NIST SP 800-53 Rev. 5 Control Mappings to ISO/IEC 27001 (content/mappings/nist-sp800-53r5_iso27001-2013_nist)';

const ref = z.object({ ref: z.string(), partial: z.boolean() });
const schema = z.object({
  table1_nist_to_iso: z.array(
    z.object({ nist_control: z.string(), withdrawn: z.boolean().optional(), iso27001_2013: z.array(ref) }),
  ),
  table2_iso_to_nist: z.array(z.object({ iso_ref: z.string(), nist_800_53r5: z.array(ref) })),
});

export interface NistIsoResult {
  set: MappingSet;
  warnings: string[];
}

export function nistIsoMappingSet(json: unknown, iso2013: CatalogEdition, nist: CatalogEdition): NistIsoResult {
  const r = schema.safeParse(json);
  if (!r.success) {
    throw new DomainError(
      'validation_failed',
      'NIST ↔ ISO mapping: invalid',
      r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    );
  }
  const warnings: string[] = [];
  const isoIds = new Set(iso2013.nodes.map((n) => n.id));
  const nistIds = new Set(nist.nodes.filter((n) => !n.flags.includes('withdrawn')).map((n) => n.id));
  const policyControls = nist.nodes
    .filter((n) => /^[a-z]{2}-1$/.test(n.id) && !n.flags.includes('withdrawn'))
    .map((n) => n.id);

  // pair "iso|nist" → which tables list it and whether any marks it partial
  const pairs = new Map<
    string,
    { iso: string; nist: string; tables: Set<number>; partial: boolean; textual?: string }
  >();
  const add = (isoRef: string, nistRef: string, partial: boolean, table: number) => {
    let isoId = isoRef;
    let textual: string | undefined;
    if (/^A\.\d+\.x$/.test(isoRef)) {
      isoId = isoRef.slice(0, -2);
      textual = `"${isoRef}" read as domain ${isoId}`;
    }
    let nistList: string[];
    if (nistRef === 'All XX-1 controls') {
      nistList = policyControls;
      textual = '"All XX-1 controls"';
    } else {
      const id = normalizeNistId(nistRef);
      if (!id) {
        warnings.push(`NIST ↔ ISO table ${table}: skipped "${nistRef}" for ISO ${isoRef} (not a control id)`);
        return;
      }
      nistList = [id];
    }
    if (!isoIds.has(isoId)) {
      warnings.push(`NIST ↔ ISO table ${table}: ISO ref ${isoRef} not in the ISO/IEC 27001:2013 catalog`);
      return;
    }
    for (const n of nistList) {
      if (!nistIds.has(n)) {
        warnings.push(
          `NIST ↔ ISO table ${table}: ${nistRef} (${n}) is not an active control in ${nist.catalog} ${nist.edition}`,
        );
        continue;
      }
      const k = `${isoId}|${n}`;
      const p = pairs.get(k) ?? { iso: isoId, nist: n, tables: new Set<number>(), partial: false };
      p.tables.add(table);
      p.partial ||= partial;
      if (textual) p.textual = textual;
      pairs.set(k, p);
    }
  };
  for (const row of r.data.table1_nist_to_iso)
    for (const x of row.iso27001_2013) add(x.ref, row.nist_control, x.partial, 1);
  for (const row of r.data.table2_iso_to_nist) for (const x of row.nist_800_53r5) add(row.iso_ref, x.ref, x.partial, 2);

  const mappings: Mapping[] = [...pairs.values()].map((p) => ({
    source: nodeKey(iso2013.catalog, iso2013.edition, p.iso),
    target: nodeKey(nist.catalog, nist.edition, p.nist),
    relationship: 'intersects-with',
    provenance: { document: DOCUMENT, method: 'official' },
    confidence: p.partial ? confidenceLevels.low : confidenceLevels.medium,
    note: formatNote({
      code: 'nist_tables',
      tables: [...p.tables].sort().join(' and '),
      partial: p.partial,
      source: p.textual ?? null,
    }),
  }));
  return {
    warnings,
    set: {
      id: 'nist-sp800-53r5_iso27001-2013_nist',
      title: 'NIST SP 800-53 Rev. 5 ↔ ISO/IEC 27001:2013 (NIST)',
      description:
        'NIST\'s mapping tables, union of both directions; "relates to" read as intersects-with, asterisk (partial) as low confidence.',
      provenance: 'content/mappings/nist-sp800-53r5_iso27001-2013_nist/PROVENANCE.md',
      mappings,
    },
  };
}
