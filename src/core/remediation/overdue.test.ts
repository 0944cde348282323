import { describe, expect, it } from 'vitest';
import { isMilestoneOverdue, isOverdue, remediationFlags } from './overdue';
import { remediationItemOf } from './test-item';

describe('overdue', () => {
  const item = remediationItemOf({ plannedCompletion: '2026-06-30' });
  it('is overdue only after the planned day, and only while not closed', () => {
    expect(isOverdue(item, '2026-06-30')).toBe(false);
    expect(isOverdue(item, '2026-07-01')).toBe(true);
    expect(isOverdue({ ...item, status: 'in_progress' }, '2026-07-01')).toBe(true);
    for (const status of ['completed', 'risk_accepted', 'cancelled'] as const)
      expect(isOverdue({ ...item, status }, '2027-01-01')).toBe(false);
    expect(isOverdue({ ...item, plannedCompletion: null }, '2099-01-01')).toBe(false);
  });
  it('flags milestones past their planned day without an actual date, and counts the days', () => {
    const m1 = { id: 'm1', title: 'Draft', plannedDate: '2026-05-01', actualDate: null };
    const m2 = { id: 'm2', title: 'Approve', plannedDate: '2026-05-01', actualDate: '2026-05-02' };
    const m3 = { id: 'm3', title: 'Roll out', plannedDate: '2026-08-01', actualDate: null };
    const withMs = { ...item, milestones: [m1, m2, m3] };
    expect(isMilestoneOverdue(withMs, m1, '2026-05-02')).toBe(true);
    expect(remediationFlags(withMs, '2026-07-03')).toEqual({
      overdue: true,
      overdueMilestones: ['m1'],
      daysOverdue: 3,
    });
    expect(remediationFlags({ ...withMs, status: 'completed' }, '2026-07-03')).toEqual({
      overdue: false,
      overdueMilestones: [],
      daysOverdue: 0,
    });
  });
});
