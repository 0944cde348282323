import { describe, expect, it } from 'vitest';
import { summarizeIssues } from './issue-summary';

describe('summarizeIssues', () => {
  it('keeps the first issues, errors before warnings, and counts all of them per code', () => {
    const issues = [
      { code: 'no_text', severity: 'warning' as const, row: 2 },
      ...Array.from({ length: 1000 }, (_, i) => ({ code: 'duplicate_id', severity: 'error' as const, row: i + 3 })),
    ];
    const s = summarizeIssues(issues, 3);
    expect(s.issues.map((i) => [i.code, i.row])).toEqual([
      ['duplicate_id', 3],
      ['duplicate_id', 4],
      ['duplicate_id', 5],
    ]);
    expect(s.total).toBe(1001);
    expect(s.byCode).toEqual({ duplicate_id: 1000, no_text: 1 });
    expect(summarizeIssues(issues.slice(0, 2)).issues).toHaveLength(2);
  });
});
