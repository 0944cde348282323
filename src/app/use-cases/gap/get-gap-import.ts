import type { GapImport, StoredProposal } from '../../../core/gap/gap-import';
import { groupByRelationship } from '../../../core/gap/proposals';
import type { Relationship } from '../../../core/mapping/model';
import type { AppDeps, RequestContext } from '../../context';
import { readGapImport } from './gap-import-access';

export interface GapImportDetail {
  import: GapImport;
  /** Proposals grouped by composed relationship, strongest first, each with its decision. */
  groups: { relationship: Relationship; proposals: StoredProposal[] }[];
}

/** One import with its proposals, as the wizard shows them. */
export async function getGapImport(deps: AppDeps, ctx: RequestContext, id: string): Promise<GapImportDetail> {
  const gap = await readGapImport(deps, ctx, id);
  const stored = await deps.uow.read.gapImports.proposals(id);
  const byId = new Map(stored.map((s) => [s.proposal.id, s]));
  const groups = groupByRelationship(stored.map((s) => s.proposal)).map((g) => ({
    relationship: g.relationship,
    proposals: g.proposals.map((p) => byId.get(p.id)!),
  }));
  return { import: gap, groups };
}
