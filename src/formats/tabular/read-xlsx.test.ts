import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors';
import { loadTextTable } from './load-text-table';
import { readTable } from './read-table';
import { selectSheet } from './select-sheet';
import {
  billionLaughsXlsx,
  criteriaWorkbook,
  deflatedZeros,
  makeZip,
  skeletonXlsx,
  tempDir,
  writeTemp,
} from './test-fixtures';

let dir: string;
let criteria: string;
beforeAll(async () => {
  dir = await tempDir();
  criteria = join(dir, 'criteria.xlsx');
  await criteriaWorkbook(criteria);
});

async function failure(p: Promise<unknown>) {
  const started = Date.now();
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return { message: e.message, code: e.issues?.[0]?.code, ms: Date.now() - started };
    throw e;
  }
  throw new Error('expected a failure');
}

describe('readTable: XLSX', () => {
  it('reads every sheet; rich text, formulas, numbers, dates and line breaks come out as text', async () => {
    const t = await readTable(criteria);
    expect(t).toMatchObject({ encoding: 'xlsx', format: 'xlsx' });
    expect(t.sheets.map((s) => s.name)).toEqual(['表紙', '管理策基準']);
    expect(t.sheets[0]?.rows.find((r) => r.row === 3)?.cells).toEqual(['改訂日', '2024-07-01']);
    const rows = t.sheets[1]?.rows ?? [];
    const byRow = (n: number) => rows.find((r) => r.row === n)?.cells;
    expect(byRow(1)).toEqual(['ISMAP管理基準 管理策基準', '', '']); // merged A1:C1 keeps the value once
    expect(byRow(3)).toEqual(['管理策番号', '管理策名\n(Title)', '詳細管理策']);
    expect(byRow(4)?.[2]).toBe('特権的アクセス権の割当て及び利用は、制限し、管理する。');
    expect(byRow(5)?.[2]).toBe('管理者権限を\n制限する。'); // XML parsing folds CRLF
    expect(byRow(6)?.[0]).toBe('8.1.5.4.P');
    expect(byRow(7)?.[0]).toBe('12.2');
  });

  it('picks the criteria sheet, not the cover sheet, and detects the Japanese headers', async () => {
    const { sheet, detection } = selectSheet(await readTable(criteria));
    expect(sheet.name).toBe('管理策基準');
    expect(detection.headerRow).toBe(3);
    expect(detection.dataStartRow).toBe(4);
    expect(detection.columns.id).toMatchObject({ letter: 'A', header: '管理策番号', matchedBy: 'header' });
    expect(detection.columns.title?.letter).toBe('B');
    expect(detection.columns.text?.letter).toBe('C');
    expect(detection.confidence).toBe('high');
    expect(detection.preview[0]).toMatchObject({ row: 4, id: '9.2.3' });
  });

  it('reads only the sheet named with --sheet, and lists the sheets when it does not exist', async () => {
    const t = await readTable(criteria, { sheet: '管理策基準' });
    expect(t.sheets.map((s) => s.name)).toEqual(['管理策基準']);
    const f = await failure(readTable(criteria, { sheet: 'Controls' }));
    expect(f.code).toBe('sheet_not_found');
    expect(f.message).toContain('"表紙", "管理策基準"');
  });

  it('says which sheets it looked at when none has an id column', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Cover').addRow(['ISMAP criteria']);
    wb.addWorksheet('Revisions').addRows([
      ['Date', 'Change'],
      ['2024-07-01', 'four controls added'],
    ]);
    const p = join(dir, 'nocriteria.xlsx');
    await wb.xlsx.writeFile(p);
    const f = await failure(loadTextTable(p));
    expect(f.code).toBe('wrong_sheet');
    expect(f.message).toContain('"Cover", "Revisions"');
  });

  it('enforces the row limit before exceljs builds the sheet', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(
      '',
    );
    const p = await writeTemp(dir, 'rows.xlsx', skeletonXlsx(`<worksheet><sheetData>${rows}</sheetData></worksheet>`));
    expect((await failure(readTable(p, { limits: { maxRows: 10 } }))).code).toBe('too_many_rows');
  });
});

describe('readTable: hostile and broken workbooks fail fast with a clear error', () => {
  it('a zip bomb: a 1 GB entry of zeros (declared honestly)', async () => {
    const p = await writeTemp(
      dir,
      'bomb.xlsx',
      makeZip([...zipParts(), { name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(1024) }]),
    );
    const f = await failure(readTable(p));
    expect(f.code).toBe('zip_bomb');
    expect(f.ms).toBeLessThan(2000);
  });

  it('a zip bomb under the total limit but with an absurd compression ratio', async () => {
    const p = await writeTemp(
      dir,
      'ratio.xlsx',
      makeZip([...zipParts(), { name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(50) }]),
    );
    const f = await failure(readTable(p));
    expect(f.code).toBe('zip_bomb');
    expect(f.message).toMatch(/compressed \d+:1/);
  });

  it('a zip bomb whose headers lie about the size (caught while inflating)', async () => {
    const p = await writeTemp(
      dir,
      'liar.xlsx',
      makeZip([...zipParts(), { name: 'xl/worksheets/sheet1.xml', deflated: { ...deflatedZeros(1024), size: 1000 } }]),
    );
    const f = await failure(readTable(p));
    expect(f.code).toBe('zip_bomb');
    expect(f.message).toContain('more than its header declares');
    expect(f.ms).toBeLessThan(2000);
  });

  it('billion laughs: a DOCTYPE with entities in a sheet', async () => {
    const p = await writeTemp(dir, 'lol.xlsx', billionLaughsXlsx());
    const f = await failure(readTable(p));
    expect(f.code).toBe('xml_entities');
    expect(f.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('a truncated workbook (cut in half)', async () => {
    const bytes = await readFile(criteria);
    const p = await writeTemp(dir, 'half.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const f = await failure(readTable(p));
    expect(f.code).toBe('corrupt_zip');
    expect(f.message).toMatch(/truncated or corrupt/);
  });

  it('an empty file', async () => {
    expect((await failure(readTable(await writeTemp(dir, 'empty.xlsx', '')))).code).toBe('empty_file');
  });

  it('CSV text renamed .xlsx', async () => {
    const f = await failure(readTable(await writeTemp(dir, 'renamed.xlsx', 'ID,Text\n9.2.3,x\n')));
    expect(f.code).toBe('not_xlsx');
    expect(f.message).toContain('"ID,Text');
  });

  it('an old binary .xls (OLE2) says to save as .xlsx or CSV', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const f = await failure(readTable(await writeTemp(dir, 'old.xls', ole)));
    expect(f.code).toBe('xls_format');
    expect(f.message).toContain('save as .xlsx or CSV');
  });

  it('a zip that is not a workbook', async () => {
    const p = await writeTemp(dir, 'doc.xlsx', makeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]));
    const f = await failure(readTable(p));
    expect(f.code).toBe('not_xlsx');
    expect(f.message).toContain('Word document');
  });
});

/** Workbook parts other than the sheet, so the archive passes the "is this a workbook" check. */
function zipParts() {
  return [{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }];
}
