import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import type { AppDeps, RequestContext } from '../../context';
import type { MigrationAttentionRow } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';
import { lockStatement } from './statement-access';

export const markMigrationAttentionInput = z
  .object({ done: z.boolean().describe('true: ticked off (looked at); false: back on the list') })
  .strict();
export type MarkMigrationAttentionInput = z.input<typeof markMigrationAttentionInput>;

/**
 * Ticks one item of the edition migration's attention list off (or back on), by whoever may edit the statement,
 * with its audit row in the same transaction. It changes no answer, so it is allowed in every state.
 */
export async function markMigrationAttention(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  seq: number,
  input: MarkMigrationAttentionInput,
): Promise<MigrationAttentionRow> {
  const v = markMigrationAttentionInput.parse(input);
  return deps.uow.transaction(async (r) => {
    const { statement } = await lockStatement(r, ctx, id, 'edit');
    const before = (await r.statements.attention(id)).find((a) => a.seq === seq);
    if (!before)
      throw new DomainError('not_found', `The statement has no attention item ${seq}`, undefined, {
        reason: 'attention_not_found',
        params: { seq },
      });
    if ((before.doneAt !== null) === v.done) return before;
    const after = (await r.statements.markAttention(
      id,
      seq,
      v.done ? { at: deps.clock.now(), by: ctx.actor.userId } : null,
    ))!;
    await recordAudit(r, deps, ctx, {
      action: 'statement.attention_mark',
      targetType: 'statement',
      targetId: id,
      before: { seq, doneAt: before.doneAt },
      after: { seq, doneAt: after.doneAt },
      orgId: statement.orgId,
      details: { seq, reason: after.reason, itemId: after.itemId ?? after.fromId, done: v.done },
    });
    return after;
  });
}
