/**
 * The notes ISMAP Hub writes on the mappings it derives or bundles. They are stored as English sentences (they
 * travel in OSCAL exports as remarks), and this one module both writes and reads them back, so the UI can say each in
 * the user's language. A note a person typed, or NIST's own wording, is none of these and is shown as written.
 */
export type BundledNote =
  | { code: 'shared_numbering' }
  | { code: 'detailed_under_objective' }
  | { code: 'iso_clause_tags'; tags: string }
  | { code: 'nist_tables'; tables: string; partial: boolean; source: string | null };

export const bundledNoteCodes = [
  'shared_numbering',
  'detailed_under_objective',
  'iso_clause_tags',
  'nist_tables',
] as const satisfies readonly BundledNote['code'][];

export function formatNote(n: BundledNote): string {
  switch (n.code) {
    case 'shared_numbering':
      return 'shared ISO/IEC 27002:2013 numbering';
    case 'detailed_under_objective':
      return 'detailed control under its control objective';
    case 'iso_clause_tags':
      return `tagged ${n.tags}`;
    case 'nist_tables':
      return [`NIST table ${n.tables}`, n.partial ? 'partial (*)' : '', n.source ?? ''].filter(Boolean).join('; ');
  }
}

/** The structured form of a note ISMAP Hub wrote, or null for any other text. */
export function parseNote(note: string): BundledNote | null {
  if (note === 'shared ISO/IEC 27002:2013 numbering') return { code: 'shared_numbering' };
  if (note === 'detailed control under its control objective') return { code: 'detailed_under_objective' };
  const tagged = /^tagged (\S.*)$/.exec(note);
  if (tagged) return { code: 'iso_clause_tags', tags: tagged[1]! };
  const nist = /^NIST table (1|2|1 and 2)(?:; (partial \(\*\)))?(?:; ([\s\S]+))?$/.exec(note);
  if (nist) return { code: 'nist_tables', tables: nist[1]!, partial: nist[2] !== undefined, source: nist[3] ?? null };
  return null;
}
