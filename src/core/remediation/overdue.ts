import type { Milestone, RemediationItem } from './model';
import { isClosed } from './transitions';

/** Overdue: a planned completion date before `today` (an ISO day the caller passes in) on an item still open. */
export const isOverdue = (item: Pick<RemediationItem, 'status' | 'plannedCompletion'>, today: string) =>
  !isClosed(item.status) && item.plannedCompletion !== null && item.plannedCompletion < today;

/** A milestone is overdue when its planned date passed without an actual date, on an item still open. */
export const isMilestoneOverdue = (item: Pick<RemediationItem, 'status'>, m: Milestone, today: string) =>
  !isClosed(item.status) && m.actualDate === null && m.plannedDate < today;

export interface RemediationFlags {
  overdue: boolean;
  overdueMilestones: string[];
  /** Days past the planned completion (0 when not overdue). */
  daysOverdue: number;
}

const dayNumber = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
};

export function remediationFlags(item: RemediationItem, today: string): RemediationFlags {
  const overdue = isOverdue(item, today);
  return {
    overdue,
    overdueMilestones: item.milestones.filter((m) => isMilestoneOverdue(item, m, today)).map((m) => m.id),
    daysOverdue: overdue ? dayNumber(today) - dayNumber(item.plannedCompletion!) : 0,
  };
}
