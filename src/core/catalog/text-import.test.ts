import { describe, expect, it } from 'vitest';
import { validateTextImport, type TextImportInput, type TextImportRow } from './text-import';
import { formatIssues } from './text-import-issues';

const known = new Map(
  ['3.1.2.1', '4.4.7.1', '9.2.3', '9.2.3.11.PB', '8.1.5.4.P'].map((id) => [
    id,
    { id, kind: id.split('.').length === 3 ? 'objective' : 'detailed' },
  ]),
);
const cols = { id: { index: 0, letter: 'A' }, title: { index: 1, letter: 'B' }, text: { index: 2, letter: 'C' } };
const rows = (...r: [number, ...string[]][]): TextImportRow[] => r.map(([row, ...cells]) => ({ row, cells }));
const run = (r: TextImportRow[], extra: Partial<TextImportInput> = {}) =>
  validateTextImport({
    rows: r,
    columns: cols,
    headerRow: 1,
    lang: 'ja',
    knownIds: known,
    file: 'criteria.xlsx',
    ...extra,
  });
const codes = (res: ReturnType<typeof run>) => res.issues.map((i) => [i.code, i.row, i.column]);

describe('validateTextImport', () => {
  it('warns about title or text a spreadsheet would run as a formula, keeping the text as given', () => {
    const res = run(
      rows(
        [2, '9.2.3', '=HYPERLINK("http://x","y")', '本文'],
        [3, '9.2.3.11.PB', 'ok', '@SUM(1)'],
        [4, '3.1.2.1', '', '-5'],
      ),
    );
    expect(res.ok).toBe(true);
    const formulas = codes(res).filter(([c]) => c === 'formula_payload');
    expect(formulas).toEqual([
      ['formula_payload', 2, 'B'],
      ['formula_payload', 3, 'C'],
    ]);
    expect(res.issues.find((i) => i.code === 'formula_payload')?.severity).toBe('warning');
    expect(res.plan.matched[1]?.text).toBe('@SUM(1)');
  });

  it('matches loosely written ids and keeps prose exactly (no NFKC), unifying line ends and trimming', () => {
    const res = run(
      rows(
        [1, '管理策番号', '名称', '本文'],
        [2, '９．２．３', '特権的アクセス', ' 割当て及び利用は、制限し、\r\n管理する。ＡＢＣ '],
        [3, '9.2.3.11 pb', '', '管理者\r権限'],
      ),
    );
    expect(res.ok).toBe(true);
    expect(res.plan.matched).toEqual([
      {
        id: '9.2.3',
        kind: 'objective',
        row: 2,
        title: '特権的アクセス',
        text: '割当て及び利用は、制限し、\n管理する。ＡＢＣ',
      },
      { id: '9.2.3.11.PB', kind: 'detailed', row: 3, text: '管理者\n権限' },
    ]);
    expect(res.plan.missingIds).toEqual(['3.1.2.1', '4.4.7.1', '8.1.5.4.P']);
    expect(res.plan.counts).toMatchObject({ dataRows: 2, matched: 2, newIds: 0, missing: 3, errors: 0 });
  });

  it('reports every problem with its row and column, not just the first', () => {
    const res = run(
      rows(
        [2, '9.2.3', '', 'a'],
        [3, '', '', 'text without id'],
        [4, '9.2.x', '', 'b'],
        [5, '99.1.1', '', 'c'],
        [6, '9.2.3.', '', 'again'],
        [7, '8.1.5.4.P', 'x'.repeat(11), 'y'.repeat(21)],
      ),
      { lang: 'en', limits: { maxTitleLength: 10, maxTextLength: 20 } },
    );
    expect(res.ok).toBe(false);
    expect(codes(res)).toEqual([
      ['empty_id', 3, 'A'],
      ['invalid_id', 4, 'A'],
      ['unknown_id', 5, 'A'],
      ['duplicate_id', 6, 'A'],
      ['title_too_long', 7, 'B'],
      ['text_too_long', 7, 'C'],
    ]);
    expect(res.issues.find((i) => i.code === 'duplicate_id')?.message).toBe('duplicate id 9.2.3 (first at row 2)');
    expect(res.plan.counts.errors).toBe(6);
  });

  it('reports rows with undecodable bytes', () => {
    const r = rows([2, '9.2.3', '', 'ok'], [3, '4.4.7.1', '', '管理\uFFFDする']);
    (r[1] as TextImportRow).badEncoding = true;
    const res = run(r);
    expect(codes(res)).toEqual([['bad_encoding', 3, 'C']]);
  });

  it('warns, without blocking, about ids without text and heading rows', () => {
    const res = run(rows([2, '第5章 管理策基準'], [3, '9.2.3', '特権', ''], [4, '4.4.7.1', '', '文書化']));
    expect(res.ok).toBe(true);
    expect(codes(res)).toEqual([
      ['skipped_row', 2, 'A'],
      ['no_text', 3, 'C'],
    ]);
    expect(res.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(res.plan.idsWithoutText).toEqual(['9.2.3']);
    expect(res.plan.counts).toMatchObject({ skipped: 1, withoutText: 1, warnings: 2 });
  });

  it('turns unknown ids into new ids for a new edition', () => {
    const res = run(rows([2, '9.2.3', '', 'a'], [3, '5.1.1.99', '', 'new']), { knownIds: null });
    expect(res.ok).toBe(true);
    expect(res.plan.matched).toEqual([]);
    expect(res.plan.newIds).toEqual([
      { id: '9.2.3', row: 2, text: 'a' },
      { id: '5.1.1.99', row: 3, text: 'new' },
    ]);
    const allow = run(rows([2, '9.2.3', '', 'a'], [3, '5.1.1.99', '', 'new']), { allowNew: true });
    expect(allow.plan.matched.map((m) => m.id)).toEqual(['9.2.3']);
    expect(allow.plan.newIds.map((m) => m.id)).toEqual(['5.1.1.99']);
  });

  it('fails on a table without data or without a text or title column', () => {
    expect(codes(run(rows([1, 'ID', 'Title', 'Text'])))).toEqual([['no_rows', undefined, undefined]]);
    const res = validateTextImport({ rows: rows([2, '9.2.3']), columns: { id: cols.id }, lang: 'ja', knownIds: known });
    expect(res.issues.map((i) => i.code)).toContain('no_text_column');
  });

  it('warns when the texts look like the other language', () => {
    const res = run(rows([2, '9.2.3', '', '特権的アクセス権の割当て']), { lang: 'en' });
    expect(res.ok).toBe(true);
    expect(res.issues.map((i) => i.code)).toEqual(['language_mismatch']);
  });
});

describe('formatIssues', () => {
  it('prints one line per issue with file, row and column', () => {
    const res = run(rows([7, '9.2.3.11.PB', '', 'a'], [12, '9.2.3.11pb', '', 'b'], [13, '9.2.3', '', '']), {
      lang: 'en',
    });
    expect(formatIssues(res.issues)).toBe(
      'criteria.xlsx: row 12, column A: duplicate id 9.2.3.11.PB (first at row 7)\n' +
        'warning: criteria.xlsx: row 13, column C: id 9.2.3 has no text',
    );
    expect(formatIssues([{ path: [], message: 'the file is empty' }])).toBe('the file is empty');
  });
});
