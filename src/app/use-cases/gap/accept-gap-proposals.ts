import { z } from 'zod';
import { DomainError, type Issue } from '../../../core/errors';
import { authorize, gapImportPolicy } from '../../../core/policies';
import type { ItemAnswer } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';
import { changeReasonInput } from '../statements/inputs';
import { applyGapDecisions } from './apply-gap-decisions';
import { readGapImport } from './gap-import-access';

export const acceptGapProposalsInput = z
  .object({
    proposalIds: z
      .array(z.string().min(1).max(300))
      .max(20000)
      .optional()
      .describe('Omitted: every undecided proposal that may be accepted in bulk (equal or superset-of)'),
    changeReason: changeReasonInput,
  })
  .strict();
export type AcceptGapProposalsInput = z.input<typeof acceptGapProposalsInput>;

/**
 * Accepts proposals in bulk — only those whose composed relationship is `equal` or `superset-of` (and not a
 * cloud-specific item): a `subset-of` or `intersects-with` proposal in the list refuses the whole request, it needs
 * a decision of its own. One transaction, one `gap.decide` audit event.
 */
export async function acceptGapProposals(
  deps: AppDeps,
  ctx: RequestContext,
  importId: string,
  input: AcceptGapProposalsInput,
): Promise<{ decided: number; changed: ItemAnswer[] }> {
  const v = acceptGapProposalsInput.parse(input);
  const gap = await readGapImport(deps, ctx, importId);
  authorize(gapImportPolicy, ctx.actor, 'decide', gap);
  const stored = await deps.uow.read.gapImports.proposals(importId);
  const byId = new Map(stored.map((p) => [p.proposal.id, p]));
  const issues: Issue[] = [];
  const chosen = v.proposalIds
    ? [...new Set(v.proposalIds)].flatMap((id, i) => {
        const p = byId.get(id);
        const issue = !p
          ? { code: 'proposal_unknown', message: `${id} is not a proposal of this import` }
          : !p.proposal.bulkAcceptable
            ? { code: 'proposal_needs_decision', message: `${id} is ${p.proposal.relationship}: decide it on its own` }
            : p.decision
              ? { code: 'proposal_decided', message: `${id} is already decided` }
              : null;
        if (issue) issues.push({ path: ['body', 'proposalIds', i], ...issue, params: { proposal: id } });
        return p && !issue ? [p] : [];
      })
    : stored.filter((p) => p.proposal.bulkAcceptable && !p.decision);
  if (issues.length > 0)
    throw new DomainError('validation_failed', `${issues.length} proposal(s) refused; nothing was changed`, issues, {
      reason: 'gap_bulk_refused',
      params: { count: issues.length },
    });
  if (chosen.length === 0) return { decided: 0, changed: [] };
  return applyGapDecisions(
    deps,
    ctx,
    gap,
    chosen.map((p) => ({ proposal: p, decision: 'accepted' as const, value: p.proposal.proposed })),
    { mode: 'bulk', changeReason: v.changeReason },
  );
}
