import type ExcelJS from 'exceljs';
import type { MessageParams } from '../../core/errors';
import type { Issue } from '../../core/errors';
import { cellText } from '../tabular/cell-text';
import { columnLetter } from '../tabular/table-error';
import type { TableLimits } from '../tabular/types';
import { type Column, HEADER_ROWS } from './layout';

/** A problem in a statement workbook, located by sheet, row and column (Excel's letters) where it has one. */
export interface StatementIssue extends Issue {
  code: string;
  params: MessageParams;
  sheet: string | null;
  row?: number;
  column: string | null;
}

export function issue(
  code: string,
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
  /** Row numbers of data rows (after the headers) that have any text, in order. */
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
    if (any && r > HEADER_ROWS) dataRows.push(r);
  });
  return { name: ws.name, rows, dataRows };
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Which column holds which field, from the Japanese (row 1) or English (row 2) header. Missing required columns
 * are issues.
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
  for (let r = 1; r <= HEADER_ROWS; r++) {
    (grid.rows.get(r) ?? []).forEach((h, i) => {
      const key = byHeader.get(norm(h));
      if (key !== undefined && !out.has(key)) out.set(key, i);
    });
  }
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
