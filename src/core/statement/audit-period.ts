import type { AuditPeriod } from './model';

/**
 * Audit period rules (監査対象期間): at most one year; at least three months when shorter; consecutive periods
 * leave no gap and do not overlap. Dates are ISO calendar dates (`2025-04-01`), both ends included; the arithmetic
 * is calendar arithmetic (no clock, no time zone).
 */
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const daysIn = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

export function parseIsoDate(s: string): Ymd | null {
  const m = isoDate.exec(s);
  if (!m) return null;
  const v = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (v.m < 1 || v.m > 12 || v.d < 1 || v.d > daysIn(v.y, v.m)) return null;
  return v;
}

const fmt = ({ y, m, d }: Ymd) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** `addDays('2025-03-31', 1)` → `'2025-04-01'`. */
export function addDays(s: string, n: number): string {
  const v = parseIsoDate(s);
  if (!v) throw new RangeError(`not an ISO date: ${s}`);
  let { y, m, d } = v;
  d += n;
  while (d > daysIn(y, m)) {
    d -= daysIn(y, m);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  while (d < 1) {
    m -= 1;
    if (m < 1) [y, m] = [y - 1, 12];
    d += daysIn(y, m);
  }
  return fmt({ y, m, d });
}

/** `addMonths('2024-01-31', 1)` → `'2024-02-29'` (clamped to the month's last day). */
export function addMonths(s: string, n: number): string {
  const v = parseIsoDate(s);
  if (!v) throw new RangeError(`not an ISO date: ${s}`);
  const total = v.y * 12 + (v.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return fmt({ y, m, d: Math.min(v.d, daysIn(y, m)) });
}

export type PeriodProblem =
  | { rule: 'period_missing' }
  | { rule: 'period_invalid'; start: string; end: string }
  | { rule: 'period_too_long'; start: string; end: string; latestEnd: string }
  | { rule: 'period_too_short'; start: string; end: string; earliestEnd: string }
  | { rule: 'period_gap'; previousEnd: string; start: string; expectedStart: string }
  | { rule: 'period_overlap'; previousEnd: string; start: string; expectedStart: string };

/**
 * Example: `{ start: '2025-04-01', end: '2026-03-31' }` is exactly one year and passes; ending `2026-04-01` is too
 * long; `{ start: '2025-04-01', end: '2025-06-29' }` is under three months. With a previous period ending
 * `2025-03-31` the next must start `2025-04-01`.
 */
export function periodProblems(period: AuditPeriod | null, previous: AuditPeriod | null): PeriodProblem[] {
  if (period === null) return [{ rule: 'period_missing' }];
  const { start, end } = period;
  if (!parseIsoDate(start) || !parseIsoDate(end) || end < start) return [{ rule: 'period_invalid', start, end }];
  const out: PeriodProblem[] = [];
  const latestEnd = addDays(addMonths(start, 12), -1);
  const earliestEnd = addDays(addMonths(start, 3), -1);
  if (end > latestEnd) out.push({ rule: 'period_too_long', start, end, latestEnd });
  else if (end < earliestEnd) out.push({ rule: 'period_too_short', start, end, earliestEnd });
  if (previous !== null && parseIsoDate(previous.end)) {
    const expectedStart = addDays(previous.end, 1);
    if (start > expectedStart) out.push({ rule: 'period_gap', previousEnd: previous.end, start, expectedStart });
    else if (start < expectedStart)
      out.push({ rule: 'period_overlap', previousEnd: previous.end, start, expectedStart });
  }
  return out;
}
