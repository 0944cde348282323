import { describe, expect, it } from 'vitest';
import { addDays, addMonths, parseIsoDate, periodProblems } from './audit-period';

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-03-31', 1)).toBe('2025-04-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
  it('adds months clamped to the last day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-04-01', 12)).toBe('2026-04-01');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });
  it('refuses impossible dates', () => {
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2025-13-01')).toBeNull();
    expect(parseIsoDate('2025/01/01')).toBeNull();
  });
});

describe('audit period rules', () => {
  const rules = (p: { start: string; end: string } | null, prev: { start: string; end: string } | null = null) =>
    periodProblems(p, prev).map((x) => x.rule);
  it('accepts one year exactly, and three months exactly', () => {
    expect(rules({ start: '2025-04-01', end: '2026-03-31' })).toEqual([]);
    expect(rules({ start: '2025-04-01', end: '2025-06-30' })).toEqual([]);
  });
  it('refuses a period longer than 12 months or shorter than 3', () => {
    expect(rules({ start: '2025-04-01', end: '2026-04-01' })).toEqual(['period_too_long']);
    expect(rules({ start: '2025-04-01', end: '2025-06-29' })).toEqual(['period_too_short']);
    const long = periodProblems({ start: '2025-04-01', end: '2026-04-01' }, null)[0];
    expect(long).toMatchObject({ latestEnd: '2026-03-31' });
  });
  it('wants the next period to start the day after the previous one ended', () => {
    const prev = { start: '2024-04-01', end: '2025-03-31' };
    expect(rules({ start: '2025-04-01', end: '2026-03-31' }, prev)).toEqual([]);
    expect(rules({ start: '2025-04-02', end: '2026-03-31' }, prev)).toEqual(['period_gap']);
    expect(rules({ start: '2025-03-31', end: '2026-03-30' }, prev)).toEqual(['period_overlap']);
  });
  it('names a missing or reversed period', () => {
    expect(rules(null)).toEqual(['period_missing']);
    expect(rules({ start: '2025-04-01', end: '2025-03-01' })).toEqual(['period_invalid']);
    expect(rules({ start: '2025-02-30', end: '2025-08-01' })).toEqual(['period_invalid']);
  });
});
