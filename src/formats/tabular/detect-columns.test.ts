import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors';
import { applyColumnsOption, parseColumnsOption } from './columns-option';
import { detectColumns } from './detect-columns';
import { matchHeader, PARENT_ROLES } from './header-names';
import type { TableRow } from './types';

const table = (...rows: string[][]): TableRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isDomainError(e)) return { code: e.issues?.[0]?.code, message: e.message };
    throw e;
  }
  throw new Error('expected a failure');
};

describe('matchHeader', () => {
  it.each([
    ['ID', 'id'],
    ['No.', 'id'],
    ['Ｎｏ．', 'id'],
    ['Control ID', 'id'],
    ['管理策番号', 'id'],
    ['項番', 'id'],
    ['ISMAP管理基準番号', 'id'],
    ['管理策番号\n(Control No.)', 'id'],
    ['【番号】', 'id'],
    ['Title', 'title'],
    ['名称', 'title'],
    ['管理策名', 'title'],
    ['見出し', 'title'],
    ['Text', 'text'],
    ['Control', 'text'],
    ['Requirement', 'text'],
    ['管理策', 'text'],
    ['本文', 'text'],
    ['詳細管理策', 'text'],
    ['管理基準', 'text'],
    ['詳細管理策（本文）', 'text'],
  ])('%s → %s', (header, role) => {
    expect(matchHeader(header)?.role).toBe(role);
  });

  it('does not treat unrelated headers as ids', () => {
    expect(matchHeader('Notes')).toBeNull();
    expect(matchHeader('備考')).toBeNull();
  });
});

describe('detectColumns', () => {
  it('finds English headers under a title block', () => {
    const d = detectColumns(
      table(
        ['ISMAP Control Criteria (reference translation)'],
        [],
        ['Control ID', 'Title', 'Control'],
        ['9.2.3', 'Privileged', 'Restrict.'],
        ['9.2.3.11.PB', '', 'Limit admins.'],
      ),
    );
    expect(d).toMatchObject({ headerRow: 3, dataStartRow: 4, confidence: 'high' });
    expect(d?.columns.id.letter).toBe('A');
    expect(d?.columns.title?.letter).toBe('B');
    expect(d?.columns.text?.letter).toBe('C');
    expect(d?.explanation.join('\n')).toContain('id: column A "Control ID"');
  });

  it('handles headers with newlines and brackets in any column order', () => {
    const d = detectColumns(
      table(
        ['備考', '詳細管理策\n(Detailed control)', '管理策番号\n（No.）'],
        ['', '管理者権限を制限する。', '9.2.3.11.PB'],
      ),
    );
    expect(d?.columns.id.letter).toBe('C');
    expect(d?.columns.text?.letter).toBe('B');
    expect(d?.columns.title).toBeNull();
  });

  it('takes a vertically merged header from the row above', () => {
    const d = detectColumns(table(['管理策番号', '管理策', ''], ['', '名称', '本文'], ['9.2.3', '特権', '制限する。']));
    expect(d?.headerRow).toBe(2);
    expect(d?.columns.id.letter).toBe('A');
    expect(d?.columns.title?.letter).toBe('B');
    expect(d?.columns.text?.letter).toBe('C');
  });

  it('recognises the id column by its values when its header is unknown', () => {
    const d = detectColumns(table(['Clause', 'Text'], ['9.2.3', 'a'], ['9.2.3.1', 'b'], ['9.2.3.11.PB', 'c']));
    expect(d?.columns.id).toMatchObject({ letter: 'A', matchedBy: 'values' });
    expect(d?.columns.text?.letter).toBe('B');
  });

  it('works without any header row, choosing the longest column as text', () => {
    const d = detectColumns(
      table(
        ['ISMAP'],
        ['9.2.3', 'Privileged', 'The allocation and use of privileged access rights shall be restricted.'],
        ['9.2.4', 'Secret', 'The allocation of secret authentication information shall be controlled.'],
      ),
    );
    expect(d).toMatchObject({ headerRow: null, dataStartRow: 2, confidence: 'low' });
    expect(d?.columns.text?.letter).toBe('C');
    expect(d?.columns.title?.letter).toBe('B');
  });

  it('returns null when nothing looks like an id column', () => {
    expect(detectColumns(table(['Date', 'Change'], ['2024-07-01', 'added']))).toBeNull();
  });
});

