import { z } from 'zod';
import { authorize, remediationPolicy } from '../../../core/policies';
import type { RemediationItem } from '../../../core/remediation/model';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { readStatement } from '../statements/statement-access';
import { parseOrThrow, remediationFields } from './inputs';

export const createRemediationInput = z
  .object({
    title: remediationFields.title,
    description: remediationFields.description.default(''),
    owner: remediationFields.owner.default(null),
    risk: remediationFields.risk.default('moderate'),
    plannedCompletion: remediationFields.plannedCompletion.default(null),
    milestones: remediationFields.milestones.default([]),
    links: remediationFields.links.default([]),
  })
  .strict();
export type CreateRemediationInput = z.input<typeof createRemediationInput>;

/** A new open item in a statement's remediation plan (editors of the statement's CSP). */
export async function createRemediationItem(
  deps: AppDeps,
  ctx: RequestContext,
  statementId: string,
  input: CreateRemediationInput,
): Promise<RemediationItem> {
  const { statement } = await readStatement(deps, ctx, statementId);
  authorize(remediationPolicy, ctx.actor, 'create', { orgId: statement.orgId }, 'remediation plan');
  const v = parseOrThrow(createRemediationInput, input);
  const now = deps.clock.now().toISOString();
  const item: RemediationItem = {
    id: deps.ids.uuid(),
    orgId: statement.orgId,
    statementId,
    title: v.title,
    description: v.description,
    owner: v.owner,
    risk: v.risk,
    status: 'open',
    plannedCompletion: v.plannedCompletion,
    actualCompletion: null,
    milestones: v.milestones.map((m) => ({ ...m, id: m.id ?? deps.ids.uuid() })),
    links: v.links,
    oscalUuid: null,
    version: 1,
    createdAt: now,
    createdBy: ctx.actor.userId,
    updatedAt: now,
  };
  return deps.uow.transaction(async (r) => {
    await r.remediation.insert(item);
    await recordAudit(r, deps, ctx, {
      action: 'remediation.create',
      targetType: 'remediation_item',
      targetId: item.id,
      after: item,
      orgId: item.orgId,
      details: { statementId, title: item.title, links: item.links.length },
    });
    return item;
  });
}
