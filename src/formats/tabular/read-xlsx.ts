/**
 * XLSX → rows, only after inspectZip has bounded the archive. exceljs's in-memory reader is used on purpose: it reads
 * entries through the central directory (JSZip), the same view inspectZip checked, whereas its streaming reader walks
 * local headers, which a crafted file can make disagree with the central directory.
 */
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { cellText } from './cell-text';
import { inspectZip } from './inspect-zip';
import { columnLetter, tableError } from './table-error';
import type { Table, TableLimits, TableRow, TableSheet } from './types';

export async function readXlsx(path: string, file: string, limits: TableLimits, sheetName?: string): Promise<Table> {
  await inspectZip(path, file, limits);
  // exceljs takes ~0.7 s to load: import it only when a workbook is actually read, not at server start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    await workbook.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw tableError(
      'corrupt_zip',
      `the workbook could not be read (${(e as Error).message}); save it again from Excel`,
      { file },
    );
  }
  let worksheets = workbook.worksheets;
  if (sheetName !== undefined) {
    const wanted = sameName(sheetName);
    worksheets = worksheets.filter((ws) => sameName(ws.name) === wanted);
    if (worksheets.length === 0) {
      const names = workbook.worksheets.map((ws) => `"${ws.name}"`).join(', ');
      throw tableError(
        'sheet_not_found',
        `no sheet named "${sheetName}" (the workbook has ${names || 'no sheets'})`,
        { file },
        { sheet: sheetName, sheets: names },
      );
    }
  }
  return { sheets: worksheets.map((ws) => readSheet(ws, file, limits)), encoding: 'xlsx', format: 'xlsx' };
}

/** Sheet names compared as a user types them: NFKC, trimmed, case-insensitive. */
const sameName = (s: string) => s.normalize('NFKC').trim().toLowerCase();

function readSheet(ws: ExcelJS.Worksheet, file: string, limits: TableLimits): TableSheet {
  if (ws.rowCount > limits.maxRows) {
    throw tableError(
      'too_many_rows',
      `sheet "${ws.name}" has ${ws.rowCount} rows (at most ${limits.maxRows})`,
      { file },
      { max: limits.maxRows },
    );
  }
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // Only the top-left cell of a merged range holds the value; repeating it would duplicate ids down a column.
      const merged = cell.isMerged && cell.master !== cell;
      const text = merged ? '' : cellText(cell.value, cell.numFmt);
      if (text.length > limits.maxCellChars) {
        throw tableError(
          'cell_too_large',
          `cell too large (${text.length} characters, at most ${limits.maxCellChars}) in sheet "${ws.name}"`,
          {
            file,
            row: rowNumber,
            column: columnLetter(col - 1),
          },
        );
      }
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = text;
    });
    rows.push({ row: rowNumber, cells });
  });
  return { name: ws.name, rows };
}
