import { DomainError } from '../../core/errors';

/** Stable codes for problems reading a table; the CLI and UI may switch on them. */
export type TableErrorCode =
  | 'empty_file'
  | 'file_too_large'
  | 'bad_encoding'
  | 'invalid_quotes'
  | 'not_xlsx'
  | 'xls_format'
  | 'encrypted'
  | 'corrupt_zip'
  | 'zip_bomb'
  | 'xml_entities'
  | 'too_many_rows'
  | 'cell_too_large'
  | 'sheet_not_found'
  | 'wrong_sheet'
  | 'no_id_column'
  | 'unknown_column'
  | 'bad_columns_option';

export interface TableErrorLocation {
  file?: string;
  row?: number;
  column?: string;
}

/** A DomainError('import_failed') carrying one issue with the code and location, so formatIssues can print it. */
export function tableError(code: TableErrorCode, message: string, where: TableErrorLocation = {}): DomainError {
  const issue: {
    path: string[];
    message: string;
    code: string;
    severity: 'error';
    row?: number;
    file?: string;
    column?: string;
  } = {
    path: [],
    message,
    code,
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
