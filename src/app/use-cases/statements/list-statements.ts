import { notFound } from '../../../core/errors';
import { authorize, can, cloudServicePolicy, statementPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import type { StoredStatement } from '../../ports/repositories';

/** The statements of one service, oldest first. */
export async function listStatements(
  deps: AppDeps,
  ctx: RequestContext,
  serviceId: string,
): Promise<StoredStatement[]> {
  const service = await deps.uow.read.cloudServices.get(serviceId);
  if (!service) throw notFound('cloud_service');
  authorize(cloudServicePolicy, ctx.actor, 'read', service);
  const list = await deps.uow.read.statements.listForService(serviceId);
  return list.filter((s) => can(statementPolicy, ctx.actor, 'read', s));
}
