import { describe, expect, it } from 'vitest';
import { statementCriteria } from './criteria';
import { blankAnswer, implementationStatuses, type ItemAnswer, type UnderlyingService } from './model';
import { Readiness } from './readiness';
import { allowedSelections } from './selection';
import { smallEdition } from './test-criteria';

const criteria = statementCriteria(smallEdition());
const period = { start: '2025-04-01', end: '2026-03-31' };
const answer = (itemId: string, a: Partial<ItemAnswer> = {}): ItemAnswer => ({ ...blankAnswer(itemId), ...a });
const done = (itemId: string, a: Partial<ItemAnswer> = {}) =>
  answer(itemId, { status: 'implemented', control: { ja: `${itemId} の個別管理策` }, ...a });
const rulesOf = (r: Readiness) => r.blockers().map((b) => `${b.rule}@${b.itemId ?? '-'}`);

describe('statementCriteria', () => {
  it('keeps the answerable items with their tier, clause and objective', () => {
    expect(criteria.map((c) => `${c.id}:${c.kind}:${c.clause}:${c.objective ?? '-'}`)).toEqual([
      '3.1.2.1:governance_item:3.1.2:-',
      '3.1.2.2:governance_item:3.1.2:-',
      '4.4.1.1:management_item:4.4:-',
      '9.2.3:objective:9:9.2.3',
      '9.2.3.1:detailed:9:9.2.3',
      '9.2.3.2.B:detailed:9:9.2.3',
      '9.2.3.3.PB:detailed:9:9.2.3',
      '9.2.4:objective:9:9.2.4',
      '9.2.4.1:detailed:9:9.2.4',
    ]);
    expect(criteria.find((c) => c.id === '9.2.3.3.PB')).toMatchObject({ basic: true, cloud: true });
  });
  it('digests the criteria text, so a changed text is noticed', () => {
    const changed = smallEdition();
    changed.nodes.find((n) => n.id === '9.2.3.1')!.text = { ja: '改訂された本文' };
    const again = statementCriteria(changed);
    expect(again.find((c) => c.id === '9.2.3.1')!.digest).not.toBe(criteria.find((c) => c.id === '9.2.3.1')!.digest);
    expect(again.find((c) => c.id === '9.2.3.2.B')!.digest).toBe(criteria.find((c) => c.id === '9.2.3.2.B')!.digest);
  });
});

describe('Readiness', () => {
  it('lists every rule an empty statement breaks, each with its item and what clears it', () => {
    const r = new Readiness(criteria, [], [], null, null);
    expect(rulesOf(r)).toEqual([
      'period_missing@-',
      'governance_not_implemented@3.1.2.1',
      'control_text_missing@3.1.2.1',
      'governance_not_implemented@3.1.2.2',
      'control_text_missing@3.1.2.2',
      'management_not_implemented@4.4.1.1',
      'control_text_missing@4.4.1.1',
      'objective_not_addressed@9.2.3',
      'basic_not_implemented@9.2.3.2.B',
      'control_text_missing@9.2.3.2.B',
      'basic_not_implemented@9.2.3.3.PB',
      'control_text_missing@9.2.3.3.PB',
      'objective_not_addressed@9.2.4',
    ]);
    expect(r.blockers().find((b) => b.rule === 'objective_not_addressed')!.clears).toBe('implement_or_exclude');
    const s = r.summary();
    expect(s.total).toMatchObject({ items: 9, inScope: 7, ready: 0, undecided: 2, percent: 0 });
    expect(s.ready).toBe(false);
    expect(s.byClause.map((c) => c.clause)).toEqual(['3.1.2', '4.4', '9']);
  });

  it('reaches 100 % when every declared item is implemented with its control and the period is right', () => {
    const answers = [
      done('3.1.2.1'),
      done('3.1.2.2'),
      done('4.4.1.1'),
      done('9.2.3'),
      done('9.2.3.1', { selection: 'selected' }),
      done('9.2.3.2.B'),
      done('9.2.3.3.PB'),
      answer('9.2.4', { selection: 'excluded', reason: 'No user accounts: the service has no sign-in' }),
    ];
    const r = new Readiness(criteria, answers, [], period, null);
    expect(rulesOf(r)).toEqual([]);
    const s = r.summary();
    expect(s).toMatchObject({ ready: true, blockerCount: 0 });
    expect(s.total).toMatchObject({ percent: 100, inScope: 7, ready: 7 });
    // 9.2.4.1 goes with its excluded objective.
    expect(r.item('9.2.4.1')!.selection).toBe('exempted');
  });

  it('flags an exclusion or a non-selection without a reason, and a selected item not implemented', () => {
    const r = new Readiness(criteria, [
      answer('9.2.4', { selection: 'excluded' }),
      answer('9.2.3.1', { selection: 'not_selected', reason: '  ' }),
    ]);
    expect(rulesOf(r)).toContain('exclusion_reason_missing@9.2.4');
    expect(rulesOf(r)).toContain('not_selected_reason_missing@9.2.3.1');
    r.apply(answer('9.2.3.1', { selection: 'selected', control: { en: 'We review accounts quarterly.' } }));
    expect(r.item('9.2.3.1')!.blockers.map((b) => b.rule)).toEqual(['selected_not_implemented']);
  });

  it('wants an inherited item to name a registered underlying service', () => {
    const iaas: UnderlyingService = { id: 'u1', name: 'Example IaaS', provider: 'Example', registrationNumber: null };
    const r = new Readiness(criteria, [answer('9.2.3.1', { selection: 'inherited', inheritedFrom: 'u1' })], [iaas]);
    expect(r.item('9.2.3.1')!.blockers.map((b) => b.rule)).toEqual(['inherited_without_registration']);
    r.setUnderlying([{ ...iaas, registrationNumber: 'C21-0008-2' }]);
    expect(r.item('9.2.3.1')!.blockers).toEqual([]);
  });

  it('updates incrementally to exactly what a full pass over the same answers gives', () => {
    // A seeded generator: the same 3,000 random edits every run.
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const underlying: UnderlyingService[] = [
      { id: 'u1', name: 'IaaS', provider: null, registrationNumber: 'C21-0001-1' },
    ];
    const live = new Readiness(criteria, [], underlying, period, null);
    const current = new Map<string, ItemAnswer>();
    for (let step = 0; step < 3000; step++) {
      const c = criteria[rand(criteria.length)]!;
      const options = allowedSelections(c);
      const selection = options[rand(options.length)]!;
      const a = answer(c.id, {
        selection,
        status: implementationStatuses[rand(implementationStatuses.length)]!,
        reason: rand(2) ? 'because' : null,
        inheritedFrom: selection === 'inherited' ? 'u1' : null,
        control: rand(2) ? { ja: '管理策' } : {},
      });
      current.set(c.id, a);
      live.apply(a);
      if (step % 250 === 0 || step === 2999) {
        const fresh = new Readiness(criteria, current.values(), underlying, period, null);
        expect(live.summary()).toEqual(fresh.summary());
        expect(live.blockers()).toEqual(fresh.blockers());
      }
    }
  });
});
