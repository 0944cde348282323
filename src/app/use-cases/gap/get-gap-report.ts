import type { GapImport } from '../../../core/gap/gap-import';
import type { GapReport } from '../../../core/gap/gap-report';
import type { Proposal } from '../../../core/gap/proposals';
import type { AppDeps, RequestContext } from '../../context';
import { readGapImport } from './gap-import-access';

/** The gap report of an import (what ISMAP asks beyond the imported posture) and the proposals, for downloads. */
export async function getGapReport(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ import: GapImport; report: GapReport; proposals: Proposal[] }> {
  const gap = await readGapImport(deps, ctx, id);
  const proposals = (await deps.uow.read.gapImports.proposals(id)).map((p) => p.proposal);
  return { import: gap, report: gap.report, proposals };
}
