import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { answerIssues, normalizeSelection } from '../../../core/statement/selection';
import { blankAnswer, type ControlRevision, type ItemAnswer } from '../../../core/statement/model';
import type { LocalizedText } from '../../../core/catalog/model';
import type { Criterion } from '../../../core/statement/criteria';
import type { AppDeps, RequestContext } from '../../context';
import type { StatementView } from '../../statement-readiness';
import { recordAudit } from '../../record-audit';
import {
  changeReasonInput,
  controlRevisionInput,
  controlText,
  ownerText,
  reasonText,
  recordRevisionInput,
  selectionInput,
  statusInput,
} from './inputs';
import { assertEditable, assertSameEdition, lockStatement, readStatement, statementView } from './statement-access';

export const putStatementItemInput = z
  .object({
    version: z
      .number()
      .int()
      .min(0)
      .describe('The version the answer was edited from (0 for an item never answered); a stale one answers 409'),
    selection: selectionInput,
    reason: reasonText,
    inheritedFrom: z.string().max(64).nullable(),
    status: statusInput,
    owner: ownerText,
    control: controlText,
    revisions: z.array(controlRevisionInput).max(200).optional().describe('Omitted: the stored revisions stay'),
    revision: recordRevisionInput.optional(),
    changeReason: changeReasonInput,
  })
  .strict()
  .refine((v) => !(v.revisions && v.revision), {
    path: ['revision'],
    message: 'give either the whole revisions list or one revision to record, not both',
  });
export type PutStatementItemInput = z.input<typeof putStatementItemInput>;

/** The criterion of an item id in the statement's edition, or a 404 naming it. */
export function criterionOf(byId: ReadonlyMap<string, Criterion>, itemId: string, edition: string): Criterion {
  const c = byId.get(itemId);
  if (!c)
    throw new DomainError('not_found', `${itemId} is not a criteria item of the statement's edition`, undefined, {
      reason: 'statement_item_not_found',
      params: { item: itemId, edition },
    });
  return c;
}

const empty = (s: string | null | undefined) => (s?.trim() ? s : null);
/** Absent and null languages are stored alike (no text): keep the answer in the shape it reads back in. */
const compact = (t: { ja?: string | null | undefined; en?: string | null | undefined }) => ({
  ...(typeof t.ja === 'string' ? { ja: t.ja } : {}),
  ...(typeof t.en === 'string' ? { en: t.en } : {}),
});

/**
 * Writes one item's answer when `version` is the stored one; otherwise 409 `item_version_conflict` with the stored
 * answer in `details.current`, so the client shows both texts and nothing is overwritten silently. Structure errors
 * (an exclusion on a detailed control, …) are refused; missing texts are blockers, not errors (drafts autosave).
 */
