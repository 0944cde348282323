import { describe, expect, it } from 'vitest';
import { defaultReviewFrequency, evidenceFreshness, evidenceWarnings, itemEvidenceStates, judgedOn } from './freshness';
import { evidenceKinds } from './model';

const base = {
  reviewFrequency: 'yearly' as const,
  reviewedOn: '2025-01-10',
  effectiveFrom: null,
  effectiveTo: null,
  retiredAt: null,
};

describe('evidence freshness', () => {
  it('has a default frequency for every kind, from the criteria examples', () => {
    for (const k of evidenceKinds) expect(defaultReviewFrequency[k]).toBeDefined();
    expect(defaultReviewFrequency.policy).toBe('yearly');
    expect(defaultReviewFrequency.design_document).toBe('yearly_or_on_change');
    expect(defaultReviewFrequency.setting).toBe('yearly_or_on_change');
    expect(defaultReviewFrequency.record_log).toBe('as_needed');
    expect(defaultReviewFrequency.facility).toBe('yearly');
  });

  it('is fresh until the review is due and stale the day after', () => {
    expect(evidenceFreshness(base, '2026-01-10')).toEqual({ state: 'fresh', reviewDue: '2026-01-10', reasons: [] });
    expect(evidenceFreshness(base, '2026-01-11')).toEqual({
      state: 'stale',
      reviewDue: '2026-01-10',
      reasons: ['review_overdue'],
    });
  });

  it('judges a finished audit period at its last day, a running one today', () => {
    const period = { start: '2024-04-01', end: '2025-03-31' };
    expect(judgedOn('2027-01-01', period)).toBe('2025-03-31');
    expect(judgedOn('2025-02-01', period)).toBe('2025-02-01');
    expect(evidenceFreshness(base, '2027-01-01', period).state).toBe('fresh');
    expect(evidenceFreshness(base, '2027-01-01', { start: '2025-04-01', end: '2026-03-31' }).reasons).toEqual([
      'review_overdue',
    ]);
  });

  it('records and logs (as needed) never go stale by date; an unreviewed yearly one is stale', () => {
    expect(evidenceFreshness({ ...base, reviewFrequency: 'as_needed', reviewedOn: null }, '2030-01-01').state).toBe(
      'fresh',
    );
    expect(evidenceFreshness({ ...base, reviewedOn: null }, '2025-01-01').reasons).toEqual(['never_reviewed']);
  });

  it('is stale for a period it is not effective in, and when retired', () => {
    const period = { start: '2025-04-01', end: '2026-03-31' };
    expect(evidenceFreshness({ ...base, effectiveTo: '2025-03-31' }, '2025-05-01', period).reasons).toEqual([
      'not_effective_in_period',
    ]);
    expect(evidenceFreshness({ ...base, effectiveFrom: '2026-04-01' }, '2025-05-01', period).reasons).toEqual([
      'not_effective_in_period',
    ]);
    expect(evidenceFreshness({ ...base, retiredAt: '2025-05-01T00:00:00Z' }, '2025-05-01').reasons).toEqual([
      'retired',
    ]);
  });

  it('tells per item: no evidence, stale, fresh', () => {
    const f = new Map([
      ['e1', evidenceFreshness(base, '2025-02-01')],
      ['e2', evidenceFreshness(base, '2026-02-01')],
    ]);
    const states = itemEvidenceStates(
      ['A.1', 'A.2', 'A.3'],
      [
        { evidenceId: 'e1', itemId: 'A.1' },
        { evidenceId: 'e1', itemId: 'A.2' },
        { evidenceId: 'e2', itemId: 'A.2' },
        { evidenceId: 'e2', itemId: 'Z.9' },
      ],
      f,
    );
    expect(states.map((s) => [s.itemId, s.state, s.evidence, s.stale])).toEqual([
      ['A.1', 'fresh', 1, 0],
      ['A.2', 'stale', 2, 1],
      ['A.3', 'no_evidence', 0, 0],
    ]);
    expect(states[1]!.staleEvidenceIds).toEqual(['e2']);
  });

  it('counts items without evidence and items with stale evidence as warnings', () => {
    expect(
      evidenceWarnings([{ state: 'fresh' }, { state: 'stale' }, { state: 'no_evidence' }, { state: 'no_evidence' }]),
    ).toEqual({ withoutEvidence: 2, withStale: 1, warnings: 3 });
    expect(evidenceWarnings([])).toEqual({ withoutEvidence: 0, withStale: 0, warnings: 0 });
  });
});
