import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { lockItem } from './remediation-access';

/** Removes an item entered by mistake (editors); the audit row keeps what it was. */
export async function deleteRemediationItem(deps: AppDeps, ctx: RequestContext, id: string): Promise<void> {
  await deps.uow.transaction(async (r) => {
    const before = await lockItem(r, ctx, id, 'delete');
    await r.remediation.delete(id);
    await recordAudit(r, deps, ctx, {
      action: 'remediation.delete',
      targetType: 'remediation_item',
      targetId: id,
      before,
      orgId: before.orgId,
      details: { statementId: before.statementId, title: before.title },
    });
  });
}
