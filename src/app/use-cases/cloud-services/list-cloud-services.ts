import { can, cloudServicePolicy } from '../../../core/policies';
import type { CloudService } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';

/** The services of the caller's active organization (none for a caller acting for no organization). */
export async function listCloudServices(deps: AppDeps, ctx: RequestContext): Promise<CloudService[]> {
  const orgId = ctx.actor.activeOrgId;
  if (orgId === null) return [];
  const services = await deps.uow.read.cloudServices.listForOrg(orgId);
  return services.filter((s) => can(cloudServicePolicy, ctx.actor, 'read', s));
}
