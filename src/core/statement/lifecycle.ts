import { DomainError } from '../errors';
import type { StatementState } from './model';

/**
 * The statement's lifecycle. A draft is written; `ready_for_audit` says the CSP considers it complete (it can go
 * back to draft); `under_audit` freezes it while the audit organization works (changes only as recorded changes;
 * the audit can be called off back to ready_for_audit); `audited` is final for its period; `superseded` when the
 * next period's statement is audited.
 */
export const statementTransitions: Record<StatementState, readonly StatementState[]> = {
  draft: ['ready_for_audit'],
  ready_for_audit: ['draft', 'under_audit'],
  under_audit: ['audited', 'ready_for_audit'],
  audited: ['superseded'],
  superseded: [],
};

export const canTransition = (from: StatementState, to: StatementState) => statementTransitions[from].includes(to);

export function assertTransition(from: StatementState, to: StatementState): void {
  if (!canTransition(from, to))
    throw new DomainError('invalid_transition', `A statement cannot go from ${from} to ${to}`, [], {
      reason: 'statement_transition',
      params: { from, to },
    });
}

/**
 * Whether items and statement fields may be edited directly. Under audit only through a recorded change (with a
 * reason, audited as such); audited and superseded statements never change.
 */
export type EditMode = 'free' | 'recorded_change' | 'frozen';
export function editMode(state: StatementState): EditMode {
  if (state === 'draft' || state === 'ready_for_audit') return 'free';
  if (state === 'under_audit') return 'recorded_change';
  return 'frozen';
}
