/** A table read from a CSV/TSV or XLSX file, before any column meaning is attached. */
export interface TableRow {
  /** 1-based as Excel shows it (for CSV: the record number, a quoted multi-line cell counts once). */
  row: number;
  cells: string[];
  /** Bytes in this row could not be decoded; the cells hold U+FFFD where they failed. */
  badEncoding?: boolean;
}

export interface TableSheet {
  name: string;
  rows: TableRow[];
}

export type TableEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp932' | 'xlsx';

export interface Table {
  sheets: TableSheet[];
  encoding: TableEncoding;
  format: 'csv' | 'tsv' | 'xlsx';
}

export interface TableLimits {
  /** Largest file accepted, in bytes (CSV is read into memory to detect its encoding). */
  maxFileBytes: number;
  /** Sum of the declared uncompressed sizes of all zip entries, and of the bytes actually inflated. */
  maxUncompressedBytes: number;
  /** Compression ratio above which an entry larger than `ratioMinBytes` is treated as a zip bomb. */
  maxCompressionRatio: number;
  ratioMinBytes: number;
  maxZipEntries: number;
  maxRows: number;
  maxCellChars: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioMinBytes: 1024 * 1024,
  maxZipEntries: 5_000,
  maxRows: 100_000,
  maxCellChars: 1024 * 1024,
};

export interface ReadTableOptions {
  /** Read only this sheet (XLSX); an error lists the sheets when it does not exist. */
  sheet?: string;
  /** Force 'csv' or 'tsv' or 'xlsx' instead of deciding from the name and the bytes. */
  format?: 'csv' | 'tsv' | 'xlsx';
  /** Name used in error messages (defaults to the file's base name). */
  displayName?: string;
  limits?: Partial<TableLimits>;
}
