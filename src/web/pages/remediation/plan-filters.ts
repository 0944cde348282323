import { remediationRisks, remediationStatuses, type RemediationStatus } from '../../../core/remediation/model';
import { remediationTransitions } from '../../../core/remediation/transitions';

/** What the board and the list need of one item; the API's items satisfy it (tested on plain data). */
export interface PlanRow {
  id: string;
  title: string;
  owner: string | null;
  risk: string;
  status: RemediationStatus;
  flags: { overdue: boolean };
}

/** The board's columns: every status of the core transition table, in the table's order. */
export const boardColumns = Object.keys(remediationTransitions) as RemediationStatus[];
export { remediationRisks, remediationStatuses };

/** The list's filters held in the URL (?view=list&status=open&owner=CISO&risk=high&overdue=1), so a view can be shared. */
export interface PlanFilter {
  status: string;
  /** An owner's name, `none` (no owner) or empty. */
  owner: string;
  risk: string;
  /** `1`: overdue items only. */
  overdue: string;
}
export const planFilterKeys = ['status', 'owner', 'risk', 'overdue'] as const;

export const readPlanFilter = (params: URLSearchParams): PlanFilter =>
  Object.fromEntries(planFilterKeys.map((k) => [k, params.get(k) ?? ''])) as unknown as PlanFilter;

/** The search params with one filter changed (empty removes it); the view and the open item are kept. */
export function withPlanFilter(params: URLSearchParams, key: keyof PlanFilter | 'view' | 'item', value: string) {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

export function filterPlan<R extends PlanRow>(rows: readonly R[], f: PlanFilter): R[] {
  return rows.filter(
    (r) =>
      (!f.status || r.status === f.status) &&
      (!f.owner || (f.owner === 'none' ? r.owner === null : r.owner === f.owner)) &&
      (!f.risk || r.risk === f.risk) &&
      (f.overdue !== '1' || r.flags.overdue),
  );
}

/** The items of each board column, in the board's order; overdue first, then by title. */
export function byColumn<R extends PlanRow>(rows: readonly R[]): Map<RemediationStatus, R[]> {
  const out = new Map<RemediationStatus, R[]>(boardColumns.map((s) => [s, []]));
  for (const r of rows) out.get(r.status)?.push(r);
  for (const list of out.values())
    list.sort((a, b) => Number(b.flags.overdue) - Number(a.flags.overdue) || a.title.localeCompare(b.title));
  return out;
}

/** Owners to filter by: every owner named in the plan, once, sorted. */
export const ownersOf = (rows: readonly PlanRow[]) =>
  [...new Set(rows.flatMap((r) => (r.owner ? [r.owner] : [])))].sort();
