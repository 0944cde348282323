import { describe, expect, it } from 'vitest';
import { diffText } from './text-diff';

describe('diffText', () => {
  it('compares Japanese character by character', () => {
    expect(diffText('特権を付与する', '特権を申請で付与する')).toEqual([
      { kind: 'same', text: '特権を' },
      { kind: 'added', text: '申請で' },
      { kind: 'same', text: '付与する' },
    ]);
  });

  it('compares English word by word', () => {
    expect(diffText('Access is reviewed yearly.', 'Access is reviewed quarterly.')).toEqual([
      { kind: 'same', text: 'Access is reviewed ' },
      { kind: 'removed', text: 'yearly' },
      { kind: 'added', text: 'quarterly' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('handles empty sides and equal texts', () => {
    expect(diffText('', '新規')).toEqual([{ kind: 'added', text: '新規' }]);
    expect(diffText('削除', '')).toEqual([{ kind: 'removed', text: '削除' }]);
    expect(diffText('同じ', '同じ')).toEqual([{ kind: 'same', text: '同じ' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('keeps every character of both texts', () => {
    const before = 'ログは90日保管し、月次でレビューする。Logs are kept for 90 days.';
    const after = 'ログは1年保管し、週次でレビューする。Logs are kept for one year and reviewed.';
    const parts = diffText(before, after);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });
});
