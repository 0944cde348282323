import { DomainError } from '../errors';
import type { RemediationItem, RemediationStatus } from './model';

/**
 * The item's workflow. Work starts (open → in_progress) or goes back (in_progress → open); an item ends as
 * completed (the gap is fixed), risk_accepted (the CSP accepts the residual risk) or cancelled (not needed any
 * more). A closed item is reopened: completed back to in_progress (the fix did not hold), risk_accepted and
 * cancelled back to open (work has to start again). Nothing jumps from open straight to completed: the board shows
 * the work being done.
 */
export const remediationTransitions: Record<RemediationStatus, readonly RemediationStatus[]> = {
  open: ['in_progress', 'risk_accepted', 'cancelled'],
  in_progress: ['open', 'completed', 'risk_accepted', 'cancelled'],
  completed: ['in_progress'],
  risk_accepted: ['open'],
  cancelled: ['open'],
};

export const closedStatuses: readonly RemediationStatus[] = ['completed', 'risk_accepted', 'cancelled'];
export const isClosed = (s: RemediationStatus) => closedStatuses.includes(s);

export const canMove = (from: RemediationStatus, to: RemediationStatus) => remediationTransitions[from].includes(to);

export function assertMove(from: RemediationStatus, to: RemediationStatus): void {
  if (!canMove(from, to))
    throw new DomainError('invalid_transition', `A remediation item cannot go from ${from} to ${to}`, [], {
      reason: 'remediation_transition',
      params: { from, to },
    });
}

/**
 * The item after a move on `today`: closing stamps the actual completion date (unless one was given), reopening
 * clears it, so "actual completion" is always the day the item last closed.
 *
 * @example moveItem(item, 'completed', '2026-05-01').actualCompletion // '2026-05-01'
 */
export function moveItem(
  item: RemediationItem,
  to: RemediationStatus,
  today: string,
  actualCompletion?: string | null,
): RemediationItem {
  assertMove(item.status, to);
  return {
    ...item,
    status: to,
    actualCompletion: isClosed(to) ? (actualCompletion ?? today) : null,
  };
}
