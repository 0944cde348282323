import type { Issue } from '../errors';
import type { Criterion } from './criteria';
import type { ItemAnswer, StoredSelection } from './model';

/**
 * Which items the rules make mandatory (基本言明要件): every governance and management item, every control
 * objective, every `.B`/`.PB` detailed control. `required` is derived from the criteria, never stored.
 */
export const isRequired = (c: Criterion): boolean => c.kind !== 'detailed' || c.basic;

/**
 * The state an item is in, derived from its criterion, its stored answer and (for a detailed control) its
 * objective's answer:
 * - `required`: mandatory and neither excluded nor inherited;
 * - `exempted`: a `.B` detailed control whose objective is excluded (it goes with it);
 * - `undecided`: an optional detailed control nobody has selected or not selected yet.
 */
export const effectiveSelections = [
  'required',
  'selected',
  'not_selected',
  'excluded',
  'exempted',
  'inherited',
  'undecided',
] as const;
export type EffectiveSelection = (typeof effectiveSelections)[number];

export function effectiveSelection(
  c: Criterion,
  answer: Pick<ItemAnswer, 'selection'> | undefined,
  objectiveAnswer: Pick<ItemAnswer, 'selection'> | undefined,
): EffectiveSelection {
  const s = answer?.selection ?? null;
  if (c.kind === 'detailed' && objectiveAnswer?.selection === 'excluded') return 'exempted';
  if (s === 'inherited') return 'inherited';
  if (s === 'excluded') return 'excluded';
  if (isRequired(c)) return 'required';
  if (s === 'selected') return 'selected';
  if (s === 'not_selected') return 'not_selected';
  return 'undecided';
}

/** In the statement: the item's control is declared and will be audited (or inherited from an underlying service). */
export const inScope = (e: EffectiveSelection) => e === 'required' || e === 'selected' || e === 'inherited';

/** Which stored selections an item may take at all; anything else is refused when it is written. */
export function allowedSelections(c: Criterion): readonly (StoredSelection | null)[] {
  switch (c.kind) {
    case 'governance_item':
    case 'management_item':
      return [null];
    case 'objective':
      return [null, 'excluded', 'inherited'];
    case 'detailed':
      return c.basic ? [null, 'inherited'] : [null, 'selected', 'not_selected', 'inherited'];
  }
}

/** `selected` on a mandatory item says nothing more than `required`: stored as null. */
export const normalizeSelection = (c: Criterion, s: StoredSelection | null): StoredSelection | null =>
  s === 'selected' && isRequired(c) ? null : s;

/**
 * Checks an answer against its criterion before it is written: structure only (an exclusion on a detailed
 * control, a non-selection of a mandatory item, an inheritance that names no service). A missing reason or
 * control text is not refused here: a draft may be incomplete, and readiness lists it as a blocker.
 */
export function answerIssues(
  c: Criterion,
  a: Pick<ItemAnswer, 'selection' | 'inheritedFrom'>,
  underlyingIds: ReadonlySet<string>,
  path: (string | number)[] = [],
): Issue[] {
  const issues: Issue[] = [];
  const selection = normalizeSelection(c, a.selection);
  if (!allowedSelections(c).includes(selection)) {
    const code =
      a.selection === 'excluded'
        ? 'selection_exclude_objective_only'
        : a.selection === 'not_selected'
          ? 'selection_required_item'
          : 'selection_inherit_controls_only';
    const message = {
      selection_exclude_objective_only: `${c.id}: only a control objective can be excluded`,
      selection_required_item: `${c.id}: a mandatory item cannot be left out`,
      selection_inherit_controls_only: `${c.id}: only controls criteria items can be inherited`,
    }[code];
    issues.push({ path: [...path, 'selection'], message, code, params: { item: c.id, selection: a.selection } });
  }
  if (a.selection === 'inherited') {
    if (a.inheritedFrom === null)
      issues.push({
        path: [...path, 'inheritedFrom'],
        message: `${c.id}: an inherited item names the underlying service it is inherited from`,
        code: 'inherited_from_missing',
        params: { item: c.id },
      });
    else if (!underlyingIds.has(a.inheritedFrom))
      issues.push({
        path: [...path, 'inheritedFrom'],
        message: `${c.id}: underlying service ${a.inheritedFrom} is not in the service's scope`,
        code: 'inherited_from_unknown',
        params: { item: c.id, service: a.inheritedFrom },
      });
  } else if (a.inheritedFrom !== null)
    issues.push({
      path: [...path, 'inheritedFrom'],
      message: `${c.id}: only an inherited item names an underlying service`,
      code: 'inherited_from_not_inherited',
      params: { item: c.id },
    });
  return issues;
}
