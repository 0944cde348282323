/**
 * Test-only helpers: fixtures are generated at test time (no binary files in the repository), including hostile
 * zips that no normal library would write.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

export const tempDir = () => mkdtemp(join(tmpdir(), 'ismap-tabular-'));

export async function writeTemp(dir: string, name: string, data: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

export interface ZipEntrySpec {
  name: string;
  /** Plain bytes, deflated by makeZip. */
  data?: Buffer;
  /** Pre-deflated bytes (raw deflate) with their true size. */
  deflated?: { raw: Buffer; size: number };
  /** Size to write in the headers instead of the true one (a lying header). */
  declaredSize?: number;
}

/** A minimal zip writer (no data descriptors, no zip64), enough to build hostile archives. */
export function makeZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const raw = e.deflated?.raw ?? zlib.deflateRawSync(e.data ?? Buffer.alloc(0));
    const size = e.declaredSize ?? e.deflated?.size ?? e.data?.length ?? 0;
    // CRC is not checked before the size limits trip, and computing it over 1 GB would slow the test.
    const crc = e.data ? zlib.crc32(e.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, raw);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(raw.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + raw.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}

/**
 * Raw deflate of `megabytes` MB of zeros without allocating them: one 1 MB block compressed with a full flush (so it
 * never refers back) repeated, then an empty final block. 1 GB costs about 1 MB.
 */
export function deflatedZeros(megabytes: number): { raw: Buffer; size: number } {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const parts: Buffer[] = Array.from({ length: megabytes }, () => block);
  parts.push(Buffer.from([0x03, 0x00]));
  return { raw: Buffer.concat(parts), size: megabytes * 1024 * 1024 };
}

const XLSX_SKELETON = (sheetXml: string): ZipEntrySpec[] => [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
  },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  },
  { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml) },
];

/** An .xlsx whose sheet declares the classic billion-laughs entities. */
export function billionLaughsXlsx(): Buffer {
  const lol = [
    '<!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
  ];
  const sheet = `<?xml version="1.0"?><!DOCTYPE worksheet [${lol.join('')}]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
  return makeZip(XLSX_SKELETON(sheet));
}

export function skeletonXlsx(sheetXml: string, extra: ZipEntrySpec[] = []): Buffer {
  return makeZip([...XLSX_SKELETON(sheetXml), ...extra]);
}

/** A realistic criteria workbook: a cover sheet first, then the criteria with a title block above Japanese headers. */
export async function criteriaWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('表紙');
  cover.getCell('A1').value = 'ISMAP管理基準';
  cover.getCell('A3').value = '改訂日';
  cover.getCell('B3').value = new Date(Date.UTC(2024, 6, 1));
  const ws = wb.addWorksheet('管理策基準');
  ws.getCell('A1').value = 'ISMAP管理基準 管理策基準';
  ws.mergeCells('A1:C1');
  ws.addRow([]);
  ws.addRow(['管理策番号', '管理策名\n(Title)', '詳細管理策']);
  ws.addRow([
    '9.2.3',
    '特権的アクセス権の管理',
    {
      richText: [
        { text: '特権的アクセス権の', font: { bold: true } },
        { text: '割当て及び利用は、制限し、管理する。' },
      ],
    },
  ]);
  ws.addRow(['9.2.3.11.PB', '', '管理者権限を\r\n制限する。']);
  ws.addRow([{ formula: '"8.1"&".5.4.P"', result: '8.1.5.4.P' }, '暗号化消去', '暗号化消去を行う。']);
  const n = ws.addRow([12.2, 'セクション', '']);
  n.getCell(1).numFmt = '0.0';
  await wb.xlsx.writeFile(path);
}
