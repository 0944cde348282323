import { authorize, remediationPolicy } from '../../../core/policies';
import type { RemediationDraft, RemediationItem } from '../../../core/remediation/model';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { readStatement } from '../statements/statement-access';

export interface ImportResult {
  created: number;
  updated: number;
  items: RemediationItem[];
}

/**
 * Writes items read from an OSCAL POA&M (already checked whole by the reader) into a statement's plan, in one
 * transaction with one audit row: an item whose uuid the plan already holds (its OSCAL uuid, or its own id in our export) is updated in place (a re-import
 * of an export does not duplicate), every other one is created. `dryRun` reports the counts and writes nothing.
 */
export async function importRemediationPlan(
  deps: AppDeps,
  ctx: RequestContext,
  statementId: string,
  drafts: readonly RemediationDraft[],
  opts: { dryRun?: boolean; file?: string } = {},
): Promise<ImportResult> {
  const { statement } = await readStatement(deps, ctx, statementId);
  authorize(remediationPolicy, ctx.actor, 'create', { orgId: statement.orgId }, 'remediation plan');
  const now = deps.clock.now().toISOString();
  const write = async (r: Parameters<Parameters<AppDeps['uow']['transaction']>[0]>[0]) => {
    // An item exported from this plan carries its own id as poam-item uuid; one imported before, its OSCAL uuid.
    const plan = await r.remediation.listForStatement(statementId);
    const existing = new Map(plan.map((i) => [i.oscalUuid ?? i.id, i]));
    const items: RemediationItem[] = [];
    let created = 0;
    for (const d of drafts) {
      const before = existing.get(d.oscalUuid);
      const milestones = d.milestones.map((m, i) => ({ ...m, id: before?.milestones[i]?.id ?? deps.ids.uuid() }));
      if (before) {
        const after = {
          ...before,
          ...d,
          oscalUuid: before.oscalUuid,
          milestones,
          version: before.version + 1,
          updatedAt: now,
        };
        if (!opts.dryRun) await r.remediation.update(after);
        items.push(after);
      } else {
        const item: RemediationItem = {
          ...d,
          milestones,
          id: deps.ids.uuid(),
          orgId: statement.orgId,
          statementId,
          version: 1,
          createdAt: now,
          createdBy: ctx.actor.userId,
          updatedAt: now,
        };
        if (!opts.dryRun) await r.remediation.insert(item);
        items.push(item);
        created++;
      }
    }
    const result = { created, updated: drafts.length - created, items };
    if (!opts.dryRun)
      await recordAudit(r, deps, ctx, {
        action: 'remediation.import',
        targetType: 'statement',
        targetId: statementId,
        after: items,
        orgId: statement.orgId,
        details: { created: result.created, updated: result.updated, file: opts.file ?? null },
      });
    return result;
  };
  return opts.dryRun ? write(deps.uow.read) : deps.uow.transaction(write);
}
