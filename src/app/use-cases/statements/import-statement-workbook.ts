import { DomainError, type Issue } from '../../../core/errors';
import { authorize, statementPolicy } from '../../../core/policies';
import type { Criterion } from '../../../core/statement/criteria';
import { diffStatementDocuments, type StatementDiff } from '../../../core/statement/diff';
import type { StatementDocument } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';
import { statementDocument } from './export-statement';
import { importStatementAnswers } from './import-statement-answers';
import { readStatement, statementView } from './statement-access';

const MAX_ISSUES = 200;

/** What reading the file gave: a document, or every problem with its sheet, row and column. */
export interface ParsedWorkbook {
  doc: StatementDocument | null;
  issues: Issue[];
}

export interface WorkbookImport {
  diff: StatementDiff;
  applied: boolean;
  /** Items written (0 on a dry run). */
  written: number;
  /** Changed fields the import does not apply: the service's own fields (edit the service) and the state. */
  ignored: string[];
}

const applied = new Set(['statement.period', 'statement.previousPeriod']);
const appliesHeader = (field: string) =>
  applied.has(field) || field.startsWith('statement.subsequentEvents') || field.startsWith('statement.specialNotes');

/**
 * An edited workbook against the stored statement: `dryRun` answers the diff only; confirming applies the changed
 * items and header fields in one transaction with one audit event (`statement.import`). A workbook of another
 * statement or edition is refused; an item someone changed since the export (`stale`) refuses the whole import.
 */
export async function importStatementWorkbook(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: {
    /** Reads the file against the statement's criteria; `stored` is the statement as it is (for formats that carry
     * no item versions or statement identity, such as an OSCAL SSP). */
    parse: (criteria: readonly Criterion[], stored: StatementDocument) => Promise<ParsedWorkbook>;
    file: string;
    dryRun: boolean;
    changeReason?: string | undefined;
  },
): Promise<WorkbookImport> {
  const loaded = await readStatement(deps, ctx, id);
  authorize(statementPolicy, ctx.actor, 'edit', loaded.statement);
  const view = await statementView(deps, loaded);
  const stored = statementDocument(loaded, view);
  const parsed = await input.parse(view.criteria.list, stored);
  if (!parsed.doc || parsed.issues.length > 0)
    throw new DomainError(
      'import_failed',
      `${parsed.issues.length} problem(s) in ${input.file}; nothing was imported`,
      parsed.issues.slice(0, MAX_ISSUES),
      {
        reason: 'text_import_failed',
        params: { count: parsed.issues.length, file: input.file },
        details: { issueTotal: parsed.issues.length },
      },
    );
  const imported = parsed.doc;
  const diff = diffStatementDocuments(stored, imported);
  if (diff.mismatch.length > 0)
    throw new DomainError('validation_failed', `The workbook is of another ${diff.mismatch.join(', ')}`, [], {
      reason: 'statement_import_mismatch',
      params: { fields: diff.mismatch.join(', ') },
    });
  const ignored = diff.header.map((h) => h.field).filter((f) => !appliesHeader(f));
  if (input.dryRun) return { diff, applied: false, written: 0, ignored };
  const byId = new Map(imported.items.map((i) => [i.criterion.id, i.answer]));
  const header: Record<string, unknown> = {};
  for (const h of diff.header) {
    if (!appliesHeader(h.field)) continue;
    const key = h.field.split('.')[1] as keyof StatementDocument['statement'];
    header[key] = imported.statement[key];
  }
  const { written } = await importStatementAnswers(deps, ctx, id, {
    answers: diff.items.map((d) => byId.get(d.itemId)!),
    checkVersions: true,
    source: input.file,
    changeReason: input.changeReason,
    header,
  });
  return { diff, applied: true, written, ignored };
}
