import type { MessageParams } from '../errors';
import type { Criterion } from './criteria';
import type { ItemAnswer, UnderlyingService } from './model';
import type { PeriodProblem } from './audit-period';
import type { EffectiveSelection } from './selection';

/**
 * Registration blockers: each names its rule, its item (null for the statement as a whole) and what clears it.
 * `message` is English for the CLI and logs; the UI says it from `rule` and `params`.
 */
export const itemBlockerRules = [
  'governance_not_implemented',
  'management_not_implemented',
  'objective_not_addressed',
  'basic_not_implemented',
  'selected_not_implemented',
  'control_text_missing',
  'exclusion_reason_missing',
  'not_selected_reason_missing',
  'inherited_without_registration',
] as const;
export const periodBlockerRules = [
  'period_missing',
  'period_invalid',
  'period_too_long',
  'period_too_short',
  'period_gap',
  'period_overlap',
] as const;
export const blockerRules = [...itemBlockerRules, ...periodBlockerRules] as const;
export type BlockerRule = (typeof blockerRules)[number];

/** What the user does to clear a blocker; the UI offers the matching action on the item. */
export const clearActions = [
  'implement',
  'implement_or_exclude',
  'write_control',
  'give_reason',
  'register_underlying',
  'fix_period',
] as const;
export type ClearAction = (typeof clearActions)[number];

export interface Blocker {
  rule: BlockerRule;
  itemId: string | null;
  clears: ClearAction;
  message: string;
  params: MessageParams;
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';
export const hasControlText = (a: Pick<ItemAnswer, 'control'> | undefined) =>
  a !== undefined && (!blank(a.control.ja) || !blank(a.control.en));

/** The blockers of one item in its effective state. Pure and allocation-light: it runs once per item per change. */
export function itemBlockers(
  c: Criterion,
  eff: EffectiveSelection,
  a: ItemAnswer | undefined,
  underlying: ReadonlyMap<string, UnderlyingService>,
): Blocker[] {
  const item = c.id;
  switch (eff) {
    case 'undecided':
    case 'exempted':
      return [];
    case 'excluded':
      return blank(a?.reason)
        ? [b('exclusion_reason_missing', item, 'give_reason', `${item}: excluded without a reason`)]
        : [];
    case 'not_selected':
      return blank(a?.reason)
        ? [b('not_selected_reason_missing', item, 'give_reason', `${item}: not selected without a reason`)]
        : [];
    case 'inherited': {
      const s = a?.inheritedFrom ? underlying.get(a.inheritedFrom) : undefined;
      if (s && !blank(s.registrationNumber)) return [];
      return [
        b(
          'inherited_without_registration',
          item,
          'register_underlying',
          `${item}: inherited from ${s?.name ?? 'an unknown service'}, which has no ISMAP registration number`,
          { service: s?.name ?? a?.inheritedFrom ?? null },
        ),
      ];
    }
    case 'required':
    case 'selected': {
      const out: Blocker[] = [];
      if (a?.status !== 'implemented') {
        const status = a?.status ?? 'not_started';
        if (c.kind === 'governance_item')
          out.push(b('governance_not_implemented', item, 'implement', `${item}: governance item not implemented`));
        else if (c.kind === 'management_item')
          out.push(b('management_not_implemented', item, 'implement', `${item}: management item not implemented`));
        else if (c.kind === 'objective')
          out.push(
            b(
              'objective_not_addressed',
              item,
              'implement_or_exclude',
              `${item}: control objective neither implemented nor excluded with a reason`,
            ),
          );
        else if (c.basic)
          out.push(
            b('basic_not_implemented', item, 'implement', `${item}: basic statement requirement not implemented`),
          );
        else out.push(b('selected_not_implemented', item, 'implement', `${item}: selected but not implemented`));
        out[out.length - 1]!.params['status'] = status;
      }
      // Objectives are met through their detailed controls; every other declared item states its own control.
      if (c.kind !== 'objective' && !hasControlText(a))
        out.push(b('control_text_missing', item, 'write_control', `${item}: no individual control text`));
      return out;
    }
  }
}

function b(rule: BlockerRule, itemId: string | null, clears: ClearAction, message: string, extra: MessageParams = {}) {
  return { rule, itemId, clears, message, params: { item: itemId, ...extra } };
}

export function periodBlocker(p: PeriodProblem): Blocker {
  switch (p.rule) {
    case 'period_missing':
      return b(p.rule, null, 'fix_period', 'The statement has no audit period');
    case 'period_invalid':
      return b(p.rule, null, 'fix_period', `Audit period ${p.start} – ${p.end} is not a valid range`, { ...p });
    case 'period_too_long':
      return b(p.rule, null, 'fix_period', `Audit period longer than 12 months (it must end by ${p.latestEnd})`, {
        ...p,
      });
    case 'period_too_short':
      return b(
        p.rule,
        null,
        'fix_period',
        `Audit period shorter than 3 months (it must end on or after ${p.earliestEnd})`,
        {
          ...p,
        },
      );
    case 'period_gap':
      return b(
        p.rule,
        null,
        'fix_period',
        `Gap after the previous period (ended ${p.previousEnd}): start ${p.expectedStart}`,
        {
          ...p,
        },
      );
    case 'period_overlap':
      return b(
        p.rule,
        null,
        'fix_period',
        `Overlaps the previous period (ended ${p.previousEnd}): start ${p.expectedStart}`,
        {
          ...p,
        },
      );
  }
}
