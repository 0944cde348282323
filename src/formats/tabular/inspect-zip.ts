/**
 * Safety inspection of an .xlsx (a zip archive) before exceljs sees it. exceljs/JSZip trust the archive: a zip bomb
 * exhausts memory and a hostile XML part could try entity expansion. Here every entry is checked against the central
 * directory's declared sizes, then actually inflated with a byte cap (headers can lie) and scanned for DTDs.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { isDomainError } from '../../core/errors';
import { tableError } from './table-error';
import type { TableLimits } from './types';

export interface ZipInspection {
  entryNames: string[];
  /** Bytes actually inflated, all entries together. */
  inflatedBytes: number;
  /** `<row>` elements counted per worksheet part, so a huge sheet is refused before exceljs builds it in memory. */
  rowsPerSheet: Map<string, number>;
  cells: number;
}

const XML_PART = /\.(xml|rels|vml)$/i;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const DTD = /<!\s*(DOCTYPE|ENTITY)/i;
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
const CELL_TAG = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;
const TAIL = 64;

/** `source` is a file path or the workbook's bytes (an upload held in memory). */
export async function inspectZip(source: string | Buffer, file: string, limits: TableLimits): Promise<ZipInspection> {
  let zip: ZipFile;
  try {
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false };
    zip =
      typeof source === 'string'
        ? await yauzl.openPromise(source, options)
        : await yauzl.fromBufferPromise(source, options);
  } catch (e) {
    throw tableError(
      'corrupt_zip',
      `the workbook is truncated or corrupt and cannot be opened (${(e as Error).message}); save it again from Excel`,
      { file },
    );
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw tableError(
        'zip_bomb',
        `the workbook has ${zip.entryCount} parts (at most ${limits.maxZipEntries}); refusing a suspected zip bomb`,
        { file },
      );
    }
    const entries = await listEntries(zip, file, limits);
    checkIsWorkbook(
      entries.map((e) => e.fileName),
      file,
    );
    const result: ZipInspection = {
      entryNames: entries.map((e) => e.fileName),
      inflatedBytes: 0,
      rowsPerSheet: new Map(),
      cells: 0,
    };
    for (const entry of entries) await inflateAndScan(zip, entry, file, limits, result);
    return result;
  } finally {
    zip.close();
  }
}

async function listEntries(zip: ZipFile, file: string, limits: TableLimits): Promise<Entry[]> {
  const entries: Entry[] = [];
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted())
        throw tableError('encrypted', 'the workbook is encrypted: remove the password and save it again', { file });
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw tableError(
          'corrupt_zip',
          `the workbook part ${entry.fileName} uses an unsupported compression method (${entry.compressionMethod})`,
          { file },
        );
      }
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) {
        throw tableError(
          'zip_bomb',
          `the workbook would inflate to more than ${mb(limits.maxUncompressedBytes)}; refusing a suspected zip bomb`,
          { file },
        );
      }
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.ratioMinBytes && ratio > limits.maxCompressionRatio) {
        throw tableError(
          'zip_bomb',
          `the workbook part ${entry.fileName} is compressed ${Math.round(ratio)}:1 (at most ${limits.maxCompressionRatio}:1); refusing a suspected zip bomb`,
          { file },
        );
      }
      entries.push(entry);
    }
  } catch (e) {
    if (isDomainError(e)) throw e;
    throw tableError(
      'corrupt_zip',
      `the workbook is truncated or corrupt (${(e as Error).message}); save it again from Excel`,
      { file },
    );
  }
  return entries;
}

function checkIsWorkbook(names: string[], file: string) {
  const has = (n: string) => names.some((x) => x.toLowerCase() === n);
  if (has('xl/workbook.xml')) return;
  const hint = has('xl/workbook.bin')
    ? 'an Excel binary workbook (.xlsb)'
    : has('word/document.xml')
      ? 'a Word document'
      : has('content.xml')
        ? 'an OpenDocument file'
        : 'a zip archive without xl/workbook.xml';
  throw tableError('not_xlsx', `this is ${hint}, not an .xlsx workbook: save it as .xlsx or CSV`, { file });
}

async function inflateAndScan(zip: ZipFile, entry: Entry, file: string, limits: TableLimits, acc: ZipInspection) {
  const name = entry.fileName;
  const isXml = XML_PART.test(name);
  const isSheet = SHEET_PART.test(name);
  let tail = '';
  let rows = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      acc.inflatedBytes += chunk.length;
      if (acc.inflatedBytes > limits.maxUncompressedBytes) {
        stream.destroy();
        throw tableError(
          'zip_bomb',
          `the workbook inflates to more than ${mb(limits.maxUncompressedBytes)}; refusing a suspected zip bomb`,
          { file },
        );
      }
      if (!isXml) continue;
      // latin1 keeps one char per byte; NULs are dropped so a UTF-16 part cannot hide its DTD.
      const text = tail + chunk.toString('latin1').replace(/\u0000/g, '');
      if (DTD.test(text)) {
        stream.destroy();
        throw tableError(
          'xml_entities',
          `the workbook part ${name} declares a DOCTYPE or ENTITY (entity expansion / XXE); refusing it`,
          { file },
        );
      }
      if (isSheet) {
        rows += countNew(text, ROW_TAG, tail.length);
        acc.cells += countNew(text, CELL_TAG, tail.length);
        if (rows > limits.maxRows) {
          stream.destroy();
          throw tableError(
            'too_many_rows',
            `sheet part ${name} has more than ${limits.maxRows} rows`,
            { file },
            { max: limits.maxRows },
          );
        }
        if (acc.cells > limits.maxRows * 100) {
          stream.destroy();
          throw tableError(
            'too_many_rows',
            `the workbook has more than ${limits.maxRows * 100} cells`,
            { file },
            { max: limits.maxRows },
          );
        }
      }
      tail = text.slice(-TAIL);
    }
  } catch (e) {
    if (isDomainError(e)) throw e;
    const msg = (e as Error).message;
    if (/too many bytes|expected \d+/i.test(msg)) {
      throw tableError(
        'zip_bomb',
        `the workbook part ${name} inflates to more than its header declares; refusing a suspected zip bomb`,
        { file },
      );
    }
    throw tableError(
      'corrupt_zip',
      `the workbook is truncated or corrupt (${name}: ${msg}); save it again from Excel`,
      { file },
    );
  }
  if (isSheet) acc.rowsPerSheet.set(name, rows);
}

/** Counts matches not already counted in the previous chunk's tail (matches ending inside the tail were). */
function countNew(text: string, re: RegExp, tailLength: number): number {
  let n = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m.index + m[0].length > tailLength) n++;
  return n;
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
