import { digestOf } from '../../../core/audit-chain';
import { applyProposedValue } from '../../../core/gap/apply-proposal';
import type { GapDecision, GapImport, ProposedValue, StoredProposal } from '../../../core/gap/gap-import';
import { DomainError, type Issue } from '../../../core/errors';
import { authorize, gapImportPolicy } from '../../../core/policies';
import { blankAnswer, type ItemAnswer } from '../../../core/statement/model';
import { answerIssues } from '../../../core/statement/selection';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import {
  assertEditable,
  assertSameEdition,
  lockStatement,
  readStatement,
  statementView,
} from '../statements/statement-access';

export interface GapDecisionToApply {
  proposal: StoredProposal;
  decision: GapDecision;
  /** The value written into the item: the proposal's, an edited one, or null for a rejection. */
  value: ProposedValue | null;
}

/**
 * Applies decisions to the statement under the statement's own rules (editable state, recorded change under audit,
 * same edition, answer structure), marks the proposals decided and records ONE `gap.decide` audit event listing
 * every decided proposal and every changed item with the SHA-256 of its answer before and after. All or nothing.
 * `expectedVersions` (per item) refuses with 409 when an item moved on since the caller read it.
 */
export async function applyGapDecisions(
  deps: AppDeps,
  ctx: RequestContext,
  gap: GapImport,
  decisions: readonly GapDecisionToApply[],
  opts: { mode: 'bulk' | 'item'; changeReason?: string | undefined; expectedVersions?: ReadonlyMap<string, number> },
): Promise<{ changed: ItemAnswer[]; decided: number }> {
  authorize(gapImportPolicy, ctx.actor, 'decide', gap);
  const outside = await readStatement(deps, ctx, gap.statementId);
  if (outside.statement.edition !== gap.ismapEdition)
    throw new DomainError('conflict', 'The statement moved to another edition since the import', [], {
      reason: 'gap_import_edition_moved',
      params: { edition: outside.statement.edition, imported: gap.ismapEdition },
    });
  const { criteria } = await statementView(deps, outside);
  const result = await deps.uow.transaction(async (r) => {
    const { statement, service } = await lockStatement(r, ctx, gap.statementId, 'edit');
    const changeReason = assertEditable(statement, opts.changeReason);
    assertSameEdition(statement, outside.statement);
    // The statement row is locked: decisions on one import serialise, so a proposal is decided once.
    const current = new Map((await r.gapImports.proposals(gap.id)).map((p) => [p.proposal.id, p]));
    for (const d of decisions)
      if (current.get(d.proposal.proposal.id)?.decision)
        throw new DomainError('conflict', `${d.proposal.proposal.id} was decided meanwhile`, [], {
          reason: 'gap_proposal_decided',
          params: { proposal: d.proposal.proposal.id },
        });
    const itemIds = [...new Set(decisions.filter((d) => d.value).map((d) => d.proposal.proposal.itemId))];
    const stored = new Map((await r.statements.itemsById(gap.statementId, itemIds)).map((a) => [a.itemId, a]));
    const underlying = service.scope.underlying.map((u) => u.id);
    const before = new Map<string, ItemAnswer>();
    const next = new Map<string, ItemAnswer>();
    const issues: Issue[] = [];
    decisions.forEach((d, i) => {
      if (!d.value) return;
      const itemId = d.proposal.proposal.itemId;
      const c = criteria.byId.get(itemId);
      if (!c) {
        issues.push({
          path: ['body', i],
          message: `${itemId} is not an item`,
          code: 'item_unknown',
          params: { item: itemId },
        });
        return;
      }
      const was = stored.get(itemId) ?? blankAnswer(itemId);
      const expected = opts.expectedVersions?.get(itemId);
      if (expected !== undefined && expected !== was.version)
        throw new DomainError('conflict', `${itemId} was changed meanwhile`, [], {
          reason: 'item_version_conflict',
          params: { item: itemId, version: was.version },
          details: { current: was },
        });
      if (!before.has(itemId)) before.set(itemId, was);
      const applied = applyProposedValue(c, next.get(itemId) ?? was, d.value, underlying);
      issues.push(...answerIssues(c, applied, new Set(underlying), ['body', i]));
      next.set(itemId, { ...applied, criteriaDigest: c.digest });
    });
    if (issues.length > 0)
      throw new DomainError('validation_failed', `${issues.length} item(s) refused; nothing was changed`, issues, {
        reason: 'gap_decision_refused',
        params: { count: issues.length },
      });
    const changed: { before: ItemAnswer; after: ItemAnswer }[] = [];
    for (const [itemId, a] of next) {
      const b = before.get(itemId)!;
      if (digestOf({ ...a, version: 0 }) === digestOf({ ...b, version: 0 })) continue;
      changed.push({ before: b, after: { ...a, version: b.version + 1 } });
    }
    const at = deps.clock.now();
    let to: number | null = null;
    if (changed.length > 0) {
      await r.statements.putItems(
        gap.statementId,
        changed.map((c) => c.after),
        at,
        ctx.actor.userId,
      );
      to = await r.statements.bumpItemsRevision(gap.statementId);
    }
    await r.gapImports.decide(
      gap.id,
      decisions.map((d) => ({
        id: d.proposal.proposal.id,
        decision: d.decision,
        decidedValue: d.value,
        decidedAt: at,
        decidedBy: ctx.actor.userId,
      })),
    );
    await recordAudit(r, deps, ctx, {
      action: 'gap.decide',
      targetType: 'statement',
      targetId: gap.statementId,
      before: changed.map((c) => c.before),
      after: changed.map((c) => c.after),
      orgId: statement.orgId,
      details: {
        gapImportId: gap.id,
        mode: opts.mode,
        count: decisions.length,
        proposals: decisions.map((d) => ({
          id: d.proposal.proposal.id,
          decision: d.decision,
          relationship: d.proposal.proposal.relationship,
        })),
        items: changed.map((c) => ({ itemId: c.after.itemId, before: digestOf(c.before), after: digestOf(c.after) })),
        ...(changeReason ? { changeReason, recordedChange: statement.state === 'under_audit' } : {}),
      },
    });
    return { changed, from: statement.itemsRevision, to };
  });
  if (result.to !== null)
    deps.statementReadiness.applied(
      gap.statementId,
      result.from,
      result.to,
      result.changed.map((c) => c.after),
    );
  return { changed: result.changed.map((c) => c.after), decided: decisions.length };
}
