import { z } from 'zod';
import { assertTransition } from '../../../core/statement/lifecycle';
import type { AppDeps, RequestContext } from '../../context';
import type { StoredStatement } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';
import { lockStatement, readStatement, statementView } from './statement-access';
import { stateInput } from './inputs';

export const transitionStatementInput = z.object({ to: stateInput, reason: z.string().max(2000).optional() }).strict();
export type TransitionStatementInput = z.input<typeof transitionStatementInput>;

/** One step of the lifecycle (core/statement/lifecycle.ts); the audit row keeps the blockers left at that moment. */
export async function transitionStatement(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: TransitionStatementInput,
): Promise<StoredStatement> {
  const v = transitionStatementInput.parse(input);
  const summary = (await statementView(deps, await readStatement(deps, ctx, id))).readiness.summary();
  return deps.uow.transaction(async (r) => {
    const before = (await lockStatement(r, ctx, id, 'transition')).statement;
    assertTransition(before.state, v.to);
    const after: StoredStatement = {
      ...before,
      state: v.to,
      version: before.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    await r.statements.update(after);
    await recordAudit(r, deps, ctx, {
      action: 'statement.transition',
      targetType: 'statement',
      targetId: id,
      before: { state: before.state, version: before.version },
      after: { state: after.state, version: after.version },
      orgId: before.orgId,
      details: {
        from: before.state,
        to: v.to,
        blockers: summary.blockerCount,
        percent: summary.total.percent,
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      },
    });
    return after;
  });
}
