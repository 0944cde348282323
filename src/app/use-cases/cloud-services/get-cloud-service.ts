import { notFound } from '../../../core/errors';
import { authorize, cloudServicePolicy } from '../../../core/policies';
import type { CloudService } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';

export async function getCloudService(deps: AppDeps, ctx: RequestContext, id: string): Promise<CloudService> {
  const s = await deps.uow.read.cloudServices.get(id);
  if (!s) throw notFound('cloud_service');
  authorize(cloudServicePolicy, ctx.actor, 'read', s);
  return s;
}
