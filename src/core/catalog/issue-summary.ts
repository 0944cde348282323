/**
 * Bounds an import's issue list: a file with 100,000 duplicate ids must not produce a 15 MB answer. The caller gets
 * the first `limit` issues (errors before warnings, each in file order), the total, and a count per code, so the
 * UI can say "showing 200 of 100,000" and still name every kind of problem.
 */
export const ISSUE_LIMIT = 200;

export interface IssueSummary<T> {
  issues: T[];
  total: number;
  byCode: Record<string, number>;
}

/** @example summarizeIssues(issues, 2) // { issues: [first two], total: 5, byCode: { duplicate_id: 4, no_text: 1 } } */
export function summarizeIssues<T extends { code?: string | undefined; severity?: 'error' | 'warning' | undefined }>(
  all: readonly T[],
  limit = ISSUE_LIMIT,
): IssueSummary<T> {
  const byCode: Record<string, number> = {};
  for (const i of all) byCode[i.code ?? 'other'] = (byCode[i.code ?? 'other'] ?? 0) + 1;
  const errors = all.filter((i) => i.severity !== 'warning');
  const warnings = all.filter((i) => i.severity === 'warning');
  return { issues: [...errors, ...warnings].slice(0, Math.max(0, limit)), total: all.length, byCode };
}
