import type { ImplementationStatus, StoredSelection } from '../../../core/statement/model';

/**
 * The editable fields of one item's answer, as the item panel holds them. The API's item answers carry these
 * fields (and more); the panel, its autosave and its conflict view need only these.
 */
export interface ItemDraft {
  selection: StoredSelection | null;
  reason: string | null;
  inheritedFrom: string | null;
  status: ImplementationStatus;
  owner: string | null;
  control: { ja?: string | null; en?: string | null };
}

export const draftFields = [
  'selection',
  'reason',
  'inheritedFrom',
  'status',
  'owner',
  'controlJa',
  'controlEn',
] as const;
export type DraftField = (typeof draftFields)[number];

export function fieldValue(d: ItemDraft, f: DraftField): string {
  switch (f) {
    case 'controlJa':
      return d.control.ja ?? '';
    case 'controlEn':
      return d.control.en ?? '';
    default:
      return d[f] ?? '';
  }
}

/** Only the draft's fields of an answer (for comparing and sending; extra fields of the API's answer are dropped). */
export const toDraft = (a: ItemDraft): ItemDraft => ({
  selection: a.selection ?? null,
  reason: a.reason ?? null,
  inheritedFrom: a.inheritedFrom ?? null,
  status: a.status,
  owner: a.owner ?? null,
  control: { ja: a.control.ja ?? null, en: a.control.en ?? null },
});

export const sameDraft = (a: ItemDraft, b: ItemDraft) =>
  draftFields.every((f) => fieldValue(a, f) === fieldValue(b, f));

/** The fields on which two versions differ (what the conflict view puts side by side). */
export const differingFields = (a: ItemDraft, b: ItemDraft): DraftField[] =>
  draftFields.filter((f) => fieldValue(a, f) !== fieldValue(b, f));

/** A merge of two versions: each field from the side chosen for it. */
export function mergeDrafts(
  yours: ItemDraft,
  theirs: ItemDraft,
  pick: Partial<Record<DraftField, 'yours' | 'theirs'>>,
): ItemDraft {
  const from = (f: DraftField) => ((pick[f] ?? 'yours') === 'yours' ? yours : theirs);
  return {
    selection: from('selection').selection,
    reason: from('reason').reason,
    inheritedFrom: from('inheritedFrom').inheritedFrom,
    status: from('status').status,
    owner: from('owner').owner,
    control: { ja: from('controlJa').control.ja ?? null, en: from('controlEn').control.en ?? null },
  };
}
