import type ExcelJS from 'exceljs';
import type { MessageParams } from '../../core/errors';
import type { Issue } from '../../core/errors';
import { cellText } from '../tabular/cell-text';
import { columnLetter } from '../tabular/table-error';
import type { TableLimits } from '../tabular/types';
import { type Column, HEADER_ROWS } from './layout';

/**
 * Every code a statement workbook's issues carry (the UI translates them; `params` fill the message): the reader's
 * own, inspectZip's hostile-input refusals, and core's structure rules (answerIssues).
 */
export const statementIssueCodes = [
  // the file
  'file_too_large',
  'unreadable',
  'corrupt_zip',
  'zip_bomb',
  'xml_entities',
  'encrypted',
  'not_xlsx',
  'too_many_rows',
  'cell_too_large',
  'not_a_statement_workbook',
  'unsupported_format_version',
  'sheet_missing',
  'missing_column',
  'formula_cell',
  // the cover and the underlying services
  'duplicate_field',
  'unknown_value',
  'invalid_date',
  'service_id_missing',
  'duplicate_service',
  // the items and the change history
  'item_id_missing',
  'unknown_item',
  'duplicate_item',
  'item_missing',
  'item_wrong_sheet',
  'unknown_kind',
  'invalid_flags',
  'unknown_selection',
  'unknown_status',
  'invalid_number',
  'selection_exclude_objective_only',
  'selection_required_item',
  'selection_inherit_controls_only',
  'inherited_from_missing',
  'inherited_from_unknown',
  'inherited_from_not_inherited',
] as const;
export type StatementIssueCode = (typeof statementIssueCodes)[number];

/** A problem in a statement workbook, located by sheet, row and column (Excel's letters) where it has one. */
export interface StatementIssue extends Issue {
  code: StatementIssueCode;
  params: MessageParams;
  sheet: string | null;
  row?: number;
  column: string | null;
}

export function issue(
  code: StatementIssueCode,
  message: string,
  where: { sheet?: string | null; row?: number | null; column?: string | null } = {},
  params: MessageParams = {},
): StatementIssue {
  const sheet = where.sheet ?? null;
  const column = where.column ?? null;
  const out: StatementIssue = {
    path: [sheet ?? '', ...(where.row ? [where.row] : []), ...(column ? [column] : [])].filter((p) => p !== ''),
    code,
    // Bare: the location is in sheet/row/column, and each reader (CLI, UI) says it its own way.
    message,
    params: { ...params, sheet, row: where.row ?? null, column },
    sheet,
    column,
  };
  if (where.row) out.row = where.row;
  return out;
}

/** One sheet's cells as text, by 1-based row and 0-based column. */
export interface Grid {
  name: string;
  rows: Map<number, string[]>;
  /** Row numbers of the rows that have any text, in order; after mapColumns, only those below the headers. */
  dataRows: number[];
}

/** Reads a sheet's cells; formulas and oversized cells become issues (a statement holds text, never formulas). */
export function readGrid(ws: ExcelJS.Worksheet, limits: TableLimits, issues: StatementIssue[]): Grid {
  const rows = new Map<number, string[]>();
  const dataRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value as unknown;
      const where = { sheet: ws.name, row: r, column: columnLetter(c - 1) };
      if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
        issues.push(issue('formula_cell', 'a formula where text is expected: type the text itself', where));
        return;
      }
      const text = cellText(v, cell.numFmt);
      if (text.length > limits.maxCellChars) {
        issues.push(
          issue('cell_too_large', `cell too large (${text.length} characters, at most ${limits.maxCellChars})`, where, {
            length: text.length,
            max: limits.maxCellChars,
          }),
        );
        return;
      }
      while (cells.length < c - 1) cells.push('');
      cells[c - 1] = text;
      if (text !== '') any = true;
    });
    rows.set(r, cells);
    if (any) dataRows.push(r);
  });
  return { name: ws.name, rows, dataRows };
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Which column holds which field, from the Japanese (row 1) or English (row 2) header. Missing required columns
 * are issues. Leaves only the rows below the headers in `grid.dataRows`.
 */
export function mapColumns<K extends string>(
  grid: Grid,
  columns: readonly Column<K>[],
  required: readonly K[],
  issues: StatementIssue[],
): Map<K, number> {
  const byHeader = new Map<string, K>();
  for (const c of columns) {
    byHeader.set(norm(c.ja), c.key);
    byHeader.set(norm(c.en), c.key);
  }
  const out = new Map<K, number>();
  // Rows 1 and 2 are headers as written; a row that is mostly not headers (someone deleted the English header row)
  // is data, so that its item is not silently skipped.
  let headerEnd = 0;
  for (let r = 1; r <= HEADER_ROWS; r++) {
    const row = grid.rows.get(r) ?? [];
    const hits = row.flatMap((h, i) => {
      const key = byHeader.get(norm(h));
      return key === undefined ? [] : [[key, i] as const];
    });
    if (hits.length === 0 || hits.length * 2 < row.filter((h) => h !== '').length) break;
    for (const [key, i] of hits) if (!out.has(key)) out.set(key, i);
    headerEnd = r;
  }
  grid.dataRows = grid.dataRows.filter((r) => r > headerEnd);
  for (const k of required) {
    if (out.has(k)) continue;
    const c = columns.find((x) => x.key === k)!;
    issues.push(
      issue('missing_column', `no column "${c.ja}" / "${c.en}"`, { sheet: grid.name, row: 1 }, { column: c.en }),
    );
  }
  return out;
}

/** A row's cells by field key ('' for an absent cell or column), with a locator for issues. */
export function rowReader<K extends string>(grid: Grid, cols: Map<K, number>, r: number) {
  const cells = grid.rows.get(r) ?? [];
  return {
    get: (k: K): string => {
      const i = cols.get(k);
      return i === undefined ? '' : (cells[i] ?? '');
    },
    at: (k: K) => {
      const i = cols.get(k);
      return { sheet: grid.name, row: r, column: i === undefined ? null : columnLetter(i) };
    },
  };
}
