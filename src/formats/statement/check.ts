import { readFile, stat } from 'node:fs/promises';
import type { Blocker } from '../../core/statement/blockers';
import { Readiness, type ReadinessSummary } from '../../core/statement/readiness';
import { describeFsError } from '../fs-errors';
import { bundledStatementCriteria } from './bundled-criteria';
import { issue, mb } from './grid';
import { readStatementXlsx, STATEMENT_LIMITS, type StatementIssue } from './read-xlsx';

export interface LocatedBlocker extends Blocker {
  /** Where to fix it in the workbook: the item's row, or the cover's audit-period row. */
  sheet: string | null;
  row: number | null;
}

export interface StatementCheck {
  file: string;
  catalog: string | null;
  edition: string | null;
  /** `bundled`: the criteria of the catalog edition shipped with ISMAP Hub; `workbook`: the workbook's own columns. */
  criteriaSource: 'bundled' | 'workbook' | null;
  /** Problems reading the workbook; when there are any, no blockers are computed. */
  readErrors: StatementIssue[];
  blockers: LocatedBlocker[];
  summary: ReadinessSummary | null;
  /** Nothing to fix: no read error and no blocker. */
  ok: boolean;
}

/**
 * Lints a statement workbook offline (no server, no database): reads it against the bundled criteria when its
 * catalog edition is bundled (else against its own criteria columns), runs readiness and locates every blocker.
 */
export async function checkStatementWorkbook(path: string, file = path): Promise<StatementCheck> {
  const result: StatementCheck = {
    file,
    catalog: null,
    edition: null,
    criteriaSource: null,
    readErrors: [],
    blockers: [],
    summary: null,
    ok: false,
  };
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.size > STATEMENT_LIMITS.maxFileBytes) {
      result.readErrors.push(
        issue(
          'file_too_large',
          `the file is ${mb(st.size)} MB, more than the limit of ${mb(STATEMENT_LIMITS.maxFileBytes)} MB`,
          {},
          { sizeMB: mb(st.size), maxMB: mb(STATEMENT_LIMITS.maxFileBytes) },
        ),
      );
      return result;
    }
    bytes = await readFile(path);
  } catch (e) {
    result.readErrors.push(issue('unreadable', `${file}: ${describeFsError(e)}`));
    return result;
  }
  // The bundled criteria are loaded only when the workbook names a bundled edition.
  const final = await readStatementXlsx(bytes, bundledStatementCriteria, { file });
  result.catalog = final.catalog;
  result.edition = final.edition;
  result.criteriaSource = final.catalog ? (final.criteriaSource === 'given' ? 'bundled' : 'workbook') : null;
  result.readErrors = final.issues;
  if (!final.doc) return result;
  const doc = final.doc;
  const r = new Readiness(
    doc.items.map((i) => i.criterion),
    doc.items.map((i) => i.answer),
    doc.service.scope.underlying,
    doc.statement.period,
    doc.statement.previousPeriod,
  );
  const periodRow = final.cover.get('statement.periodStart') ?? final.cover.get('statement.periodEnd');
  result.blockers = r.blockers().map((b) => {
    const at = b.itemId === null ? periodRow : final.items.get(b.itemId);
    return { ...b, sheet: at?.sheet ?? null, row: at?.row ?? null };
  });
  result.summary = r.summary();
  result.ok = result.blockers.length === 0;
  return result;
}
