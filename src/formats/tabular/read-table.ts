/**
 * Entry point for reading a user's CSV/TSV/XLSX safely: size limits, format by magic bytes (not by trusting the
 * name), clear errors for the usual mistakes (.xls, renamed files, empty files).
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { tableError } from './table-error';
import { DEFAULT_TABLE_LIMITS, type ReadTableOptions, type Table } from './types';

const ZIP_MAGIC = [0x50, 0x4b];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads every sheet (or the one named in `opts.sheet`) into rows of strings.
 * @example const table = await readTable('ismap-criteria.xlsx', { sheet: '管理策基準' });
 */
export async function readTable(path: string, opts: ReadTableOptions = {}): Promise<Table> {
  const limits = { ...DEFAULT_TABLE_LIMITS, ...opts.limits };
  const file = opts.displayName ?? basename(path);
  const ext = extname(path).toLowerCase();
  const size = (await stat(path)).size;
  if (size === 0) throw tableError('empty_file', 'the file is empty', { file });
  if (size > limits.maxFileBytes) {
    throw tableError(
      'file_too_large',
      `the file is ${Math.ceil(size / 1048576)} MB (at most ${Math.floor(limits.maxFileBytes / 1048576)} MB)`,
      { file },
      { sizeMB: Math.ceil(size / 1048576), maxMB: Math.floor(limits.maxFileBytes / 1048576) },
    );
  }
  const head = await readHead(path, 8);
  const starts = (magic: number[]) => magic.every((b, i) => head[i] === b);

  let table: Table;
  if (starts(OLE2_MAGIC)) {
    throw tableError(
      'xls_format',
      'this is an old binary Excel file (.xls) or a password-protected workbook: open it in Excel and save as .xlsx or CSV',
      { file },
    );
  } else if (starts(ZIP_MAGIC)) {
    if (opts.format === 'csv' || opts.format === 'tsv')
      throw tableError('not_xlsx', 'this is a zip archive (an .xlsx?), not CSV text', { file });
    table = await readXlsx(path, file, limits, opts.sheet);
  } else if (opts.format === 'xlsx' || ext === '.xlsx' || ext === '.xlsm') {
    throw tableError(
      'not_xlsx',
      `this is not an Excel workbook: an .xlsx file is a zip archive, this one starts with ${describeHead(head)}; save it again as .xlsx or CSV`,
      { file },
    );
  } else if (ext === '.xls') {
    // Web systems often serve HTML or text named .xls; Excel opens it, we do not guess.
    throw tableError(
      'xls_format',
      'this .xls file is not an Excel workbook we can read: open it in Excel and save as .xlsx or CSV',
      { file },
    );
  } else {
    const forced = opts.format ?? (ext === '.tsv' ? 'tsv' : undefined);
    table = readCsv(await readFile(path), file, limits, forced);
  }
  if (!table.sheets.some((s) => s.rows.some((r) => r.cells.some((c) => c.trim() !== '')))) {
    throw tableError('empty_file', 'the file has no data (every cell is empty)', { file });
  }
  return table;
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function describeHead(head: Buffer): string {
  const text = head.toString('latin1');
  if (/^[\x20-\x7e\s]+$/.test(text)) return `"${text.trim().slice(0, 8)}" (text)`;
  return [...head.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}
