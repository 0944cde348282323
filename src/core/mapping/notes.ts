/**
 * The notes ISMAP Hub writes on the mappings it derives or bundles. They are stored as English sentences (they
 * travel in OSCAL exports as remarks), and this one module both writes and reads them back, so the UI can say each in
 * the user's language. A note a person typed, or NIST's own wording, is none of these and is shown as written.
 */
export type BundledNote =
  | { code: 'shared_numbering' }
  | { code: 'detailed_under_objective' }
  | { code: 'iso_clause_tags'; tags: string }
  | { code: 'nist_tables'; tables: string; partial: boolean; source: string | null }
  | { code: 'iso_correspondence_1to1' }
  | { code: 'iso_correspondence_merged' }
  | { code: 'iso_correspondence_split' }
  | { code: 'same_control_id' };

const FIXED = {
  shared_numbering: 'shared ISO/IEC 27002:2013 numbering',
  detailed_under_objective: 'detailed control under its control objective',
  iso_correspondence_1to1: 'ISO/IEC 27002:2022 Annex B: one control to one control',
  iso_correspondence_merged: 'ISO/IEC 27002:2022 Annex B: merged into one 2022 control',
  iso_correspondence_split: 'ISO/IEC 27002:2022 Annex B: split over several 2022 controls',
  same_control_id: 'same control id in both revisions',
} as const;
type FixedCode = keyof typeof FIXED;

export const bundledNoteCodes = [
  'shared_numbering',
  'detailed_under_objective',
  'iso_clause_tags',
  'nist_tables',
  'iso_correspondence_1to1',
  'iso_correspondence_merged',
  'iso_correspondence_split',
  'same_control_id',
] as const satisfies readonly BundledNote['code'][];

export function formatNote(n: BundledNote): string {
  switch (n.code) {
    case 'iso_clause_tags':
      return `tagged ${n.tags}`;
    case 'nist_tables':
      return [`NIST table ${n.tables}`, n.partial ? 'partial (*)' : '', n.source ?? ''].filter(Boolean).join('; ');
    default:
      return FIXED[n.code];
  }
}

/** The structured form of a note ISMAP Hub wrote, or null for any other text. */
export function parseNote(note: string): BundledNote | null {
  for (const code of Object.keys(FIXED) as FixedCode[]) if (note === FIXED[code]) return { code } as BundledNote;
  const tagged = /^tagged (\S.*)$/.exec(note);
  if (tagged) return { code: 'iso_clause_tags', tags: tagged[1]! };
  const nist = /^NIST table (1|2|1 and 2)(?:; (partial \(\*\)))?(?:; ([\s\S]+))?$/.exec(note);
  if (nist) return { code: 'nist_tables', tables: nist[1]!, partial: nist[2] !== undefined, source: nist[3] ?? null };
  return null;
}
