import { describe, expect, it } from 'vitest';
import { differingFields, mergeDrafts, sameDraft, toDraft, type ItemDraft } from './item-draft';

const base: ItemDraft = {
  selection: null,
  reason: null,
  inheritedFrom: null,
  status: 'planned',
  owner: null,
  control: { ja: '月次でレビューする', en: null },
};

describe('item drafts (autosave and the conflict view)', () => {
  it('compares only the editable fields, treating absent and empty alike', () => {
    const fromApi = { ...base, control: { ja: '月次でレビューする' }, version: 3, revisions: [] } as ItemDraft;
    expect(sameDraft(toDraft(fromApi), base)).toBe(true);
    expect(sameDraft({ ...base, status: 'implemented' }, base)).toBe(false);
  });

  it('lists the fields two versions differ on and merges them field by field', () => {
    const yours = { ...base, control: { ja: '週次でレビューする', en: 'Reviewed weekly' } };
    const theirs = { ...base, status: 'implemented' as const, control: { ja: '日次でレビューする', en: null } };
    expect(differingFields(yours, theirs)).toEqual(['status', 'controlJa', 'controlEn']);
    const merged = mergeDrafts(yours, theirs, { status: 'theirs', controlJa: 'theirs' });
    expect(merged).toEqual({
      ...base,
      status: 'implemented',
      control: { ja: '日次でレビューする', en: 'Reviewed weekly' },
    });
    expect(mergeDrafts(yours, theirs, {})).toEqual(yours);
  });
});
