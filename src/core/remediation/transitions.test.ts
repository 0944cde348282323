import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { remediationStatuses, type RemediationStatus } from './model';
import { assertMove, canMove, isClosed, moveItem, remediationTransitions } from './transitions';
import { remediationItemOf } from './test-item';

const allowed: [RemediationStatus, RemediationStatus][] = [
  ['open', 'in_progress'],
  ['open', 'risk_accepted'],
  ['open', 'cancelled'],
  ['in_progress', 'open'],
  ['in_progress', 'completed'],
  ['in_progress', 'risk_accepted'],
  ['in_progress', 'cancelled'],
  ['completed', 'in_progress'],
  ['risk_accepted', 'open'],
  ['cancelled', 'open'],
];
const key = (a: string, b: string) => `${a}→${b}`;
const allowedKeys = new Set(allowed.map(([a, b]) => key(a, b)));

describe('remediation transitions', () => {
  for (const from of remediationStatuses)
    for (const to of remediationStatuses) {
      const ok = allowedKeys.has(key(from, to));
      it(`${from} → ${to} is ${ok ? 'allowed' : 'forbidden'}`, () => {
        expect(canMove(from, to)).toBe(ok);
        if (ok) expect(() => assertMove(from, to)).not.toThrow();
        else {
          let err: unknown;
          try {
            assertMove(from, to);
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(DomainError);
          expect((err as DomainError).code).toBe('invalid_transition');
          expect((err as DomainError).reason).toBe('remediation_transition');
          expect((err as DomainError).params).toEqual({ from, to });
        }
      });
    }

  it('the table holds exactly the allowed pairs', () => {
    const pairs = Object.entries(remediationTransitions).flatMap(([f, ts]) => ts.map((t) => key(f, t)));
    expect(new Set(pairs)).toEqual(allowedKeys);
  });

  it('closing stamps the actual completion day; reopening clears it', () => {
    const working = remediationItemOf({ status: 'in_progress' });
    const done = moveItem(working, 'completed', '2026-05-01');
    expect(done).toMatchObject({ status: 'completed', actualCompletion: '2026-05-01' });
    expect(moveItem(working, 'completed', '2026-05-01', '2026-04-28').actualCompletion).toBe('2026-04-28');
    expect(moveItem(done, 'in_progress', '2026-05-02')).toMatchObject({
      status: 'in_progress',
      actualCompletion: null,
    });
    expect(moveItem(remediationItemOf(), 'cancelled', '2026-05-03').actualCompletion).toBe('2026-05-03');
  });

  it('knows which statuses are closed', () => {
    expect(remediationStatuses.filter(isClosed)).toEqual(['completed', 'risk_accepted', 'cancelled']);
  });
});
