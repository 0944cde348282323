import { describe, expect, it } from 'vitest';
import { statementCriteria } from './criteria';
import { diffStatementDocuments } from './diff';
import { blankAnswer, emptyScope, type StatementDocument } from './model';
import { smallEdition } from './test-criteria';

const criteria = statementCriteria(smallEdition());
const stored: StatementDocument = {
  statement: {
    id: 's1',
    catalog: 'ismap',
    edition: '2024-07',
    period: { start: '2025-04-01', end: '2026-03-31' },
    previousPeriod: null,
    state: 'draft',
    subsequentEvents: {},
    specialNotes: { ja: '特記' },
  },
  service: { name: { ja: 'サービス', en: 'Service' }, model: 'saas', track: 'ismap', scope: emptyScope() },
  items: criteria.map((c) => ({ criterion: c, answer: { ...blankAnswer(c.id), version: 3 } })),
};
const edit = (f: (d: StatementDocument) => void): StatementDocument => {
  const d = structuredClone(stored);
  f(d);
  return d;
};

describe('diffStatementDocuments', () => {
  it('finds nothing between a document and its copy, and treats empty and absent text alike', () => {
    const copy = edit((d) => {
      d.statement.subsequentEvents = { ja: '', en: null };
      d.items[0]!.answer.reason = '';
    });
    const diff = diffStatementDocuments(stored, copy);
    expect(diff).toMatchObject({ empty: true, header: [], items: [], mismatch: [], unchangedItems: criteria.length });
  });

  it('lists each changed field before → after, per item and in the header, and flags a stale item', () => {
    const changed = edit((d) => {
      d.statement.period = { start: '2025-04-01', end: '2026-02-28' };
      d.statement.specialNotes = { ja: '特記', en: 'Notes' };
      d.service.scope.regions = ['Tokyo'];
      const a = d.items.find((i) => i.criterion.id === '9.2.4')!.answer;
      Object.assign(a, { selection: 'excluded', reason: '該当なし' });
      const b = d.items.find((i) => i.criterion.id === '3.1.2.1')!.answer;
      Object.assign(b, { status: 'implemented', control: { ja: '管理策' }, version: 2 });
    });
    const diff = diffStatementDocuments(stored, changed);
    expect(diff.empty).toBe(false);
    expect(diff.header).toEqual([
      {
        field: 'statement.period',
        before: { start: '2025-04-01', end: '2026-03-31' },
        after: { start: '2025-04-01', end: '2026-02-28' },
      },
      { field: 'statement.specialNotes.en', before: null, after: 'Notes' },
      { field: 'service.scope.regions', before: [], after: ['Tokyo'] },
    ]);
    expect(diff.items).toEqual([
      {
        itemId: '3.1.2.1',
        changes: [
          { field: 'status', before: 'not_started', after: 'implemented' },
          { field: 'control.ja', before: null, after: '管理策' },
        ],
        stale: true,
        storedVersion: 3,
        importedVersion: 2,
      },
      {
        itemId: '9.2.4',
        changes: [
          { field: 'selection', before: null, after: 'excluded' },
          { field: 'reason', before: null, after: '該当なし' },
        ],
        stale: false,
        storedVersion: 3,
        importedVersion: 3,
      },
    ]);
    expect(diff.unchangedItems).toBe(criteria.length - 2);
  });

  it('names a document for another statement or edition, and items only one side has', () => {
    const other = edit((d) => {
      d.statement.edition = '2025-10';
      d.items.pop();
      d.items.push({ criterion: { ...criteria[0]!, id: '99.1' }, answer: blankAnswer('99.1') });
    });
    const diff = diffStatementDocuments(stored, other);
    expect(diff.mismatch).toEqual(['edition']);
    expect(diff.missingItems).toEqual(['9.2.4.1']);
    expect(diff.unknownItems).toEqual(['99.1']);
  });
});
