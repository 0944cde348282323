import { z } from 'zod';
import { DomainError, notFound, type Issue } from '../../../core/errors';
import { authorize, cloudServicePolicy } from '../../../core/policies';
import type { CloudService } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { serviceModel, serviceName, serviceScopeInput, serviceTrack } from './inputs';

export const updateCloudServiceInput = z
  .object({
    version: z.number().int().min(1).describe('The version the change was made on; a stale one answers 409'),
    name: serviceName.optional(),
    model: serviceModel.optional(),
    track: serviceTrack.optional(),
    scope: serviceScopeInput.optional(),
    owners: z.array(z.uuid()).max(50).optional().describe('User ids of members of the owning organization'),
  })
  .strict();
export type UpdateCloudServiceInput = z.input<typeof updateCloudServiceInput>;

/** Names, model, track, scope (sub-services, underlying services with registration numbers, regions, …), owners. */
export async function updateCloudService(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateCloudServiceInput,
): Promise<CloudService> {
  const v = updateCloudServiceInput.parse(input);
  return deps.uow.transaction(async (r) => {
    const before = await r.cloudServices.lock(id);
    if (!before) throw notFound('cloud_service');
    authorize(cloudServicePolicy, ctx.actor, 'update', before);
    if (before.version !== v.version)
      throw new DomainError('conflict', 'The service was changed meanwhile', [], {
        reason: 'cloud_service_version_conflict',
        params: { version: before.version },
        details: { current: before },
      });
    const issues: Issue[] = [];
    if (v.scope) {
      const seen = new Set<string>();
      v.scope.underlying.forEach((u, i) => {
        if (seen.has(u.id))
          issues.push({
            path: ['body', 'scope', 'underlying', i, 'id'],
            message: `underlying service id ${u.id} is used twice`,
            code: 'underlying_id_duplicate',
            params: { id: u.id },
          });
        seen.add(u.id);
      });
    }
    if (v.owners) {
      const members = new Set((await r.users.members(before.orgId)).map((m) => m.userId));
      v.owners.forEach((o, i) => {
        if (!members.has(o))
          issues.push({
            path: ['body', 'owners', i],
            message: `${o} is not a member of the organization`,
            code: 'owner_not_member',
            params: { userId: o },
          });
      });
    }
    if (issues.length > 0)
      throw new DomainError('validation_failed', 'The service was not changed', issues, {
        reason: 'cloud_service_invalid',
      });
    const after: CloudService = {
      ...before,
      ...(v.name ? { name: v.name } : {}),
      ...(v.model ? { model: v.model } : {}),
      ...(v.track ? { track: v.track } : {}),
      ...(v.scope ? { scope: v.scope } : {}),
      ...(v.owners ? { owners: [...new Set(v.owners)] } : {}),
      version: before.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    await r.cloudServices.update(after);
    await recordAudit(r, deps, ctx, {
      action: 'cloud_service.update',
      targetType: 'cloud_service',
      targetId: id,
      before,
      after,
      orgId: before.orgId,
      details: { fields: Object.keys(input).filter((k) => k !== 'version'), version: after.version },
    });
    return after;
  });
}
