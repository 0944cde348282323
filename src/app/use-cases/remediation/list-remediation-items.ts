import type { AppDeps, RequestContext } from '../../context';
import { readStatement } from '../statements/statement-access';
import { entryOf, readinessOf, type PlanEntry } from './plan-view';
import { today } from './remediation-access';
import type { LoadedStatement } from '../statements/statement-access';
import type { ReadinessSummary } from '../../../core/statement/readiness';

/**
 * A statement's remediation plan (members of its CSP only), each item with its overdue flags today and the state of
 * the blockers it links, against the statement's readiness now.
 */
export async function listRemediationItems(
  deps: AppDeps,
  ctx: RequestContext,
  statementId: string,
): Promise<{ loaded: LoadedStatement; entries: PlanEntry[]; readiness: ReadinessSummary }> {
  const loaded = await readStatement(deps, ctx, statementId);
  const readiness = await readinessOf(deps, loaded);
  const items = await deps.uow.read.remediation.listForStatement(statementId);
  const on = today(deps);
  return { loaded, entries: items.map((i) => entryOf(i, readiness.blockers, on)), readiness: readiness.summary };
}
