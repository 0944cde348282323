import { DomainError, type IssueCatalog, type IssueParams, type MessageParams } from '../../core/errors';

/**
 * Stable codes for problems reading a table, with the params each carries; the CLI and UI may switch on them. The UI
 * says `tableIssue.<code>` with the params; `message` is the detailed English sentence for the CLI.
 */
export const TABLE_ISSUES = {
  empty_file: [],
  file_too_large: ['sizeMB', 'maxMB'],
  bad_encoding: [],
  invalid_quotes: [],
  not_xlsx: [],
  xls_format: [],
  encrypted: [],
  corrupt_zip: [],
  zip_bomb: [],
  xml_entities: [],
  too_many_rows: ['max'],
  cell_too_large: [],
  sheet_not_found: ['sheet', 'sheets'],
  wrong_sheet: ['sheets'],
  no_id_column: [],
  unknown_column: ['role', 'column'],
  bad_columns_option: [],
} as const satisfies IssueCatalog;
export type TableErrorCode = keyof typeof TABLE_ISSUES;
type TableParams<C extends TableErrorCode> = IssueParams<typeof TABLE_ISSUES, C>;

export interface TableErrorLocation {
  file?: string;
  row?: number;
  column?: string;
}

/**
 * A DomainError('import_failed') carrying one issue with the code, params and location, so formatIssues can print it
 * and the UI say it. A code with params must be given them (the last argument is required then).
 */
export function tableError<C extends TableErrorCode>(
  code: C,
  message: string,
  where: TableErrorLocation = {},
  ...params: keyof TableParams<C> extends never ? [] : [TableParams<C>]
): DomainError {
  const issue: {
    path: string[];
    message: string;
    code: string;
    params: MessageParams;
    severity: 'error';
    row?: number;
    file?: string;
    column?: string;
  } = {
    path: [],
    message,
    code,
    params: params[0] ?? {},
    severity: 'error',
  };
  if (where.file !== undefined) issue.file = where.file;
  if (where.row !== undefined) issue.row = where.row;
  if (where.column !== undefined) issue.column = where.column;
  const loc = [
    where.file,
    where.row !== undefined ? `row ${where.row}` : undefined,
    where.column && `column ${where.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  return new DomainError('import_failed', loc ? `${loc}: ${message}` : message, [issue]);
}

/** 0 → 'A', 27 → 'AB'. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'A' → 0, 'ab' → 27; null when not letters. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
