import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import type { RemediationItem } from '../../../core/remediation/model';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { parseOrThrow, remediationFields } from './inputs';
import { lockItem } from './remediation-access';

export const updateRemediationInput = z
  .object({
    version: z.number().int().min(1),
    title: remediationFields.title.optional(),
    description: remediationFields.description.optional(),
    owner: remediationFields.owner.optional(),
    risk: remediationFields.risk.optional(),
    plannedCompletion: remediationFields.plannedCompletion.optional(),
    actualCompletion: remediationFields.plannedCompletion.optional(),
    milestones: remediationFields.milestones.optional(),
    links: remediationFields.links.optional(),
  })
  .strict();
export type UpdateRemediationInput = z.input<typeof updateRemediationInput>;

export function assertItemVersion(item: RemediationItem, version: number): void {
  if (item.version !== version)
    throw new DomainError('conflict', 'The remediation item was changed meanwhile', [], {
      reason: 'remediation_version_conflict',
      params: { version: item.version },
      details: { current: item },
    });
}

/** Changes an item's details, milestones or links (not its status: that is a move). 409 on a stale version. */
export async function updateRemediationItem(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateRemediationInput,
): Promise<RemediationItem> {
  const v = parseOrThrow(updateRemediationInput, input);
  return deps.uow.transaction(async (r) => {
    const before = await lockItem(r, ctx, id, 'update');
    assertItemVersion(before, v.version);
    const { version: _v, milestones, ...fields } = v;
    const set = Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== undefined));
    const after: RemediationItem = {
      ...before,
      ...set,
      ...(milestones ? { milestones: milestones.map((m) => ({ ...m, id: m.id ?? deps.ids.uuid() })) } : {}),
      version: before.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    await r.remediation.update(after);
    await recordAudit(r, deps, ctx, {
      action: 'remediation.update',
      targetType: 'remediation_item',
      targetId: id,
      before,
      after,
      orgId: after.orgId,
      details: { fields: Object.keys(set).concat(milestones ? ['milestones'] : []) },
    });
    return after;
  });
}
