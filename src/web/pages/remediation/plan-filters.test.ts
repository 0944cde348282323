import { describe, expect, it } from 'vitest';
import { remediationTransitions } from '../../../core/remediation/transitions';
import {
  boardColumns,
  byColumn,
  filterPlan,
  ownersOf,
  readPlanFilter,
  withPlanFilter,
  type PlanRow,
} from './plan-filters';

const row = (id: string, over: Partial<PlanRow> = {}): PlanRow => ({
  id,
  title: id,
  owner: null,
  risk: 'moderate',
  status: 'open',
  flags: { overdue: false },
  ...over,
});
const rows = [
  row('a', { owner: 'CISO', risk: 'high', status: 'in_progress', flags: { overdue: true } }),
  row('b', { owner: 'CISO' }),
  row('c', { owner: '情報システム部', risk: 'low', status: 'completed' }),
  row('d', { title: 'A first', status: 'open', flags: { overdue: true } }),
];
const ids = (qs: string) => filterPlan(rows, readPlanFilter(new URLSearchParams(qs))).map((r) => r.id);

describe('remediation board and list', () => {
  it('has one board column per status of the transition table, in its order', () => {
    expect(boardColumns).toEqual(Object.keys(remediationTransitions));
    expect(boardColumns).toEqual(['open', 'in_progress', 'completed', 'risk_accepted', 'cancelled']);
  });

  it('puts each item in its status column, overdue first', () => {
    const cols = byColumn(rows);
    expect(cols.get('open')!.map((r) => r.id)).toEqual(['d', 'b']);
    expect(cols.get('in_progress')!.map((r) => r.id)).toEqual(['a']);
    expect(cols.get('cancelled')).toEqual([]);
  });

  it('filters the list by status, owner (or none), risk and overdue, combined', () => {
    expect(ids('')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids('status=open')).toEqual(['b', 'd']);
    expect(ids('owner=CISO')).toEqual(['a', 'b']);
    expect(ids('owner=none')).toEqual(['d']);
    expect(ids('risk=high')).toEqual(['a']);
    expect(ids('overdue=1')).toEqual(['a', 'd']);
    expect(ids('overdue=1&owner=CISO&risk=high')).toEqual(['a']);
    expect(ownersOf(rows)).toEqual(['CISO', '情報システム部']);
  });

  it('changes one filter in the URL and keeps the view and the open item', () => {
    const p = new URLSearchParams('view=list&item=x&risk=low');
    expect(withPlanFilter(p, 'risk', 'high').toString()).toBe('view=list&item=x&risk=high');
    expect(withPlanFilter(p, 'risk', '').toString()).toBe('view=list&item=x');
    expect(p.toString()).toBe('view=list&item=x&risk=low');
  });
});
