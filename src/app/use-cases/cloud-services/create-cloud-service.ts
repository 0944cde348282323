import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { authorize, cloudServiceCreatePolicy } from '../../../core/policies';
import { emptyScope, type CloudService } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { serviceModel, serviceName, serviceTrack } from './inputs';

export const createCloudServiceInput = z
  .object({ name: serviceName, model: serviceModel, track: serviceTrack.default('ismap') })
  .strict();
export type CreateCloudServiceInput = z.input<typeof createCloudServiceInput>;

/** A new service of the caller's active organization (a CSP), with an empty scope for the scope editor to fill. */
export async function createCloudService(
  deps: AppDeps,
  ctx: RequestContext,
  input: CreateCloudServiceInput,
): Promise<CloudService> {
  const v = createCloudServiceInput.parse(input);
  const orgId = ctx.actor.activeOrgId;
  if (orgId === null)
    throw new DomainError('forbidden', 'Act for a cloud service provider organization to create a service', [], {
      reason: 'cloud_service_needs_csp',
    });
  authorize(cloudServiceCreatePolicy, ctx.actor, 'create', { orgId });
  const now = deps.clock.now().toISOString();
  const service: CloudService = {
    id: deps.ids.uuid(),
    orgId,
    name: v.name,
    model: v.model,
    track: v.track,
    scope: emptyScope(),
    owners: [ctx.actor.userId],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return deps.uow.transaction(async (r) => {
    await r.cloudServices.insert(service);
    await recordAudit(r, deps, ctx, {
      action: 'cloud_service.create',
      targetType: 'cloud_service',
      targetId: service.id,
      after: service,
      orgId,
      details: { name: service.name, model: service.model, track: service.track },
    });
    return service;
  });
}
