import { describe, expect, it } from 'vitest';
import { statementCriteria } from './criteria';
import { answerIssues, effectiveSelection, isRequired, normalizeSelection } from './selection';
import { smallEdition } from './test-criteria';

const c = Object.fromEntries(statementCriteria(smallEdition()).map((x) => [x.id, x]));
const none = new Set<string>();

describe('selection rules', () => {
  it('makes governance, management, objectives and .B/.PB mandatory', () => {
    expect(['3.1.2.1', '4.4.1.1', '9.2.3', '9.2.3.2.B', '9.2.3.3.PB'].every((id) => isRequired(c[id]!))).toBe(true);
    expect(isRequired(c['9.2.3.1']!)).toBe(false);
  });
  it('exempts the .B children of an excluded objective', () => {
    expect(effectiveSelection(c['9.2.3.2.B']!, undefined, { selection: 'excluded' })).toBe('exempted');
    expect(effectiveSelection(c['9.2.3.2.B']!, undefined, undefined)).toBe('required');
    expect(effectiveSelection(c['9.2.3.1']!, undefined, undefined)).toBe('undecided');
  });
  it('refuses impossible selections with a code and the item', () => {
    const at = (id: string, selection: Parameters<typeof answerIssues>[1]['selection'], from: string | null = null) =>
      answerIssues(c[id]!, { selection, inheritedFrom: from }, new Set(['u1'])).map((i) => i.code);
    expect(at('9.2.3.1', 'excluded')).toEqual(['selection_exclude_objective_only']);
    expect(at('9.2.3.2.B', 'not_selected')).toEqual(['selection_required_item']);
    expect(at('3.1.2.1', 'inherited', 'u1')).toEqual(['selection_inherit_controls_only']);
    expect(at('9.2.3', 'inherited')).toEqual(['inherited_from_missing']);
    expect(at('9.2.3', 'inherited', 'u9')).toEqual(['inherited_from_unknown']);
    expect(at('9.2.3', 'excluded', 'u1')).toEqual(['inherited_from_not_inherited']);
    expect(at('9.2.3', 'excluded')).toEqual([]);
    expect(answerIssues(c['9.2.3.1']!, { selection: 'not_selected', inheritedFrom: null }, none)).toEqual([]);
  });
  it('stores "selected" on a mandatory item as plain required', () => {
    expect(normalizeSelection(c['9.2.3.2.B']!, 'selected')).toBeNull();
    expect(normalizeSelection(c['9.2.3.1']!, 'selected')).toBe('selected');
  });
});
