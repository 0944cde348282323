import type { Issue } from '../errors';

/** An import problem. Errors block the import; warnings are shown but do not. */
export interface TextImportIssue extends Issue {
  code: string;
  severity: 'error' | 'warning';
  /** Spreadsheet column letter ('B') when the problem is in one cell. */
  column?: string;
}

type AnyIssue = Issue & { severity?: 'error' | 'warning'; column?: string };

/**
 * One line per issue for CLI output, in the order given.
 * @example formatIssues([{ row: 12, column: 'B', message: 'duplicate id 9.2.3.11.PB (first at row 7)', … }])
 *   // 'row 12, column B: duplicate id 9.2.3.11.PB (first at row 7)'
 */
export function formatIssues(issues: readonly AnyIssue[]): string {
  return issues.map(formatIssue).join('\n');
}

export function formatIssue(issue: AnyIssue): string {
  const where: string[] = [];
  if (issue.row !== undefined) where.push(`row ${issue.row}`);
  if (issue.column !== undefined) where.push(`column ${issue.column}`);
  const location = where.join(', ');
  const prefix = [issue.severity === 'warning' ? 'warning' : '', issue.file ?? ''].filter(Boolean).join(': ');
  const head = [prefix, location].filter(Boolean).join(': ');
  return head ? `${head}: ${issue.message}` : issue.message;
}
