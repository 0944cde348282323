/** CSV/TSV bytes → rows. Quote-aware delimiter sniffing; every quote error names its row. */
import { parse } from 'csv-parse/sync';
import { decodeText } from './decode-text';
import { columnLetter, tableError } from './table-error';
import type { Table, TableLimits, TableRow } from './types';

const CANDIDATES = ['\t', ',', ';'] as const;

/**
 * Picks the delimiter that splits the first lines most consistently. Counting skips quoted text, because English
 * prose in a quoted cell is full of commas.
 */
export function sniffDelimiter(text: string): '\t' | ',' | ';' {
  const sample = text.slice(0, 64 * 1024);
  const perLine: Record<string, number>[] = [];
  let counts: Record<string, number> = {};
  let quoted = false;
  for (let i = 0; i < sample.length && perLine.length < 50; i++) {
    const ch = sample[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && sample[i + 1] === '\n') i++;
      if (Object.keys(counts).length > 0) perLine.push(counts);
      counts = {};
    } else if (!quoted && (CANDIDATES as readonly string[]).includes(ch)) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  if (Object.keys(counts).length > 0) perLine.push(counts);
  let best: (typeof CANDIDATES)[number] = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const values = perLine.map((c) => c[d] ?? 0).filter((n) => n > 0);
    if (values.length === 0) continue;
    const mode = modeOf(values);
    // Lines agreeing on the count matter most; total lines using the delimiter break ties.
    const score = values.filter((v) => v === mode).length * 1000 + values.length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function modeOf(values: number[]): number {
  const freq = new Map<number, number>();
  for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
  let mode = values[0] ?? 0;
  for (const [v, f] of freq) if (f > (freq.get(mode) ?? 0)) mode = v;
  return mode;
}

interface CsvErrorLike {
  code?: string;
  records?: number;
  lines?: number;
  column?: number | string;
}

export function readCsv(buf: Buffer, file: string, limits: TableLimits, forced?: 'csv' | 'tsv'): Table {
  const decoded = decodeText(buf);
  if (decoded.text.includes('\u0000')) {
    throw tableError(
      'bad_encoding',
      'this looks like a binary file, not CSV text (export the sheet as CSV UTF-8 or .xlsx)',
      { file },
    );
  }
  const delimiter = forced === 'tsv' ? '\t' : forced === 'csv' ? ',' : sniffDelimiter(decoded.text);
  let records: string[][];
  try {
    records = parse(decoded.text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: false,
      // A record bigger than every cell at its limit is already too big; keeps a runaway quote from eating memory.
      max_record_size: limits.maxCellChars * 8,
    }) as string[][];
  } catch (e) {
    throw csvProblem(e as CsvErrorLike, file);
  }
  if (records.length > limits.maxRows) {
    throw tableError(
      'too_many_rows',
      `too many rows (${records.length}, at most ${limits.maxRows})`,
      { file },
      { max: limits.maxRows },
    );
  }
  const rows: TableRow[] = [];
  records.forEach((cells, i) => {
    const row = i + 1;
    cells.forEach((c, col) => {
      if (c.length > limits.maxCellChars) {
        throw tableError('cell_too_large', `cell too large (${c.length} characters, at most ${limits.maxCellChars})`, {
          file,
          row,
          column: columnLetter(col),
        });
      }
    });
    const r: TableRow = { row, cells };
    if (decoded.lossy && cells.some((c) => c.includes('\uFFFD'))) r.badEncoding = true;
    rows.push(r);
  });
  return { sheets: [{ name: file, rows }], encoding: decoded.encoding, format: delimiter === '\t' ? 'tsv' : 'csv' };
}

function csvProblem(e: CsvErrorLike, file: string) {
  const row = (e.records ?? 0) + 1;
  const column = typeof e.column === 'number' ? columnLetter(e.column) : undefined;
  const where = column === undefined ? { file, row } : { file, row, column };
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return tableError(
        'invalid_quotes',
        `unbalanced quotes: a quoted cell starting in this row is never closed (file ends at line ${e.lines})`,
        { file, row },
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return tableError(
        'invalid_quotes',
        'invalid quotes: text follows a closing quote (a quote inside a quoted cell must be doubled: "")',
        where,
      );
    case 'INVALID_OPENING_QUOTE':
      return tableError('invalid_quotes', 'invalid quotes: a quote appears inside an unquoted cell', where);
    case 'CSV_MAX_RECORD_SIZE':
      return tableError('cell_too_large', 'row too large (an unclosed quote may have swallowed the rest of the file)', {
        file,
        row,
      });
    default:
      return tableError('invalid_quotes', `could not parse the CSV: ${String((e as Error).message ?? e)}`, {
        file,
        row,
      });
  }
}
