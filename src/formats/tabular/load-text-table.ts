/**
 * The whole read side of `ismap catalog import-text`: read the file, pick the sheet, find the columns, and shape the
 * result for the pure validation in core (validateTextImport).
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
export async function loadTextTable(path: string, opts: ReadTableOptions & { columns?: string | ColumnsOption } = {}): Promise<LoadedTextTable> {
  // Parse the override first: a typo in --columns should fail before a large file is read.
  const columns = typeof opts.columns === 'string' ? parseColumnsOption(opts.columns) : opts.columns;
  const table = await readTable(path, opts);
  const file = opts.displayName ?? path.split(/[\\/]/).pop() ?? path;
  const selection = selectSheet(table, columns ? { columns, file } : { file });
  return { ...selection, file, encoding: table.encoding, format: table.format, sheetNames: table.sheets.map((s) => s.name) };
}

export function toTextImportInput(
  loaded: LoadedTextTable,
  rest: Pick<TextImportInput, 'lang' | 'knownIds' | 'allowNew' | 'limits'>,
): TextImportInput {
  const { detection, sheet, file } = loaded;
  const input: TextImportInput = {
    rows: sheet.rows,
    columns: detection.columns,
    headerRow: detection.dataStartRow - 1,
    lang: rest.lang,
    knownIds: rest.knownIds,
    file,
  };
  if (rest.allowNew !== undefined) input.allowNew = rest.allowNew;
  if (rest.limits !== undefined) input.limits = rest.limits;
  return input;
}
