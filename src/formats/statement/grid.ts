import type ExcelJS from 'exceljs';
import type { Issue, IssueCatalog, IssueParams, MessageParams } from '../../core/errors';
import { cellText } from '../tabular/cell-text';
import { columnLetter } from '../tabular/table-error';
import type { TableLimits } from '../tabular/types';
import { type Column, HEADER_ROWS } from './layout';

/**
 * Every code a statement workbook's issues carry, with the params each one has (the UI says
 * `statementIssue.<code>` with them; `message` is the English sentence for the CLI): the reader's own, inspectZip's
 * hostile-input refusals (same params as TABLE_ISSUES), and core's structure rules (answerIssues). Every issue's
 * params also hold its location (`sheet`, `row`, `column`, null where it has none), which the UI shows beside it.
 */
export const STATEMENT_ISSUES = {
  // the file
  file_too_large: ['sizeMB', 'maxMB'],
  unreadable: [],
  corrupt_zip: [],
  zip_bomb: [],
  xml_entities: [],
  encrypted: [],
  not_xlsx: [],
  too_many_rows: ['max'],
  cell_too_large: ['length', 'max'],
  not_a_statement_workbook: [],
  unsupported_format_version: ['version', 'supported'],
  sheet_missing: ['sheet'],
  missing_column: ['column'],
  formula_cell: [],
  // the cover and the underlying services
  duplicate_field: ['field'],
  unknown_value: ['field', 'value', 'allowed'],
  invalid_date: ['field', 'value'],
  service_id_missing: [],
  duplicate_service: ['service'],
  // the items and the change history
  item_id_missing: [],
  unknown_item: ['item'],
  duplicate_item: ['item', 'firstRow'],
  item_missing: ['item'],
  item_wrong_sheet: ['item', 'tier'],
  unknown_kind: ['value'],
  invalid_flags: ['value'],
  unknown_selection: ['item', 'value'],
  unknown_status: ['item', 'value'],
  invalid_number: ['item', 'value'],
  invalid_revision_date: ['item', 'value'],
  selection_exclude_objective_only: ['item', 'selection'],
  selection_required_item: ['item', 'selection'],
  selection_inherit_controls_only: ['item', 'selection'],
  inherited_from_missing: ['item'],
  inherited_from_unknown: ['item', 'service'],
  inherited_from_not_inherited: ['item'],
} as const satisfies IssueCatalog;
export type StatementIssueCode = keyof typeof STATEMENT_ISSUES;
export const statementIssueCodes = Object.keys(STATEMENT_ISSUES) as StatementIssueCode[];
type Params<C extends StatementIssueCode> = IssueParams<typeof STATEMENT_ISSUES, C>;

/** A problem in a statement workbook, located by sheet, row and column (Excel's letters) where it has one. */
export interface StatementIssue extends Issue {
  code: StatementIssueCode;
  params: MessageParams;
  sheet: string | null;
  row?: number;
  column: string | null;
}

export const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** A code with params must be given them (the last argument is required then). */
export function issue<C extends StatementIssueCode>(
  code: C,
  message: string,
  where: { sheet?: string | null; row?: number | null; column?: string | null } = {},
  ...params: keyof Params<C> extends never ? [] : [Params<C>]
): StatementIssue {
  const sheet = where.sheet ?? null;
  const column = where.column ?? null;
  const out: StatementIssue = {
    path: [sheet ?? '', ...(where.row ? [where.row] : []), ...(column ? [column] : [])].filter((p) => p !== ''),
    code,
    // Bare: the location is in sheet/row/column, and each reader (CLI, UI) says it its own way.
    message,
    params: { ...(params[0] ?? {}), sheet, row: where.row ?? null, column },
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
