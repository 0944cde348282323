/**
 * The whole read side of `ismap catalog import-text`: read the file, pick the sheet, find the columns, and shape the
 * result for the use case (app/use-cases/catalogs/import-catalog-text.ts). Server and CLI call this, then the use case.
 */
import type { TextImportInput } from '../../core/catalog/text-import';
import { parseColumnsOption, type ColumnsOption } from './columns-option';
import { readTable } from './read-table';
import { selectSheet, type SheetSelection } from './select-sheet';
import type { ReadTableOptions, Table } from './types';

export interface LoadedTextTable extends SheetSelection {
  file: string;
  encoding: Table['encoding'];
  format: Table['format'];
  /** Names of every sheet read, for the UI. */
  sheetNames: string[];
}

/**
 * @example const loaded = await loadTextTable('criteria.xlsx', { columns: '{"id":"A","text":"C"}' });
 *          const result = validateTextImport(toTextImportInput(loaded, { lang: 'ja', knownIds, allowNew: false }));
 */
export async function loadTextTable(
  path: string,
  opts: ReadTableOptions & { columns?: string | ColumnsOption } = {},
): Promise<LoadedTextTable> {
  // Parse the override first: a typo in --columns should fail before a large file is read.
  const columns = typeof opts.columns === 'string' ? parseColumnsOption(opts.columns) : opts.columns;
  const table = await readTable(path, opts);
  const file = opts.displayName ?? path.split(/[\\/]/).pop() ?? path;
  const selection = selectSheet(table, columns ? { columns, file } : { file });
  return {
    ...selection,
    file,
    encoding: table.encoding,
    format: table.format,
    sheetNames: table.sheets.map((s) => s.name),
  };
}

/** The table part of the use case's input: rows, the columns found (parents included) and where data starts. */
export function toTextImportTable(
  loaded: LoadedTextTable,
): Pick<TextImportInput, 'rows' | 'columns' | 'headerRow' | 'file'> {
  const { detection, sheet, file } = loaded;
  return { rows: sheet.rows, columns: detection.columns, headerRow: detection.dataStartRow - 1, file };
}

export function toTextImportInput(
  loaded: LoadedTextTable,
  rest: Pick<TextImportInput, 'lang' | 'knownIds' | 'allowNew' | 'limits'>,
): TextImportInput {
  const input: TextImportInput = { ...toTextImportTable(loaded), lang: rest.lang, knownIds: rest.knownIds };
  if (rest.allowNew !== undefined) input.allowNew = rest.allowNew;
  if (rest.limits !== undefined) input.limits = rest.limits;
  return input;
}

/** What the reader found, for the report beside the use case's result. */
export function describeTextTable(loaded: LoadedTextTable) {
  return {
    file: loaded.file,
    format: loaded.format,
    encoding: loaded.encoding,
    sheet: loaded.sheet.name,
    sheetNames: loaded.sheetNames,
    detection: loaded.detection,
  };
}
export type TextTableDescription = ReturnType<typeof describeTextTable>;
