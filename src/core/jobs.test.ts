import { describe, expect, it } from 'vitest';
import { retryDelayMs, scheduledRunKey, slotStart } from './jobs';

describe('job rules', () => {
  it('aligns slots to the epoch so every server computes the same key', () => {
    const t = Date.parse('2026-12-01T18:42:10.000Z');
    expect(slotStart(3600_000, t)).toBe(Date.parse('2026-12-01T18:00:00.000Z'));
    expect(scheduledRunKey('sessions.purge_expired', slotStart(3600_000, t))).toBe(
      'sessions.purge_expired@2026-12-01T18:00:00.000Z',
    );
  });

  it('backs off exponentially up to a bound, and stops when no attempt is left', () => {
    const b = { baseMs: 1000, maxMs: 5000 };
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 10, b))).toEqual([1000, 2000, 4000, 5000]);
    expect(retryDelayMs(3, 3, b)).toBeNull();
  });
});