export async function putStatementItem(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  itemId: string,
  input: PutStatementItemInput,
): Promise<{ answer: ItemAnswer; view: StatementView }> {
  const v = putStatementItemInput.parse(input);
  const outside = await readStatement(deps, ctx, id);
  const { criteria } = await statementView(deps, outside);
  const { answer, from, to, statement } = await deps.uow.transaction(async (r) => {
    const { statement, service } = await lockStatement(r, ctx, id, 'edit');
    const changeReason = assertEditable(statement, v.changeReason);
    assertSameEdition(statement, outside.statement);
    const c = criterionOf(criteria.byId, itemId, statement.edition);
    const stored = await r.statements.item(id, itemId);
    const before = stored ?? blankAnswer(itemId);
    if (before.version !== v.version)
      throw new DomainError('conflict', `${itemId} was changed meanwhile`, [], {
        reason: 'item_version_conflict',
        params: { item: itemId, version: before.version },
        details: { current: before },
      });
    const control = compact(v.control);
    const recordedBy = v.revision ? ((await r.users.get(ctx.actor.userId))?.displayName ?? null) : null;
    const answer: ItemAnswer = {
      itemId,
      selection: normalizeSelection(c, v.selection),
      reason: empty(v.reason),
      inheritedFrom: v.inheritedFrom,
      status: v.status,
      owner: empty(v.owner),
      control,
      revisions: revisionsAfter(statement.state === 'under_audit', before, control, v, changeReason, recordedBy),
      criteriaDigest: c.digest,
      version: before.version + 1,
    };
    const issues = answerIssues(c, answer, new Set(service.scope.underlying.map((u) => u.id)), ['body']);
    if (issues.length > 0)
      throw new DomainError('validation_failed', issues.map((i) => i.message).join('; '), issues, {
        reason: 'answer_invalid',
        params: { item: itemId },
      });
    await r.statements.putItems(id, [answer], deps.clock.now(), ctx.actor.userId);
    const to = await r.statements.bumpItemsRevision(id);
    await recordAudit(r, deps, ctx, {
      action: 'statement.item_update',
      targetType: 'statement',
      targetId: id,
      before,
      after: answer,
      orgId: statement.orgId,
      details: {
        itemId,
        version: answer.version,
        ...(changeReason ? { changeReason, recordedChange: statement.state === 'under_audit' } : {}),
        ...(answer.revisions.length > before.revisions.length && !v.revisions
          ? { revision: answer.revisions[answer.revisions.length - 1]!.effectiveDate }
          : {}),
      },
    });
    return { answer, from: statement.itemsRevision, to, statement };
  });
  deps.statementReadiness.applied(id, from, to, [answer]);
  const view = await statementView(deps, { statement: { ...statement, itemsRevision: to }, service: outside.service });
  return { answer, view };
}

const sameText = (a: LocalizedText, b: LocalizedText) => (a.ja ?? '') === (b.ja ?? '') && (a.en ?? '') === (b.en ?? '');

/**
 * The answer's change history after this write. `revision` appends the control's change from the stored text to
 * the new one, dated by the caller, noted with its note (or the change reason), with who recorded it. Under audit
 * the individual control changes only that way: a changed control without `revision` is refused
 * (`revision_required`), so saving other fields as they are typed never adds a revision per keystroke. A whole
 * `revisions` list replaces the history (workbook-style editing) outside an audit only.
 */
function revisionsAfter(
  underAudit: boolean,
  before: ItemAnswer,
  control: LocalizedText,
  v: z.output<typeof putStatementItemInput>,
  changeReason: string | null,
  recordedBy: string | null,
): ControlRevision[] {
  const changed = !sameText(before.control, control);
  if (v.revisions) {
    const list = v.revisions.map((x) => ({ ...x, before: compact(x.before), after: compact(x.after) }));
    if (underAudit && JSON.stringify(list) !== JSON.stringify(before.revisions))
      throw new DomainError(
        'validation_failed',
        'Under audit the change history only grows: record a revision instead of replacing the list',
        [
          {
            path: ['body', 'revisions'],
            message: 'the history cannot be rewritten under audit',
            code: 'revision_history_locked',
          },
        ],
        { reason: 'revision_history_locked' },
      );
    if (!underAudit || !changed) return list;
  }
  if (v.revision && !changed)
    throw new DomainError(
      'validation_failed',
      'A revision records a change of the individual control, and its text did not change',
      [{ path: ['body', 'revision'], message: 'the control text did not change', code: 'revision_unchanged' }],
      { reason: 'revision_unchanged', params: { item: before.itemId } },
    );
  if (underAudit && changed && !v.revision)
    throw new DomainError(
      'validation_failed',
      `Under audit the individual control of ${before.itemId} changes only as a recorded change: give revision with its date`,
      [
        {
          path: ['body', 'revision'],
          message: 'required to change the individual control under audit',
          code: 'revision_required',
        },
      ],
      { reason: 'revision_required', params: { item: before.itemId } },
    );
  if (!v.revision) return before.revisions;
  return [
    ...before.revisions,
    {
      effectiveDate: v.revision.effectiveDate,
      before: before.control,
      after: control,
      note: v.revision.note?.trim() || changeReason || null,
      recordedBy,
    },
  ];
}
