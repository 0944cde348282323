import type { Criterion } from '../statement/criteria';
import type { ItemAnswer } from '../statement/model';
import { allowedSelections } from '../statement/selection';
import type { ProposedValue } from './gap-import';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * The item's answer after a decision applied `value` to it. The selection is taken only where the item allows it
 * (a mandatory item stays required; an item inherited without a named underlying service keeps its selection), the
 * status only when the proposal has one, and the draft is added to the individual control (個別管理策) in the
 * draft's language, never replacing what the CSP already wrote and never twice.
 * @example applyProposedValue(c, before, { selection: 'selected', status: 'implemented', draft: 'MFA for admins' }, [])
 */
export function applyProposedValue(
  c: Criterion,
  before: ItemAnswer,
  value: ProposedValue,
  underlying: readonly string[],
): ItemAnswer {
  let selection = before.selection;
  let inheritedFrom = before.inheritedFrom;
  if (allowedSelections(c).includes(value.selection)) {
    if (value.selection === 'inherited') {
      const from = before.inheritedFrom ?? (underlying.length === 1 ? underlying[0]! : null);
      if (from !== null) {
        selection = 'inherited';
        inheritedFrom = from;
      }
    } else {
      selection = value.selection;
      inheritedFrom = null;
    }
  }
  const draft = value.draft.trim();
  const lang = JAPANESE.test(draft) ? 'ja' : 'en';
  const existing = before.control[lang]?.trim() ?? '';
  const text = !draft || existing.includes(draft) ? existing : existing ? `${existing}\n\n${draft}` : draft;
  return {
    ...before,
    selection,
    inheritedFrom,
    status: value.status ?? before.status,
    control: text ? { ...before.control, [lang]: text } : before.control,
  };
}
