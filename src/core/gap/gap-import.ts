import type { GapReport } from './gap-report';
import type { IsoEdition } from './iso-ids';
import type { Proposal } from './proposals';
import type { ImplementationStatus, StoredSelection } from '../statement/model';

/**
 * One SoA or SSP imported for a statement, kept with its proposals and gap report. It belongs to the importing
 * organization alone: the proposals are rows of the import, never mappings, so no other organization's mapping
 * paths, search or graph can see them.
 */
export interface GapImport {
  id: string;
  orgId: string;
  statementId: string;
  kind: 'soa' | 'ssp';
  fileName: string;
  /** `<catalog>:<edition>` of the source controls. */
  sourceCatalog: string;
  isoEdition: IsoEdition | null;
  ismapEdition: string;
  summary: GapImportSummary;
  report: GapReport;
  createdAt: string;
  createdBy: string | null;
}

export interface GapImportSummary {
  controls: number;
  proposals: number;
  /** Catalogs the paths run through (`iso27001-2013` for a 2022 SoA: the 2013 ↔ 2022 correspondence set). */
  via: string[];
  /** Mapping sets any path uses, with their method, so the UI can say which correspondence was used. */
  sets: { id: string; method: string; document: string }[];
  /** Proposals whose best chain is only `intersects-with`. */
  intersectsOnly: number;
  /** SoA: the columns found and how; SSP: the profile resolved. */
  detection: unknown;
}

export const gapDecisions = ['accepted', 'rejected', 'edited'] as const;
export type GapDecision = (typeof gapDecisions)[number];

/** What a decision writes into the statement item. */
export interface ProposedValue {
  selection: StoredSelection;
  status: ImplementationStatus | null;
  draft: string;
}

export interface StoredProposal {
  importId: string;
  position: number;
  proposal: Proposal;
  decision: GapDecision | null;
  /** The value applied (the proposal's or the edited one); null when rejected or undecided. */
  decidedValue: ProposedValue | null;
  decidedAt: string | null;
  decidedBy: string | null;
}
