import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { itemFromBlocker } from '../../../core/remediation/blocker-links';
import { blockerRules } from '../../../core/statement/blockers';
import type { AppDeps, RequestContext } from '../../context';
import { readStatement, statementView } from '../statements/statement-access';
import { createRemediationItem } from './create-remediation-item';
import { parseOrThrow, remediationFields } from './inputs';

export const fromBlockerInput = z
  .object({
    rule: z.enum(blockerRules),
    itemId: z.string().min(1).max(100).nullable(),
    owner: remediationFields.owner.optional(),
    risk: remediationFields.risk.optional(),
    plannedCompletion: remediationFields.plannedCompletion.optional(),
  })
  .strict();
export type FromBlockerInput = z.input<typeof fromBlockerInput>;

/**
 * A new item for one blocker readiness reports now: its title, description and links come from the blocker, so
 * closing the item can tell whether that blocker cleared. A blocker readiness does not report is refused (409).
 */
export async function createRemediationFromBlocker(
  deps: AppDeps,
  ctx: RequestContext,
  statementId: string,
  input: FromBlockerInput,
) {
  const v = parseOrThrow(fromBlockerInput, input);
  const loaded = await readStatement(deps, ctx, statementId);
  const view = await statementView(deps, loaded);
  const blocker = view.readiness.blockers().find((b) => b.rule === v.rule && b.itemId === v.itemId);
  if (!blocker)
    throw new DomainError('conflict', `No ${v.rule} blocker on ${v.itemId ?? 'the statement'} now`, [], {
      reason: 'remediation_blocker_gone',
      params: { rule: v.rule, item: v.itemId },
    });
  const pre = itemFromBlocker(blocker);
  return createRemediationItem(deps, ctx, statementId, {
    ...pre,
    ...(v.owner !== undefined ? { owner: v.owner } : {}),
    ...(v.risk !== undefined ? { risk: v.risk } : {}),
    ...(v.plannedCompletion !== undefined ? { plannedCompletion: v.plannedCompletion } : {}),
  });
}
