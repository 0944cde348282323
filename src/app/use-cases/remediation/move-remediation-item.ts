import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { linkedBlockers } from '../../../core/remediation/blocker-links';
import type { RemediationItem } from '../../../core/remediation/model';
import { moveItem } from '../../../core/remediation/transitions';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { readStatement } from '../statements/statement-access';
import { remediationFields, parseOrThrow, remediationStatusInput } from './inputs';
import { entryWithReadiness, readinessOf } from './plan-view';
import { lockItem, readItem, today } from './remediation-access';
import { assertItemVersion } from './update-remediation-item';

export const moveRemediationInput = z
  .object({
    version: z.number().int().min(1),
    to: remediationStatusInput,
    actualCompletion: remediationFields.plannedCompletion.optional(),
  })
  .strict();
export type MoveRemediationInput = z.input<typeof moveRemediationInput>;

/**
 * Moves an item within the transition table. Closing re-runs readiness for what the item links: it is marked
 * `completed` only when none of its linked blockers (and linked items) is still reported — otherwise 409
 * `remediation_blockers_remain`, naming them, because a completed item whose gap is still open would mislead the
 * auditor. Accepting the risk or cancelling is allowed with blockers open (that is what they are for) and reports
 * them. The answer carries the item against the statement's fresh readiness.
 */
export async function moveRemediationItem(deps: AppDeps, ctx: RequestContext, id: string, input: MoveRemediationInput) {
  const v = parseOrThrow(moveRemediationInput, input);
  const current = await readItem(deps.uow.read, ctx, id);
  if (v.to === 'completed') {
    // Outside the transaction: readiness reads the statement's items (PGlite has one connection).
    const readiness = await readinessOf(deps, await readStatement(deps, ctx, current.statementId));
    const open = linkedBlockers(current, readiness.blockers).filter((l) => !l.cleared);
    if (open.length > 0)
      throw new DomainError(
        'conflict',
        `${open.length} linked blocker(s) are still reported by readiness: fix them before completing the item`,
        open.map((l, i) => ({
          path: ['links', i],
          message: `${l.link.rule ?? l.link.kind} on ${l.link.target ?? 'the statement'} still open`,
          code: 'blocker_open',
          params: { rule: l.link.rule, item: l.link.target },
        })),
        { reason: 'remediation_blockers_remain', params: { count: open.length }, details: { open } },
      );
  }
  const after = await deps.uow.transaction(async (r) => {
    const before = await lockItem(r, ctx, id, 'move');
    assertItemVersion(before, v.version);
    const moved: RemediationItem = {
      ...moveItem(before, v.to, today(deps), v.actualCompletion),
      version: before.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    await r.remediation.update(moved);
    await recordAudit(r, deps, ctx, {
      action: 'remediation.move',
      targetType: 'remediation_item',
      targetId: id,
      before,
      after: moved,
      orgId: moved.orgId,
      details: { from: before.status, to: moved.status },
    });
    return moved;
  });
  return entryWithReadiness(deps, ctx, after);
}
