import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateTextImport } from '../../core/catalog/text-import';
import { formatIssues } from '../../core/catalog/text-import-issues';
import { cellText, formatNumber } from './cell-text';
import { loadTextTable, toTextImportInput } from './load-text-table';
import { criteriaWorkbook, tempDir, writeTemp } from './test-fixtures';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
const known = new Map(['9.2.3', '9.2.3.11.PB', '8.1.5.4.P', '12.2'].map((id) => [id, { id, kind: 'x' }]));

describe('loadTextTable → validateTextImport', () => {
  it('imports the criteria sheet of a workbook with a cover sheet', async () => {
    const p = join(dir, 'criteria.xlsx');
    await criteriaWorkbook(p);
    const loaded = await loadTextTable(p);
    expect(loaded).toMatchObject({ file: 'criteria.xlsx', format: 'xlsx', sheetNames: ['表紙', '管理策基準'] });
    const res = validateTextImport(toTextImportInput(loaded, { lang: 'ja', knownIds: known, allowNew: false }));
    expect(res.ok).toBe(true);
    expect(res.plan.matched.map((m) => [m.id, m.row])).toEqual([
      ['9.2.3', 4],
      ['9.2.3.11.PB', 5],
      ['8.1.5.4.P', 6],
      ['12.2', 7],
    ]);
    expect(res.plan.idsWithoutText).toEqual(['12.2']);
  });

  it('reports bad bytes, duplicates and unknown ids of a CP932 CSV in one pass, with --columns', async () => {
    const head = iconv.encode('項番,本文\r\n9.2.3,管理する\r\n', 'cp932');
    const bad = Buffer.concat([Buffer.from('9.2.3.11.PB,'), Buffer.from([0xff, 0xfe, 0x81]), Buffer.from('\r\n')]);
    const tail = iconv.encode('９．２．３,重複\r\n7.1.1,未知\r\n', 'cp932');
    const p = await writeTemp(dir, 'sjis.csv', Buffer.concat([head, bad, tail]));
    const loaded = await loadTextTable(p, { columns: '{"id":"項番","text":"本文"}' });
    expect(loaded.encoding).toBe('cp932');
    const res = validateTextImport(toTextImportInput(loaded, { lang: 'ja', knownIds: known }));
    expect(res.ok).toBe(false);
    expect(formatIssues(res.issues.filter((i) => i.severity === 'error'))).toBe(
      [
        'sjis.csv: row 3, column B: bad encoding: bytes in this row could not be decoded (save the file as UTF-8 or .xlsx)',
        'sjis.csv: row 4, column A: duplicate id 9.2.3 (first at row 2)',
        'sjis.csv: row 5, column A: unknown id 7.1.1: not in this edition (import into a new edition to add ids)',
      ].join('\n'),
    );
  });
});

describe('cellText', () => {
  it('renders exceljs values as Excel shows them', () => {
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(cellText({ formula: 'A1', result: 3 })).toBe('3');
    expect(cellText({ sharedFormula: 'A1', result: undefined })).toBe('');
    expect(cellText({ text: 'link', hyperlink: 'https://example.org' })).toBe('link');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(new Date(Date.UTC(2024, 6, 1)))).toBe('2024-07-01');
    expect(cellText(true)).toBe('TRUE');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(9.1, '0.00')).toBe('9.10');
    expect(formatNumber(1234567, '#,##0')).toBe('1,234,567');
    expect(formatNumber(0.25, '0%')).toBe('25%');
  });
});
