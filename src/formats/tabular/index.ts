/** Reading CSV/TSV/XLSX tables safely and finding the criteria columns in them. */
export { readTable } from './read-table';
export { decodeText, type DecodedText } from './decode-text';
export { sniffDelimiter } from './read-csv';
export {
  detectColumns,
  type ColumnDetection,
  type DetectedColumn,
  type DetectedColumns,
  type UncertainRole,
  type SheetColumn,
} from './detect-columns';
export { parseColumnsOption, applyColumnsOption, type ColumnsOption, type ColumnRef } from './columns-option';
export { selectSheet, type SheetSelection } from './select-sheet';
export {
  loadTextTable,
  toTextImportInput,
  toTextImportTable,
  describeTextTable,
  type LoadedTextTable,
  type TextTableDescription,
} from './load-text-table';
export { tableError, columnLetter, columnIndex, type TableErrorCode } from './table-error';
export { formatIssues } from '../../core/catalog/text-import-issues';
export * from './types';
