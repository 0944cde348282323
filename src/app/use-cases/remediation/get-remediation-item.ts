import type { AppDeps, RequestContext } from '../../context';
import { entryWithReadiness } from './plan-view';
import { readItem } from './remediation-access';

/** One item with its flags and linked blockers against the statement's readiness now. */
export async function getRemediationItem(deps: AppDeps, ctx: RequestContext, id: string) {
  const item = await readItem(deps.uow.read, ctx, id);
  return entryWithReadiness(deps, ctx, item);
}
