import { describe, expect, it } from 'vitest';
import type { Blocker } from '../statement/blockers';
import { itemFromBlocker, linkedBlockers, linkedItemIds } from './blocker-links';
import { remediationItemOf } from './test-item';

const blocker: Blocker = {
  rule: 'basic_not_implemented',
  itemId: '5.1.1',
  clears: 'implement',
  message: '5.1.1: basic statement requirement not implemented',
  params: { item: '5.1.1', status: 'planned' },
};
const period: Blocker = {
  rule: 'period_missing',
  itemId: null,
  clears: 'fix_period',
  message: 'no period',
  params: {},
};

describe('remediation links to blockers', () => {
  it('prefills an item from a blocker', () => {
    expect(itemFromBlocker(blocker)).toEqual({
      title: '5.1.1: basic not implemented',
      description: '5.1.1: basic statement requirement not implemented',
      links: [
        { kind: 'blocker', rule: 'basic_not_implemented', target: '5.1.1' },
        { kind: 'statement_item', rule: null, target: '5.1.1' },
      ],
    });
    expect(itemFromBlocker(period).links).toEqual([{ kind: 'blocker', rule: 'period_missing', target: null }]);
  });
  it('a blocker link is cleared once readiness no longer reports its blocker', () => {
    const item = remediationItemOf({ links: itemFromBlocker(blocker).links });
    expect(linkedBlockers(item, [blocker]).map((l) => l.cleared)).toEqual([false, false]);
    // Another blocker on the same item keeps the item link open, not the blocker link.
    const other: Blocker = { ...blocker, rule: 'control_text_missing', clears: 'write_control' };
    expect(linkedBlockers(item, [other]).map((l) => l.cleared)).toEqual([true, false]);
    expect(linkedBlockers(item, []).map((l) => l.cleared)).toEqual([true, true]);
    expect(linkedItemIds({ links: [...item.links, { kind: 'finding', rule: null, target: 'f-1' }] })).toEqual([
      '5.1.1',
    ]);
  });
});
