import { describe, expect, it } from 'vitest';
import { filterRows, nextSelection, readFilter, rowsHref, withFilter, type EditorRow } from './filters';
import { withFreshness } from './freshness';

const row = (id: string, over: Partial<EditorRow> = {}): EditorRow => ({
  id,
  kind: 'detailed',
  tier: 'controls',
  clause: id.split('.')[0]!,
  objective: null,
  basic: false,
  cloud: false,
  title: { ja: 'アクセス制御', en: 'Access control' },
  selection: 'undecided',
  status: 'not_started',
  owner: null,
  blockers: [],
  ...over,
});

const rows = [
  row('3.1.1.1', { tier: 'governance', kind: 'governance_item', clause: '3.1.1', selection: 'required' }),
  row('9.2.3', { kind: 'objective', selection: 'required', status: 'implemented' }),
  row('9.2.3.11.PB', {
    basic: true,
    selection: 'required',
    owner: 'u1',
    blockers: [{ rule: 'basic_not_implemented', clears: 'implement' }],
  }),
  row('9.2.30.1', { title: { ja: '鍵の管理', en: 'Key management' } }),
  row('10.1.1', { kind: 'objective', clause: '10', selection: 'excluded' }),
];
const f = (s: string) => readFilter(new URLSearchParams(s));
const ids = (s: string) => filterRows(rows, f(s)).map((r) => r.id);

describe('statement editor filters', () => {
  it('filters by tier, clause, selection, status, owner and blocker', () => {
    expect(ids('tier=governance')).toEqual(['3.1.1.1']);
    expect(ids('clause=10')).toEqual(['10.1.1']);
    expect(ids('sel=excluded')).toEqual(['10.1.1']);
    expect(ids('sel=in_scope')).toEqual(['3.1.1.1', '9.2.3', '9.2.3.11.PB']);
    expect(ids('status=implemented')).toEqual(['9.2.3']);
    expect(ids('owner=u1')).toEqual(['9.2.3.11.PB']);
    expect(ids('owner=none').length).toBe(4);
    expect(ids('blocker=any')).toEqual(['9.2.3.11.PB']);
    expect(ids('blocker=basic_not_implemented')).toEqual(['9.2.3.11.PB']);
    expect(ids('blocker=control_text_missing')).toEqual([]);
    expect(ids('blocker=none').length).toBe(4);
    expect(ids('tier=controls&status=not_started')).toEqual(['9.2.3.11.PB', '9.2.30.1', '10.1.1']);
  });

  it('finds ids however typed, an id with everything below it but not its numeric neighbours', () => {
    expect(ids('q=9.2.3')).toEqual(['9.2.3', '9.2.3.11.PB']);
    expect(ids('q=9.2.3.11pb')).toEqual(['9.2.3.11.PB']);
    expect(ids(`q=${encodeURIComponent('９．２．３．１１ＰＢ')}`)).toEqual(['9.2.3.11.PB']);
    expect(ids(`q=${encodeURIComponent('鍵')}`)).toEqual(['9.2.30.1']);
    expect(ids('q=KEY')).toEqual(['9.2.30.1']);
  });

  it('keeps the URL as the state: setting and clearing one filter leaves the others', () => {
    const p = withFilter(new URLSearchParams('tier=controls&item=9.2.3'), 'status', 'planned');
    expect(p.toString()).toBe('tier=controls&item=9.2.3&status=planned');
    expect(withFilter(p, 'tier', '').toString()).toBe('item=9.2.3&status=planned');
    expect(rowsHref('s1', { clause: '9', status: 'planned' })).toBe('/statements/s1?clause=9&status=planned');
    expect(rowsHref('s1', {})).toBe('/statements/s1');
  });

  it('selects like a file manager: click, ctrl-click toggles, shift-click takes the range', () => {
    const visible = ['a', 'b', 'c', 'd', 'e'];
    const one = nextSelection(new Set(), visible, null, 'b', { shift: false, toggle: false });
    expect([...one]).toEqual(['b']);
    const two = nextSelection(one, visible, 'b', 'd', { shift: false, toggle: true });
    expect([...two].sort()).toEqual(['b', 'd']);
    expect([...nextSelection(two, visible, 'b', 'b', { shift: false, toggle: true })]).toEqual(['d']);
    expect([...nextSelection(one, visible, 'b', 'e', { shift: true, toggle: false })]).toEqual(['b', 'c', 'd', 'e']);
    expect([...nextSelection(one, visible, 'd', 'a', { shift: true, toggle: true })].sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});

describe('evidence freshness in the editor', () => {
  const judged = withFreshness(rows, {
    items: [
      { itemId: '3.1.1.1', state: 'stale' },
      { itemId: '9.2.3.11.PB', state: 'no_evidence' },
      { itemId: '9.2.30.1', state: 'fresh' },
    ],
  })!;
  const evidenceIds = (s: string) => filterRows(judged, f(s)).map((r) => r.id);

  it('marks each judged row and leaves the others (out of scope, or freshness still loading) without a state', () => {
    expect(judged.map((r) => r.evidence)).toEqual(['stale', undefined, 'no_evidence', 'fresh', undefined]);
    expect(withFreshness(rows, undefined)).toBe(rows);
    expect(withFreshness(undefined, { items: [] })).toBeUndefined();
  });

  it('filters by evidence: stale or none, from the URL, combined with the other filters', () => {
    expect(evidenceIds('evidence=stale')).toEqual(['3.1.1.1']);
    expect(evidenceIds('evidence=none')).toEqual(['9.2.3.11.PB']);
    expect(evidenceIds('evidence=none&tier=governance')).toEqual([]);
    expect(rowsHref('s1', { evidence: 'stale' })).toBe('/statements/s1?evidence=stale');
  });
});
