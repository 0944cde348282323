import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors';
import { detectColumns } from './detect-columns';
import { sniffDelimiter } from './read-csv';
import { readTable } from './read-table';
import { tempDir, writeTemp } from './test-fixtures';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return { message: e.message, issue: e.issues?.[0] };
    throw e;
  }
  throw new Error('expected a failure');
}

const sheetRows = async (name: string, data: Buffer | string) => {
  const t = await readTable(await writeTemp(dir, name, data));
  return { table: t, rows: t.sheets[0]?.rows ?? [] };
};

describe('readTable: CSV encodings', () => {
  const csv = 'ID,Title,Text\n9.2.3,Privileged access,"Restrict, and control."\n';

  it('reads UTF-8 without a BOM', async () => {
    const { table, rows } = await sheetRows('plain.csv', csv);
    expect(table.encoding).toBe('utf-8');
    expect(table.format).toBe('csv');
    expect(rows[1]).toEqual({ row: 2, cells: ['9.2.3', 'Privileged access', 'Restrict, and control.'] });
  });

  it('reads UTF-8 with a BOM and does not leave it in the first header', async () => {
    const { table, rows } = await sheetRows(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]),
    );
    expect(table.encoding).toBe('utf-8-bom');
    expect(rows[0]?.cells[0]).toBe('ID');
  });

  it('reads CP932 (Shift_JIS) with Japanese headers and detects the columns', async () => {
    const text =
      '管理策番号,管理策名,詳細管理策\r\n９．２．３,特権的アクセス権の管理,特権的アクセス権の割当て及び利用は、制限し、管理する。\r\n';
    const { table, rows } = await sheetRows('sjis.csv', iconv.encode(text, 'cp932'));
    expect(table.encoding).toBe('cp932');
    expect(rows[1]?.cells[2]).toBe('特権的アクセス権の割当て及び利用は、制限し、管理する。');
    expect(rows.some((r) => r.badEncoding)).toBe(false);
    const d = detectColumns(rows);
    expect(d?.columns.id.letter).toBe('A');
    expect(d?.columns.text?.letter).toBe('C');
    expect(d?.headerRow).toBe(1);
  });

  it('marks the rows whose bytes cannot be decoded', async () => {
    const good = iconv.encode('ID,Text\r\n9.2.3,管理する\r\n', 'cp932');
    const bad = Buffer.concat([
      Buffer.from('9.2.4,'),
      Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0x81]),
      Buffer.from('\r\n9.2.5,ok\r\n'),
    ]);
    const { table, rows } = await sheetRows('broken.csv', Buffer.concat([good, bad]));
    expect(table.encoding).toBe('cp932');
    expect(rows.filter((r) => r.badEncoding).map((r) => r.row)).toEqual([3]);
  });

  it('reads UTF-16 LE with a BOM (Excel "Unicode text", tab-separated)', async () => {
    const text = 'ID\tタイトル\t本文\r\n9.2.3.11.PB\t管理者\t制限する。\r\n';
    const { table, rows } = await sheetRows(
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    expect(table.encoding).toBe('utf-16le');
    expect(table.format).toBe('tsv');
    expect(rows[1]?.cells).toEqual(['9.2.3.11.PB', '管理者', '制限する。']);
  });

  it('reads UTF-16 BE with a BOM', async () => {
    const le = Buffer.from('ID,Text\n9.2.3,x\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    const { table, rows } = await sheetRows('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(table.encoding).toBe('utf-16be');
    expect(rows[1]?.cells).toEqual(['9.2.3', 'x']);
  });
});

describe('readTable: CSV structure', () => {
  it('handles CRLF, quoted cells with newlines and doubled quotes; rows count records as Excel does', async () => {
    const text = 'ID,Text\r\n9.2.3,"first line\r\nsecond ""quoted"" line"\r\n9.2.4,plain\r\n';
    const { rows } = await sheetRows('multi.csv', text);
    expect(rows).toEqual([
      { row: 1, cells: ['ID', 'Text'] },
      { row: 2, cells: ['9.2.3', 'first line\r\nsecond "quoted" line'] },
      { row: 3, cells: ['9.2.4', 'plain'] },
    ]);
  });

  it('handles CR-only and mixed line ends', async () => {
    const { rows } = await sheetRows('cr.csv', 'ID,Text\r9.2.3,a\n9.2.4,b\r\n9.2.5,c');
    expect(rows.map((r) => r.cells[0])).toEqual(['ID', '9.2.3', '9.2.4', '9.2.5']);
  });

  it('sniffs tabs even when the prose is full of commas', async () => {
    const text = 'ID\tText\n9.2.3\tRestrict, control, and review.\n9.2.4\t"Quoted, with\ttab"\n';
    const { table, rows } = await sheetRows('prose.csv', text);
    expect(table.format).toBe('tsv');
    expect(rows[2]?.cells).toEqual(['9.2.4', 'Quoted, with\ttab']);
  });

  it('sniffDelimiter ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('a,b\n"x\ty\tz",w\n')).toBe(',');
    expect(sniffDelimiter('a\tb\n"x,y,z"\tw\n')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n1;2;3\n')).toBe(';');
  });

  it('reports an unclosed quote with the row it starts in', async () => {
    const f = await failure(
      readTable(await writeTemp(dir, 'open.csv', 'ID,Text\n9.2.3,ok\n9.2.4,"never closed\n9.2.5,x\n')),
    );
    expect(f.issue).toMatchObject({ code: 'invalid_quotes', row: 3, file: 'open.csv' });
    expect(f.message).toMatch(/open\.csv, row 3: unbalanced quotes/);
  });

  it('reports text after a closing quote with row and column', async () => {
    const f = await failure(readTable(await writeTemp(dir, 'close.csv', 'ID,Text\n9.2.3,"quoted"tail\n')));
    expect(f.issue).toMatchObject({ code: 'invalid_quotes', row: 2, column: 'B' });
  });

  it('rejects an empty file, a BOM-only file and a file of empty lines', async () => {
    for (const [name, data] of [
      ['empty.csv', ''],
      ['bomonly.csv', Buffer.from([0xef, 0xbb, 0xbf])],
      ['blank.csv', '\n\n,,\n'],
    ] as const) {
      const f = await failure(readTable(await writeTemp(dir, name, data)));
      expect(f.issue?.code).toBe('empty_file');
    }
  });

  it('rejects binary bytes named .csv', async () => {
    const f = await failure(
      readTable(await writeTemp(dir, 'image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0]))),
    );
    expect(f.issue?.code).toBe('bad_encoding');
  });

  it('enforces row and cell limits', async () => {
    const many = `ID,Text\n${Array.from({ length: 20 }, (_, i) => `9.2.${i},x`).join('\n')}\n`;
    const p = await writeTemp(dir, 'many.csv', many);
    expect((await failure(readTable(p, { limits: { maxRows: 10 } }))).issue?.code).toBe('too_many_rows');
    const big = await writeTemp(dir, 'big.csv', `ID,Text\n9.2.3,${'x'.repeat(200)}\n`);
    expect((await failure(readTable(big, { limits: { maxCellChars: 100 } }))).issue).toMatchObject({
      code: 'cell_too_large',
      row: 2,
      column: 'B',
    });
  });
});
