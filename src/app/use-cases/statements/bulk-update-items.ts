import { z } from 'zod';
import { digestOf } from '../../../core/audit-chain';
import { DomainError, type Issue } from '../../../core/errors';
import { answerIssues, normalizeSelection } from '../../../core/statement/selection';
import { blankAnswer, type ItemAnswer } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';
import type { StatementView } from '../../statement-readiness';
import { recordAudit } from '../../record-audit';
import { changeReasonInput, itemIdInput, ownerText, reasonText, selectionInput, statusInput } from './inputs';
import { assertEditable, assertSameEdition, lockStatement, readStatement, statementView } from './statement-access';

/** More than the ~1,300 items of an edition, with room for a future larger one. */
export const MAX_BULK_ITEMS = 5000;
/** Issues sent back at most; `details.issueTotal` says how many there were. */
const MAX_ISSUES = 100;

export const bulkUpdateItemsInput = z
  .object({
    itemIds: z.array(itemIdInput).min(1).max(MAX_BULK_ITEMS),
    set: z
      .object({
        selection: selectionInput.optional(),
        status: statusInput.optional(),
        owner: ownerText.optional(),
        reason: reasonText.optional(),
      })
      .strict()
      .refine((s) => Object.keys(s).length > 0, { message: 'set at least one field' }),
    changeReason: changeReasonInput,
  })
  .strict();
export type BulkUpdateItemsInput = z.input<typeof bulkUpdateItemsInput>;

export interface BulkResult {
  /** The answers as stored now, in the order of `itemIds` (duplicates once). */
  answers: ItemAnswer[];
  /** Items whose answer changed (an item already in the requested state is left as it was). */
  changed: number;
  view: StatementView;
}

/**
 * Sets selection/status/owner/reason on many items in one transaction with ONE audit event
 * (`statement.bulk_update`) whose details list every changed item with the SHA-256 of its answer before and after:
 * a 1,368-item change is one event, not 1,368 chained ones. All or nothing: one refused item refuses the whole change.
 */
export async function bulkUpdateItems(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: BulkUpdateItemsInput,
): Promise<BulkResult> {
  const v = bulkUpdateItemsInput.parse(input);
  const ids = [...new Set(v.itemIds)];
  const outside = await readStatement(deps, ctx, id);
  const { criteria } = await statementView(deps, outside);
  const result = await deps.uow.transaction(async (r) => {
    const { statement, service } = await lockStatement(r, ctx, id, 'edit');
    const changeReason = assertEditable(statement, v.changeReason);
    assertSameEdition(statement, outside.statement);
    const issues: Issue[] = [];
    ids.forEach((itemId, i) => {
      if (!criteria.byId.has(itemId))
        issues.push({
          path: ['body', 'itemIds', v.itemIds.indexOf(itemId) >= 0 ? v.itemIds.indexOf(itemId) : i],
          message: `${itemId} is not a criteria item of ${statement.catalog} ${statement.edition}`,
          code: 'item_unknown',
          params: { item: itemId },
        });
    });
    if (issues.length > 0) throw refused(issues);
    const stored = new Map((await r.statements.itemsById(id, ids)).map((a) => [a.itemId, a]));
    const underlying = new Set(service.scope.underlying.map((u) => u.id));
    const answers: ItemAnswer[] = [];
    const changed: { before: ItemAnswer; after: ItemAnswer }[] = [];
    for (const itemId of ids) {
      const c = criteria.byId.get(itemId)!;
      const before = stored.get(itemId) ?? blankAnswer(itemId);
      const selection = v.set.selection !== undefined ? normalizeSelection(c, v.set.selection) : before.selection;
      const next: ItemAnswer = {
        ...before,
        selection,
        // Only inheritance names a service: a bulk change of selection away from it drops the link.
        inheritedFrom: selection === 'inherited' ? before.inheritedFrom : null,
        ...(v.set.status !== undefined ? { status: v.set.status } : {}),
        ...(v.set.owner !== undefined ? { owner: v.set.owner?.trim() || null } : {}),
        ...(v.set.reason !== undefined ? { reason: v.set.reason?.trim() ? v.set.reason : null } : {}),
      };
      issues.push(...answerIssues(c, next, underlying, ['body', 'itemIds', v.itemIds.indexOf(itemId)]));
      if (digestOf({ ...next, version: 0 }) === digestOf({ ...before, version: 0 })) {
        answers.push(before);
        continue;
      }
      const after = { ...next, criteriaDigest: c.digest, version: before.version + 1 };
      answers.push(after);
      changed.push({ before, after });
    }
    if (issues.length > 0) throw refused(issues);
    if (changed.length === 0) return { answers, changed: 0, statement, to: null };
    await r.statements.putItems(
      id,
      changed.map((c) => c.after),
      deps.clock.now(),
      ctx.actor.userId,
    );
    const to = await r.statements.bumpItemsRevision(id);
    await recordAudit(r, deps, ctx, {
      action: 'statement.bulk_update',
      targetType: 'statement',
      targetId: id,
      before: changed.map((c) => c.before),
      after: changed.map((c) => c.after),
      orgId: statement.orgId,
      details: {
        count: changed.length,
        set: v.set,
        items: changed.map((c) => ({ itemId: c.after.itemId, before: digestOf(c.before), after: digestOf(c.after) })),
        ...(changeReason ? { changeReason, recordedChange: statement.state === 'under_audit' } : {}),
      },
    });
    return { answers, changed: changed.length, statement, to, written: changed };
  });
  const { statement } = result;
  if (result.to !== null)
    deps.statementReadiness.applied(
      id,
      statement.itemsRevision,
      result.to,
      result.written!.map((c) => c.after),
    );
  const view = await statementView(deps, {
    statement: { ...statement, itemsRevision: result.to ?? statement.itemsRevision },
    service: outside.service,
  });
  return { answers: result.answers, changed: result.changed, view };
}

function refused(issues: Issue[]): DomainError {
  return new DomainError(
    'validation_failed',
    `${issues.length} item(s) refused; nothing was changed`,
    issues.slice(0, MAX_ISSUES),
    {
      reason: 'bulk_update_refused',
      params: { count: issues.length },
      details: { issueTotal: issues.length },
    },
  );
}
