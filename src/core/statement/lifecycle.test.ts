import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { statementStates, type StatementState } from './model';
import { assertTransition, canTransition, editMode, statementTransitions } from './lifecycle';

const allowed: [StatementState, StatementState][] = [
  ['draft', 'ready_for_audit'],
  ['ready_for_audit', 'draft'],
  ['ready_for_audit', 'under_audit'],
  ['under_audit', 'audited'],
  ['under_audit', 'ready_for_audit'],
  ['audited', 'superseded'],
];

describe('statement lifecycle', () => {
  const key = (a: string, b: string) => `${a}→${b}`;
  const allowedKeys = new Set(allowed.map(([a, b]) => key(a, b)));
  for (const from of statementStates)
    for (const to of statementStates) {
      const ok = allowedKeys.has(key(from, to));
      it(`${from} → ${to} is ${ok ? 'allowed' : 'forbidden'}`, () => {
        expect(canTransition(from, to)).toBe(ok);
        if (ok) expect(() => assertTransition(from, to)).not.toThrow();
        else {
          const e = (() => {
            try {
              assertTransition(from, to);
            } catch (err) {
              return err;
            }
          })();
          expect(e).toBeInstanceOf(DomainError);
          expect((e as DomainError).code).toBe('invalid_transition');
          expect((e as DomainError).reason).toBe('statement_transition');
        }
      });
    }
  it('the table holds exactly the allowed pairs', () => {
    const pairs = Object.entries(statementTransitions).flatMap(([f, ts]) => ts.map((t) => key(f, t)));
    expect(new Set(pairs)).toEqual(allowedKeys);
  });
  it('freezes a statement under audit except through recorded changes, and for good once audited', () => {
    expect(editMode('draft')).toBe('free');
    expect(editMode('ready_for_audit')).toBe('free');
    expect(editMode('under_audit')).toBe('recorded_change');
    expect(editMode('audited')).toBe('frozen');
    expect(editMode('superseded')).toBe('frozen');
  });
});
