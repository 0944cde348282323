import { describe, expect, it } from 'vitest';
import { blankAnswer, type ControlRevision, type ItemAnswer } from './model';
import { recordedChangeRevisions } from './recorded-change';

const rev = (date: string, before: string, after: string): ControlRevision => ({
  effectiveDate: date,
  before: { ja: before },
  after: { ja: after },
  note: null,
});
const answer = (control: string, revisions: ControlRevision[]): ItemAnswer => ({
  ...blankAnswer('5.1.1'),
  control: { ja: control },
  revisions,
});
const change = { effectiveDate: '2026-12-02', note: '指摘', recordedBy: '山田' };

describe('recorded changes of an imported answer under audit', () => {
  const stored = answer('二版', [rev('2025-06-01', '初版', '二版')]);

  it('keeps an unchanged control and its history as they are', () => {
    expect(recordedChangeRevisions(stored, answer('二版', stored.revisions), change, ['items', 0])).toEqual({
      revisions: stored.revisions,
    });
  });

  it('records a changed control the workbook did not record', () => {
    const r = recordedChangeRevisions(stored, answer('三版', stored.revisions), change, []);
    expect(r.revisions).toEqual([
      ...stored.revisions,
      { effectiveDate: '2026-12-02', before: { ja: '二版' }, after: { ja: '三版' }, note: '指摘', recordedBy: '山田' },
    ]);
  });

  it('keeps a revision the workbook added for the change, and adds none beside it', () => {
    const added = [...stored.revisions, rev('2026-11-30', '二版', '三版')];
    expect(recordedChangeRevisions(stored, answer('三版', added), change, []).revisions).toEqual(added);
  });

  it('records what the added revisions do not reach', () => {
    const added = [...stored.revisions, rev('2026-11-30', '二版', '三版')];
    const r = recordedChangeRevisions(stored, answer('四版', added), change, []);
    expect(r.revisions?.at(-1)).toMatchObject({ before: { ja: '三版' }, after: { ja: '四版' } });
  });

  it('refuses a history that lost or changed a stored revision, with the item', () => {
    for (const revisions of [[], [rev('2025-06-02', '初版', '二版')]]) {
      const r = recordedChangeRevisions(stored, answer('二版', revisions), change, ['items', 3]);
      expect(r.issue).toMatchObject({
        path: ['items', 3, 'revisions'],
        code: 'revision_history_locked',
        params: { item: '5.1.1' },
      });
    }
  });

  it('treats an absent and a null note or recorder alike', () => {
    const stored2 = answer('二版', [{ ...rev('2025-06-01', '初版', '二版'), recordedBy: null }]);
    expect(
      recordedChangeRevisions(stored2, answer('二版', [rev('2025-06-01', '初版', '二版')]), change, []).issue,
    ).toBe(undefined);
  });
});
