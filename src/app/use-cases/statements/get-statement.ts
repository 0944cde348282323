import type { AppDeps, RequestContext } from '../../context';
import type { StatementView } from '../../statement-readiness';
import { readStatement, statementView, type LoadedStatement } from './statement-access';

/** The statement with its service and its readiness as this server keeps it (one revision query when current). */
export async function getStatement(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<LoadedStatement & { view: StatementView }> {
  const loaded = await readStatement(deps, ctx, id);
  return { ...loaded, view: await statementView(deps, loaded) };
}
