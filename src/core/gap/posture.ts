/**
 * What an organization already has, read from a Statement of Applicability (適用宣言書) or an OSCAL SSP: one entry
 * per source control, with where it came from, so every proposal can point back at its row or statement.
 */
export const postureStatuses = [
  'implemented',
  'partial',
  'planned',
  'not_implemented',
  'not_applicable',
  'unknown',
] as const;
export type PostureStatus = (typeof postureStatuses)[number];

export type PostureSource =
  | { kind: 'soa-row'; file: string; row: number }
  | { kind: 'ssp-requirement'; file: string; path: string; uuid: string; statementIds: string[] };

export interface PostureControl {
  /** Node key in the source catalog (`iso27001-2013:2013:A.9.2.3`, `nist-800-53r5:5.1.1:ac-2`). */
  key: string;
  id: string;
  title: string;
  status: PostureStatus;
  /** Implementation description (SoA) or the statements' descriptions (SSP). */
  text: string;
  justification: string | null;
  owner: string | null;
  source: PostureSource;
  /** SSP: responsible roles, control origination, inheritance. */
  roles?: string[];
  origination?: string[];
  inherited?: boolean;
  components?: string[];
}

export interface ImportedPosture {
  kind: 'soa' | 'ssp';
  file: string;
  /** `<catalog>:<edition>` of the source controls. */
  catalog: string;
  controls: PostureControl[];
  /** ISO/IEC 27001 requirement clauses (4–10) the SoA lists, as 2013 clause ids. */
  clauses: string[];
}
