import { linkedBlockers, type LinkedBlocker } from '../../../core/remediation/blocker-links';
import type { RemediationItem } from '../../../core/remediation/model';
import { remediationFlags, type RemediationFlags } from '../../../core/remediation/overdue';
import type { Blocker } from '../../../core/statement/blockers';
import type { ReadinessSummary } from '../../../core/statement/readiness';
import type { AppDeps, RequestContext } from '../../context';
import { readStatement, statementView, type LoadedStatement } from '../statements/statement-access';
import { today } from './remediation-access';

/** An item as the plan shows it: overdue flags today and, per blocker link, whether readiness still reports it. */
export interface PlanEntry {
  item: RemediationItem;
  flags: RemediationFlags;
  linked: LinkedBlocker[];
}

export interface PlanReadiness {
  summary: ReadinessSummary;
  blockers: Blocker[];
}

/** The statement's current readiness (outside a transaction: PGlite has one connection). */
export async function readinessOf(deps: AppDeps, loaded: LoadedStatement): Promise<PlanReadiness> {
  const view = await statementView(deps, loaded);
  return { summary: view.readiness.summary(), blockers: view.readiness.blockers() };
}

export const entryOf = (item: RemediationItem, blockers: readonly Blocker[], on: string): PlanEntry => ({
  item,
  flags: remediationFlags(item, on),
  linked: linkedBlockers(item, blockers),
});

/** Re-reads the statement's readiness and presents one item against it: what a write answers with. */
export async function entryWithReadiness(deps: AppDeps, ctx: RequestContext, item: RemediationItem) {
  const loaded = await readStatement(deps, ctx, item.statementId);
  const readiness = await readinessOf(deps, loaded);
  return { entry: entryOf(item, readiness.blockers, today(deps)), readiness: readiness.summary };
}
