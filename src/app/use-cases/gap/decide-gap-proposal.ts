import { z } from 'zod';
import { DomainError, notFound } from '../../../core/errors';
import { authorize, gapImportPolicy } from '../../../core/policies';
import type { ItemAnswer } from '../../../core/statement/model';
import { implementationStatuses, storedSelections } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';
import { changeReasonInput } from '../statements/inputs';
import { applyGapDecisions } from './apply-gap-decisions';
import { readGapImport } from './gap-import-access';

export const decideGapProposalInput = z
  .object({
    decision: z.enum(['accept', 'reject', 'edit']),
    /** For `edit`: what to write instead of the proposal. */
    value: z
      .object({
        selection: z.enum(storedSelections),
        status: z.enum(implementationStatuses).nullable(),
        draft: z.string().max(20000),
      })
      .strict()
      .optional(),
    version: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("The item answer's version the caller saw; a stale one answers 409 item_version_conflict"),
    changeReason: changeReasonInput,
  })
  .strict();
export type DecideGapProposalInput = z.input<typeof decideGapProposalInput>;

/**
 * One decision on one proposal — the only way a `subset-of` or `intersects-with` proposal reaches the statement:
 * accept it as proposed, accept it edited, or reject it (recorded, nothing written into the item).
 */
export async function decideGapProposal(
  deps: AppDeps,
  ctx: RequestContext,
  importId: string,
  proposalId: string,
  input: DecideGapProposalInput,
): Promise<{ decided: number; changed: ItemAnswer[] }> {
  const v = decideGapProposalInput.parse(input);
  if (v.decision === 'edit' && !v.value)
    throw new DomainError(
      'validation_failed',
      'An edited decision gives the value to write',
      [{ path: ['body', 'value'], message: 'required for edit', code: 'value_required' }],
      { reason: 'gap_edit_value_required' },
    );
  const gap = await readGapImport(deps, ctx, importId);
  authorize(gapImportPolicy, ctx.actor, 'decide', gap);
  const p = (await deps.uow.read.gapImports.proposals(importId)).find((x) => x.proposal.id === proposalId);
  if (!p) throw notFound('gap_proposal');
  if (p.decision)
    throw new DomainError('conflict', `${proposalId} is already decided`, [], {
      reason: 'gap_proposal_decided',
      params: { proposal: proposalId },
    });
  const decision = v.decision === 'accept' ? 'accepted' : v.decision === 'reject' ? 'rejected' : 'edited';
  const value = v.decision === 'accept' ? p.proposal.proposed : v.decision === 'edit' ? v.value! : null;
  return applyGapDecisions(deps, ctx, gap, [{ proposal: p, decision, value }], {
    mode: 'item',
    changeReason: v.changeReason,
    ...(v.version !== undefined ? { expectedVersions: new Map([[p.proposal.itemId, v.version]]) } : {}),
  });
}
