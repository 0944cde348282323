/** Chooses the sheet holding the criteria: the named one, or the one whose layout looks right (not the cover). */
import { applyColumnsOption, type ColumnsOption } from './columns-option';
import { detectColumns, type ColumnDetection } from './detect-columns';
import { tableError } from './table-error';
import type { Table, TableSheet } from './types';

export interface SheetSelection {
  sheet: TableSheet;
  detection: ColumnDetection;
}

/**
 * @example const { sheet, detection } = selectSheet(table, { file: 'criteria.xlsx' });
 */
export function selectSheet(table: Table, opts: { columns?: ColumnsOption; file?: string } = {}): SheetSelection {
  const where = opts.file === undefined ? {} : { file: opts.file };
  const tried: string[] = [];
  let best: SheetSelection | null = null;
  let lastError: unknown = null;
  for (const sheet of table.sheets) {
    tried.push(`"${sheet.name}"`);
    let detection: ColumnDetection | null = null;
    if (opts.columns) {
      try {
        detection = applyColumnsOption(sheet.rows, opts.columns, opts.file);
      } catch (e) {
        lastError = e;
      }
    } else detection = detectColumns(sheet.rows);
    if (detection && (!best || detection.score > best.detection.score)) best = { sheet, detection };
  }
  if (best) return best;
  if (lastError && table.sheets.length === 1) throw lastError;
  if (table.format !== 'xlsx') {
    throw tableError(
      'no_id_column',
      'no id column found: no header like "ID", "No." or "管理策番号" and no column of ISMAP ids (use --columns)',
      where,
    );
  }
  throw tableError(
    'wrong_sheet',
    `no sheet has an id column (looked at ${tried.join(', ')}); name the sheet with --sheet or the columns with --columns`,
    where,
    { sheets: tried.join(', ') },
  );
}
