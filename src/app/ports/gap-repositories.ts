import type { GapDecision, GapImport, ProposedValue, StoredProposal } from '../../core/gap/gap-import';
import type { Proposal } from '../../core/gap/proposals';

export interface GapProposalDecision {
  id: string;
  decision: GapDecision;
  decidedValue: ProposedValue | null;
  decidedAt: Date;
  decidedBy: string | null;
}

/** Gap imports and their proposals: private rows of the importing organization, never mapping sets. */
export interface GapImportRepository {
  insert(i: GapImport, proposals: readonly Proposal[]): Promise<void>;
  get(id: string): Promise<GapImport | null>;
  /** The statement's imports, newest first. */
  listForStatement(statementId: string): Promise<GapImport[]>;
  /** The proposals in their stored order. */
  proposals(importId: string): Promise<StoredProposal[]>;
  decide(importId: string, decisions: readonly GapProposalDecision[]): Promise<void>;
}
