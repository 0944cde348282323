/** The statement (言明書) in and out of files: the xlsx workbook, the readiness PDF, the blockers CSV. */
export { writeStatementXlsx, type WriteStatementOptions } from './write-xlsx';
export {
  readStatementXlsx,
  STATEMENT_LIMITS,
  type CriteriaSource,
  type ReadStatementOptions,
  STATEMENT_ISSUES,
  statementIssueCodes,
  type StatementIssue,
  type StatementIssueCode,
  type StatementWorkbook,
  type WorkbookLocation,
} from './read-xlsx';
export { bundledStatementCriteria } from './bundled-criteria';
export { sheetNames, STATEMENT_FORMAT, STATEMENT_FORMAT_VERSION } from './layout';
export { diffStatementDocuments, type StatementDiff } from '../../core/statement/diff';
export { blockersCsv } from './blockers-csv';
export { ruleText, clearsText, type ReportLang } from './report-text';
export { renderReadinessPdf, type ReadinessPdfOptions } from './report-pdf';
export { checkStatementWorkbook, type LocatedBlocker, type StatementCheck } from './check';
export { isJsonStatementFile, readStatementFile, sspFileName } from './read-statement-file';
