import { describe, expect, it } from 'vitest';
import { validateTextImport, type TextImportInput, type TextImportRow } from './text-import';

// Third-party layout: domain_id, domain_title, category_id, category_title, control_objective, control_id, control_text.
const col = (index: number) => ({ index, letter: 'ABCDEFG'[index]! });
const columns = {
  domainId: col(0),
  domainTitle: col(1),
  categoryId: col(2),
  categoryTitle: col(3),
  objectiveTitle: col(4),
  id: col(5),
  text: col(6),
  title: null,
};
const ids = ['9', '9.2', '9.2.3', '9.2.3.1', '9.2.3.2', '9.2.1.6.PB', '9.5.P', '9.5.1.P', '9.5.1.1.P'];
const known = new Map(
  ids
    .filter((i) => i.includes('.') && i.split('.').length > 1 && !/^\d+$/.test(i))
    .map((id) => [id, { id, kind: 'detailed' }]),
);
const parents = new Map(ids.map((id) => [id, { id, kind: 'x' }]));
const rows = (...r: string[][]): TextImportRow[] => r.map((cells, i) => ({ row: i + 2, cells }));
const run = (r: TextImportRow[], extra: Partial<TextImportInput> = {}) =>
  validateTextImport({ rows: r, columns, headerRow: 1, lang: 'en', knownIds: known, knownParents: parents, ...extra });

describe('parent columns of a third-party file', () => {
  const file = rows(
    ['9', 'Access control', '9.2', 'User access management', 'Privileged access', '9.2.3.1', 'Restrict admin rights.'],
    ['9', 'Access control', '9.2', 'User access management', 'Privileged access', '9.2.3.2', 'Review admin rights.'],
    ['9', 'Access Control!', '9.5', 'Tenant data', 'Segregation', '9.5.1.1', 'Segregate tenants.'],
    ['9', 'Access control', '9.2', 'User access management', '', '9.2.1.6', 'Remove leavers.'],
  );

  it('titles the parents the ids name, never the items, and warns about a conflicting title', () => {
    const res = run(file);
    expect(res.ok).toBe(true);
    expect(res.plan.matched.map((m) => [m.id, m.title])).toEqual([
      ['9.2.3.1', undefined],
      ['9.2.3.2', undefined],
      ['9.5.1.1.P', undefined],
      ['9.2.1.6.PB', undefined],
    ]);
    expect(res.plan.parentTitles.map((p) => [p.id, p.level, p.title])).toEqual([
      ['9', 'domain', 'Access control'],
      ['9.2', 'category', 'User access management'],
      ['9.2.3', 'objective', 'Privileged access'],
      ['9.5.P', 'category', 'Tenant data'],
      ['9.5.1.P', 'objective', 'Segregation'],
    ]);
    expect(res.issues.map((i) => [i.code, i.row, i.column])).toEqual([['parent_title_conflict', 4, 'B']]);
  });

  it('matches ids written without their suffix when only one node has that number', () => {
    expect(run(file).plan.matched.map((m) => m.id)).toContain('9.2.1.6.PB');
  });

  it('warns once about a parent id the edition does not have', () => {
    const res = run(rows(['7', 'Unknown', '', '', '', '9.2.3.1', 'a'], ['7', 'Unknown', '', '', '', '9.2.3.2', 'b']));
    expect(res.issues.map((i) => [i.code, i.row, i.column])).toEqual([['unknown_parent', 2, 'A']]);
  });
});

describe('duplicate policy', () => {
  const dup = rows(
    ['', '', '', '', '', '9.2.3.1', 'first'],
    ['', '', '', '', '', '9.2.3.2', 'x'],
    ['', '', '', '', '', '9.2.3.1', 'second'],
  );

  it('rejects duplicates by default, keeps the first or the last row when asked, and counts them', () => {
    const reject = run(dup);
    expect(reject.ok).toBe(false);
    expect(reject.issues.map((i) => [i.code, i.severity, i.row])).toEqual([['duplicate_id', 'error', 4]]);
    expect(reject.plan.counts.duplicates).toBe(1);
    const first = run(dup, { duplicates: 'first' });
    expect(first.ok).toBe(true);
    expect(first.plan.matched.map((m) => [m.id, m.text, m.row])).toEqual([
      ['9.2.3.1', 'first', 2],
      ['9.2.3.2', 'x', 3],
    ]);
    expect(first.issues.map((i) => [i.code, i.severity, i.message])).toEqual([
      ['duplicate_id', 'warning', 'duplicate id 9.2.3.1: skipped, row 2 is kept'],
    ]);
    const last = run(dup, { duplicates: 'last' });
    expect(last.plan.matched.map((m) => [m.id, m.text, m.row])).toEqual([
      ['9.2.3.1', 'second', 4],
      ['9.2.3.2', 'x', 3],
    ]);
    expect(last.issues[0]?.message).toBe('duplicate id 9.2.3.1: this row replaces row 2');
    expect(last.plan.counts).toMatchObject({ duplicates: 1, errors: 0, warnings: 1 });
  });

  it('treats an id with and without its suffix as the same item', () => {
    const res = run(rows(['', '', '', '', '', '9.2.1.6', 'a'], ['', '', '', '', '', '9.2.1.6.PB', 'b']));
    expect(res.issues.map((i) => i.code)).toEqual(['duplicate_id']);
  });
});
