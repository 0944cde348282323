import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import type { Statement } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';
import type { StoredStatement } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';
import { localizedText } from '../cloud-services/inputs';
import { auditPeriodInput, changeReasonInput } from './inputs';
import { assertEditable, lockStatement } from './statement-access';

export const updateStatementInput = z
  .object({
    version: z.number().int().min(1).describe('The version the change was made on; a stale one answers 409'),
    period: auditPeriodInput.nullable().optional(),
    previousPeriod: auditPeriodInput.nullable().optional(),
    subsequentEvents: localizedText(20000).optional().describe('2.2.6 後発事象'),
    specialNotes: localizedText(20000).optional().describe('2.2.7 特記事項'),
    changeReason: changeReasonInput,
  })
  .strict();
export type UpdateStatementInput = z.input<typeof updateStatementInput>;

/** The statement's header: audit period, previous period, subsequent events, special notes. */
export async function updateStatement(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateStatementInput,
): Promise<StoredStatement> {
  const v = updateStatementInput.parse(input);
  return deps.uow.transaction(async (r) => {
    const { statement: before } = await lockStatement(r, ctx, id, 'edit');
    const changeReason = assertEditable(before, v.changeReason);
    if (before.version !== v.version)
      throw new DomainError('conflict', 'The statement was changed meanwhile', [], {
        reason: 'statement_version_conflict',
        params: { version: before.version },
        details: { current: before },
      });
    const { itemsRevision, ...rest } = before;
    const after: Statement = {
      ...rest,
      ...(v.period !== undefined ? { period: v.period } : {}),
      ...(v.previousPeriod !== undefined ? { previousPeriod: v.previousPeriod } : {}),
      ...(v.subsequentEvents ? { subsequentEvents: v.subsequentEvents } : {}),
      ...(v.specialNotes ? { specialNotes: v.specialNotes } : {}),
      version: before.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    await r.statements.update(after);
    await recordAudit(r, deps, ctx, {
      action: 'statement.update',
      targetType: 'statement',
      targetId: id,
      before: rest,
      after,
      orgId: before.orgId,
      details: {
        fields: Object.keys(input).filter((k) => k !== 'version' && k !== 'changeReason'),
        version: after.version,
        ...(changeReason ? { changeReason, recordedChange: before.state === 'under_audit' } : {}),
      },
    });
    return { ...after, itemsRevision };
  });
}
