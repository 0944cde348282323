import type { Issue, IssueCatalog, IssueParams } from '../errors';

/**
 * Every problem the criteria text import reports, with the params it carries. The UI says each one from
 * `issue.<code>` (or a variant `issue.<code>_<policy|lang>`) in its language; `message` stays English for the CLI.
 * `parent` and `level` name a parent node (`9`, `domain`); `value` is the cell as written, clipped to 40 characters.
 */
export const TEXT_IMPORT_ISSUES = {
  no_text_column: [],
  no_rows: [],
  bad_encoding: [],
  title_too_long: ['length', 'max'],
  text_too_long: ['length', 'max'],
  formula_payload: ['field', 'char'],
  empty_id: [],
  skipped_row: ['value'],
  invalid_id: ['value'],
  duplicate_id: ['id', 'policy', 'firstRow', 'keptRow'],
  unknown_id: ['id'],
  no_text: ['id'],
  unknown_parent: ['level', 'parent'],
  parent_title_conflict: ['level', 'parent', 'firstRow'],
  language_mismatch: ['lang'],
  no_parent: ['id', 'parent', 'catalog', 'edition'],
} as const satisfies IssueCatalog;
export type TextImportIssueCode = keyof typeof TEXT_IMPORT_ISSUES;

/**
 * Kinds whose sentence depends on one param: the UI says `issue.<code>_<value>` (`duplicate_id_first`), and every
 * value listed needs its own template in each language.
 */
export const TEXT_IMPORT_ISSUE_VARIANTS = {
  duplicate_id: { param: 'policy', values: ['reject', 'first', 'last'] },
  language_mismatch: { param: 'lang', values: ['ja', 'en'] },
} as const satisfies {
  [C in TextImportIssueCode]?: { param: (typeof TEXT_IMPORT_ISSUES)[C][number]; values: readonly string[] };
};
export type TextImportIssueParams<C extends TextImportIssueCode> = IssueParams<typeof TEXT_IMPORT_ISSUES, C>;

/** An import problem. Errors block the import; warnings are shown but do not. */
export interface TextImportIssue extends Issue {
  code: TextImportIssueCode;
  params: Record<string, string | number | boolean | null>;
  severity: 'error' | 'warning';
  /** Spreadsheet column letter ('B') when the problem is in one cell. */
  column?: string;
}

/** Where an issue is: the file row (1-based), the column letter, the field (its `path`) and the file name. */
export interface TextImportIssueWhere {
  row?: number | undefined;
  column?: string | undefined;
  field?: string | undefined;
  file?: string | undefined;
}

/**
 * One issue, its English message written from the same params the UI translates.
 * @example textImportIssue('error', 'duplicate_id', { id: '4.4.1', policy: 'reject', firstRow: 26, keptRow: 26 },
 *   { row: 30, column: 'A', field: 'id' }).message // 'duplicate id 4.4.1 (first at row 26)'
 */
export function textImportIssue<C extends TextImportIssueCode>(
  severity: TextImportIssue['severity'],
  code: C,
  params: TextImportIssueParams<C>,
  where: TextImportIssueWhere = {},
): TextImportIssue {
  const p = params as Record<string, string | number | boolean | null>;
  const issue: TextImportIssue = {
    severity,
    code,
    params: p,
    message: englishMessage(code, p),
    path: where.field ? [where.field] : [],
  };
  if (where.row !== undefined) issue.row = where.row;
  if (where.column !== undefined) issue.column = where.column;
  if (where.file !== undefined) issue.file = where.file;
  return issue;
}

function englishMessage(code: TextImportIssueCode, p: Record<string, string | number | boolean | null>): string {
  const v = (k: string) => String(p[k]);
  switch (code) {
    case 'no_text_column':
      return 'no title or text column: nothing to import';
    case 'no_rows':
      return 'the table has no data rows below the header';
    case 'bad_encoding':
      return 'bad encoding: bytes in this row could not be decoded (save the file as UTF-8 or .xlsx)';
    case 'title_too_long':
      return `title too long (${v('length')} characters, at most ${v('max')})`;
    case 'text_too_long':
      return `text too long (${v('length')} characters, at most ${v('max')})`;
    case 'formula_payload':
      return `the ${v('field')} starts with "${v('char')}": a spreadsheet would run it as a formula`;
    case 'empty_id':
      return 'empty id (the row has text but no id)';
    case 'skipped_row':
      return `skipped: "${v('value')}" is not an ISMAP id and the row has no text`;
    case 'invalid_id':
      return `"${v('value')}" is not an ISMAP id (expected e.g. 9.2.3 or 9.2.3.11.PB)`;
    case 'duplicate_id':
      if (p['policy'] === 'first') return `duplicate id ${v('id')}: skipped, row ${v('firstRow')} is kept`;
      if (p['policy'] === 'last') return `duplicate id ${v('id')}: this row replaces row ${v('keptRow')}`;
      return `duplicate id ${v('id')} (first at row ${v('firstRow')})`;
    case 'unknown_id':
      return `unknown id ${v('id')}: not in this edition (import into a new edition to add ids)`;
    case 'no_text':
      return `id ${v('id')} has no text`;
    case 'unknown_parent':
      return `${v('level')} ${v('parent')} is not in this edition: its title is not imported`;
    case 'parent_title_conflict':
      return `${v('level')} ${v('parent')} has another title here than at row ${v('firstRow')}; the first is kept`;
    case 'language_mismatch':
      return p['lang'] === 'en'
        ? 'most texts look Japanese but the import language is en (use --lang ja?)'
        : 'the texts do not look Japanese but the import language is ja (use --lang en?)';
    case 'no_parent':
      return `new id ${v('id')}: its parent ${v('parent')} is not in ${v('catalog')} ${v('edition')}`;
  }
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
