import { digestOf } from '../../../core/audit-chain';
import { DomainError, type Issue } from '../../../core/errors';
import type { ItemAnswer, Statement } from '../../../core/statement/model';
import { blankAnswer } from '../../../core/statement/model';
import { answerIssues, normalizeSelection } from '../../../core/statement/selection';
import { editMode } from '../../../core/statement/lifecycle';
import { recordedChangeRevisions } from '../../../core/statement/recorded-change';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { assertEditable, assertSameEdition, lockStatement, readStatement, statementView } from './statement-access';

const MAX_ISSUES = 100;
const pick = (o: object, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));

export interface ImportAnswersInput {
  /** Whole answers; `version` is the stored version each was edited from (checked when `checkVersions`). */
  answers: readonly ItemAnswer[];
  /** Refuse the whole import when any stored answer moved on since (an edited workbook, a second session). */
  checkVersions: boolean;
  /** Where the answers come from (a file name, `demo`), kept in the audit row. */
  source: string;
  changeReason?: string | undefined;
  /** Header fields to change in the same transaction (an imported workbook's cover). */
  header?: Partial<Pick<Statement, 'period' | 'previousPeriod' | 'subsequentEvents' | 'specialNotes'>>;
}

/**
 * Writes many whole answers (an imported workbook, demo data) in one transaction with ONE audit event
 * (`statement.import`) listing every written item with the SHA-256 of its answer before and after. Everything is
 * checked first and nothing is written when anything is refused: unknown items, structure errors, stale versions.
 */
export async function importStatementAnswers(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: ImportAnswersInput,
): Promise<{ written: number }> {
  const outside = await readStatement(deps, ctx, id);
  const { criteria } = await statementView(deps, outside);
  const result = await deps.uow.transaction(async (r) => {
    const { statement, service } = await lockStatement(r, ctx, id, 'edit');
    const changeReason = assertEditable(statement, input.changeReason);
    assertSameEdition(statement, outside.statement);
    const ids = input.answers.map((a) => a.itemId);
    const stored = new Map((await r.statements.itemsById(id, ids)).map((a) => [a.itemId, a]));
    const underlying = new Set(service.scope.underlying.map((u) => u.id));
    const issues: Issue[] = [];
    const seen = new Set<string>();
    // Under audit every control change is a recorded change, and the history only grows (recorded-change.ts).
    const recorded =
      editMode(statement.state) === 'recorded_change'
        ? {
            effectiveDate: japanDate(deps.clock.now()),
            note: changeReason,
            recordedBy: (await r.users.get(ctx.actor.userId))?.displayName ?? null,
          }
        : null;
    const written: { before: ItemAnswer; after: ItemAnswer }[] = [];
    input.answers.forEach((a, i) => {
      const c = criteria.byId.get(a.itemId);
      const path = ['answers', i];
      if (!c || seen.has(a.itemId)) {
        issues.push({
          path,
          message: c ? `${a.itemId} appears twice` : `${a.itemId} is not a criteria item of ${statement.edition}`,
          code: c ? 'item_duplicate' : 'item_unknown',
          params: { item: a.itemId },
        });
        return;
      }
      seen.add(a.itemId);
      const before = stored.get(a.itemId) ?? blankAnswer(a.itemId);
      if (input.checkVersions && before.version !== a.version)
        issues.push({
          path: [...path, 'version'],
          message: `${a.itemId} was changed meanwhile (version ${before.version}, the import has ${a.version})`,
          code: 'item_version_stale',
          params: { item: a.itemId, stored: before.version, imported: a.version },
        });
      let revisions = a.revisions;
      if (recorded) {
        const history = recordedChangeRevisions(before, a, recorded, path);
        if (history.issue) issues.push(history.issue);
        else revisions = history.revisions;
      }
      const after: ItemAnswer = {
        ...a,
        revisions,
        selection: normalizeSelection(c, a.selection),
        criteriaDigest: c.digest,
        version: before.version + 1,
      };
      issues.push(...answerIssues(c, after, underlying, path));
      written.push({ before, after });
    });
    if (issues.length > 0)
      throw new DomainError(
        'validation_failed',
        `${issues.length} problem(s); nothing was imported`,
        issues.slice(0, MAX_ISSUES),
        {
          reason: 'statement_import_refused',
          params: { count: issues.length },
          details: { issueTotal: issues.length },
        },
      );
    const header = input.header && Object.keys(input.header).length > 0 ? input.header : null;
    if (written.length === 0 && !header) return { written, from: statement.itemsRevision, to: null };
    if (header) {
      const { itemsRevision: _rev, ...rest } = statement;
      await r.statements.update({
        ...rest,
        ...header,
        version: statement.version + 1,
        updatedAt: deps.clock.now().toISOString(),
      });
    }
    let to: number | null = null;
    if (written.length > 0) {
      await r.statements.putItems(
        id,
        written.map((w) => w.after),
        deps.clock.now(),
        ctx.actor.userId,
      );
      to = await r.statements.bumpItemsRevision(id);
    }
    await recordAudit(r, deps, ctx, {
      action: 'statement.import',
      targetType: 'statement',
      targetId: id,
      before: header
        ? { answers: written.map((w) => w.before), header: pick(statement, Object.keys(header)) }
        : written.map((w) => w.before),
      after: header ? { answers: written.map((w) => w.after), header } : written.map((w) => w.after),
      orgId: statement.orgId,
      details: {
        source: input.source,
        count: written.length,
        ...(header ? { header: Object.keys(header) } : {}),
        items: written.map((w) => ({ itemId: w.after.itemId, before: digestOf(w.before), after: digestOf(w.after) })),
        ...(changeReason ? { changeReason, recordedChange: statement.state === 'under_audit' } : {}),
      },
    });
    return { written, from: statement.itemsRevision, to };
  });
  if (result.to !== null && result.to !== undefined)
    deps.statementReadiness.applied(
      id,
      result.from,
      result.to,
      result.written.map((w) => w.after),
    );
  return { written: result.written.length };
}

/** The calendar day in Japan (UTC+9, no daylight saving): the date a recorded change takes effect on. */
const japanDate = (now: Date) => new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