describe('parseColumnsOption / applyColumnsOption', () => {
  const rows = table(['Cover'], ['管理策番号', '名称', '本文'], ['9.2.3', '特権', '制限する。']);

  it('parses letters, numbers and header names', () => {
    expect(parseColumnsOption('{"id":"a","title":2,"text":"本文"}')).toEqual({
      id: { kind: 'letter', letter: 'A' },
      title: { kind: 'number', number: 2 },
      text: { kind: 'header', name: '本文' },
    });
  });

  it('rejects bad JSON, unknown keys and a missing text/title with clear messages', () => {
    expect(code(() => parseColumnsOption('{id:A}'))).toMatchObject({
      code: 'bad_columns_option',
      message: expect.stringContaining('not valid JSON'),
    });
    expect(code(() => parseColumnsOption('{"id":"A","txt":"C"}')).code).toBe('bad_columns_option');
    expect(code(() => parseColumnsOption('{"id":"A"}')).message).toContain('"text" or "title"');
  });

  it('applies header names and finds their row', () => {
    const d = applyColumnsOption(rows, parseColumnsOption('{"id":"管理策番号","text":"本文"}'));
    expect(d).toMatchObject({ headerRow: 2, dataStartRow: 3, confidence: 'high' });
    expect(d.columns.id.letter).toBe('A');
    expect(d.columns.text?.letter).toBe('C');
  });

  it('applies letters and numbers, starting data at the first id when there is no header name', () => {
    const d = applyColumnsOption(rows, parseColumnsOption('{"id":"A","title":2,"text":"C"}'));
    expect(d.dataStartRow).toBe(3);
    expect(d.columns.title?.letter).toBe('B');
  });

  it('names the headers that exist when a named column does not', () => {
    const f = code(() =>
      applyColumnsOption(rows, parseColumnsOption('{"id":"管理策番号","text":"Description"}'), 'c.csv'),
    );
    expect(f.code).toBe('unknown_column');
    expect(f.message).toContain('no column named "Description"');
    expect(f.message).toContain('"管理策番号", "名称", "本文"');
    expect(code(() => applyColumnsOption(rows, parseColumnsOption('{"id":"A","text":"F"}'))).message).toContain(
      'beyond the data',
    );
  });
});

describe('detectColumns on a third-party extraction (test/fixtures/third-party)', () => {
  const csv = readFileSync(
    new URL('../../../test/fixtures/third-party/ismap-criteria-2022-04-en.csv', import.meta.url),
    'utf8',
  );
  const rows = table(
    ...csv
      .trim()
      .split('\n')
      .slice(0, 30)
      .map((l) => l.split(',')),
  );

  it('never takes a parent column (domain_title, category_title, control_objective) as the item title', () => {
    const d = detectColumns(rows)!;
    expect(d.columns.id.header).toBe('control_id');
    expect(d.columns.text?.header).toBe('control_text');
    expect(d.columns.title).toBeNull();
    const parents = Object.fromEntries(PARENT_ROLES.map((r) => [r, d.columns[r]?.header ?? null]));
    expect(parents).toEqual({
      domainId: 'domain_id',
      domainTitle: 'domain_title',
      categoryId: 'category_id',
      categoryTitle: 'category_title',
      objectiveId: null,
      objectiveTitle: 'control_objective',
    });
    expect(d.uncertain).toEqual([{ role: 'title', reason: 'missing', candidates: [] }]);
    expect(d.confidence).toBe('medium');
    expect(d.sheetColumns.map((c) => c.header)).toContain('is_cloud_specific');
    expect(d.preview[0]?.parents?.domainTitle).toBe('Governance of information security');
  });

  it('says so when a title header matches only partly', () => {
    const d = detectColumns(
      table(['control_id', 'English title (draft)', 'control_text'], ['9.2.3.1', 'Admins', 'Restrict admins.']),
    )!;
    expect(d.columns.title?.letter).toBe('B');
    expect(d.uncertain).toEqual([{ role: 'title', reason: 'partial', candidates: ['B'] }]);
  });

  it('takes parent roles from --columns too', () => {
    const d = applyColumnsOption(
      rows,
      parseColumnsOption('{"id":"control_id","text":"control_text","domainTitle":"C"}'),
    );
    expect(d.columns.domainTitle?.header).toBe('domain_title');
    expect(d.columns.title).toBeNull();
  });
});
