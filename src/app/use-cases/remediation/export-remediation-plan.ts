import { DomainError } from '../../../core/errors';
import { authorize, remediationPolicy } from '../../../core/policies';
import type { RemediationItem } from '../../../core/remediation/model';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { readStatement, type LoadedStatement } from '../statements/statement-access';

/**
 * What an OSCAL POA&M export writes (the document itself is the formats layer's), recorded as an export: the plan
 * leaves the platform. An empty plan is refused (OSCAL requires at least one poam-item).
 */
export async function exportRemediationPlan(
  deps: AppDeps,
  ctx: RequestContext,
  statementId: string,
): Promise<{ loaded: LoadedStatement; items: RemediationItem[]; exportedAt: string }> {
  const loaded = await readStatement(deps, ctx, statementId);
  authorize(remediationPolicy, ctx.actor, 'export', { orgId: loaded.statement.orgId }, 'remediation plan');
  const items = await deps.uow.read.remediation.listForStatement(statementId);
  if (items.length === 0)
    throw new DomainError('conflict', 'The remediation plan has no items to export', [], {
      reason: 'remediation_plan_empty',
    });
  const exportedAt = deps.clock.now().toISOString();
  await deps.uow.transaction((r) =>
    recordAudit(r, deps, ctx, {
      action: 'remediation.export',
      targetType: 'statement',
      targetId: statementId,
      orgId: loaded.statement.orgId,
      details: { format: 'oscal-poam', items: items.length },
    }),
  );
  return { loaded, items, exportedAt };
}
