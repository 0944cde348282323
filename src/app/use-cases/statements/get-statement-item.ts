import type { AppDeps, RequestContext } from '../../context';
import type { StatementView } from '../../statement-readiness';
import { criterionOf } from './put-statement-item';
import { readStatement, statementView, type LoadedStatement } from './statement-access';

/** One item of the statement (404 `statement_item_not_found` for an id outside its edition). */
export async function getStatementItem(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  itemId: string,
): Promise<LoadedStatement & { view: StatementView }> {
  const loaded = await readStatement(deps, ctx, id);
  const view = await statementView(deps, loaded);
  criterionOf(view.criteria.byId, itemId, loaded.statement.edition);
  return { ...loaded, view };
}
