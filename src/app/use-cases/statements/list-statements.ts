import { notFound } from '../../../core/errors';
import { authorize, can, cloudServicePolicy, statementPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import type { StoredStatement } from '../../ports/repositories';

export interface ListedStatement {
  statement: StoredStatement;
  /** From the readiness cache (built once per statement and items revision, then kept up to date incrementally). */
  readiness: { percent: number; blockerCount: number; ready: boolean };
}

/** The statements of one service, oldest first, each with its readiness. */
export async function listStatements(
  deps: AppDeps,
  ctx: RequestContext,
  serviceId: string,
): Promise<ListedStatement[]> {
  const service = await deps.uow.read.cloudServices.get(serviceId);
  if (!service) throw notFound('cloud_service');
  authorize(cloudServicePolicy, ctx.actor, 'read', service);
  const list = await deps.uow.read.statements.listForService(serviceId);
  const out: ListedStatement[] = [];
  for (const statement of list.filter((s) => can(statementPolicy, ctx.actor, 'read', s))) {
    const summary = (await deps.statementReadiness.view(deps, statement, service)).readiness.summary();
    out.push({
      statement,
      readiness: { percent: summary.total.percent, blockerCount: summary.blockerCount, ready: summary.ready },
    });
  }
  return out;
}
