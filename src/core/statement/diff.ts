import { canonicalJson } from '../canonical-json';
import type { LocalizedText } from '../catalog/model';
import type { ItemAnswer, StatementDocument } from './model';

/**
 * What an imported statement (an edited workbook) would change in the stored one, field by field, before anything is
 * written: the UI and the API show it for confirmation. Empty and absent texts are the same (a cell cannot tell them
 * apart). An item whose stored version moved on since the workbook was exported is flagged `stale`: someone changed
 * it in the meantime, and applying the import would overwrite that.
 */
export const answerDiffFields = [
  'selection',
  'reason',
  'inheritedFrom',
  'status',
  'owner',
  'control.ja',
  'control.en',
  'revisions',
] as const;
export type AnswerDiffField = (typeof answerDiffFields)[number];

export const headerDiffFields = [
  'statement.period',
  'statement.previousPeriod',
  'statement.state',
  'statement.subsequentEvents.ja',
  'statement.subsequentEvents.en',
  'statement.specialNotes.ja',
  'statement.specialNotes.en',
  'service.name.ja',
  'service.name.en',
  'service.model',
  'service.track',
  'service.scope.subServices',
  'service.scope.underlying',
  'service.scope.regions',
  'service.scope.systemOverview.ja',
  'service.scope.systemOverview.en',
  'service.scope.logicalStructure.ja',
  'service.scope.logicalStructure.en',
  'service.scope.populations.ja',
  'service.scope.populations.en',
] as const;
export type HeaderDiffField = (typeof headerDiffFields)[number];

export interface FieldChange<F extends string = string> {
  field: F;
  before: unknown;
  after: unknown;
}

export interface ItemDiff {
  itemId: string;
  changes: FieldChange<AnswerDiffField>[];
  /** The stored answer's version differs from the one the workbook was exported with. */
  stale: boolean;
  storedVersion: number;
  importedVersion: number;
}

export interface StatementDiff {
  /** The two documents are for different statements, catalogs or editions: nothing should be applied. */
  mismatch: ('statement' | 'catalog' | 'edition')[];
  header: FieldChange<HeaderDiffField>[];
  /** Changed items, in the stored document's order. */
  items: ItemDiff[];
  /** Items in the import the stored statement does not have, and the other way round. */
  unknownItems: string[];
  missingItems: string[];
  unchangedItems: number;
  /** Nothing would change. */
  empty: boolean;
}

const text = (t: LocalizedText, lang: 'ja' | 'en') => {
  const v = t[lang];
  return v === undefined || v === null || v === '' ? null : v;
};
const texts = (list: LocalizedText[]) => list.map((t) => ({ ja: text(t, 'ja'), en: text(t, 'en') }));
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const blankToNull = (s: string | null) => (s === null || s === '' ? null : s);

function answerValue(a: ItemAnswer, f: AnswerDiffField): unknown {
  switch (f) {
    case 'control.ja':
      return text(a.control, 'ja');
    case 'control.en':
      return text(a.control, 'en');
    case 'revisions':
      return a.revisions.map((r) => ({
        effectiveDate: r.effectiveDate,
        before: { ja: text(r.before, 'ja'), en: text(r.before, 'en') },
        after: { ja: text(r.after, 'ja'), en: text(r.after, 'en') },
        note: blankToNull(r.note),
      }));
    case 'reason':
    case 'inheritedFrom':
    case 'owner':
      return blankToNull(a[f]);
    default:
      return a[f];
  }
}

function headerValue(d: StatementDocument, f: HeaderDiffField): unknown {
  const { statement: s, service: v } = d;
  const [area, field, sub] = f.split('.') as [string, string, string | undefined];
  if (area === 'statement') {
    if (field === 'period' || field === 'previousPeriod' || field === 'state') return s[field];
    return text(s[field as 'subsequentEvents' | 'specialNotes'], sub as 'ja' | 'en');
  }
  if (field === 'name') return text(v.name, sub as 'ja' | 'en');
  if (field === 'model' || field === 'track') return v[field];
  const scopeField = sub as keyof StatementDocument['service']['scope'];
  const lang = f.split('.')[3] as 'ja' | 'en' | undefined;
  if (scopeField === 'subServices') return texts(v.scope.subServices);
  if (scopeField === 'regions') return v.scope.regions;
  if (scopeField === 'underlying')
    return v.scope.underlying.map((u) => ({
      id: u.id,
      name: u.name,
      provider: blankToNull(u.provider),
      registrationNumber: blankToNull(u.registrationNumber),
    }));
  return text(v.scope[scopeField], lang!);
}

/** Pure: compares the header fields and every item's answer fields; criteria texts are not compared. */
export function diffStatementDocuments(stored: StatementDocument, imported: StatementDocument): StatementDiff {
  const mismatch: StatementDiff['mismatch'] = [];
  if (stored.statement.id !== imported.statement.id) mismatch.push('statement');
  if (stored.statement.catalog !== imported.statement.catalog) mismatch.push('catalog');
  if (stored.statement.edition !== imported.statement.edition) mismatch.push('edition');
  const header: FieldChange<HeaderDiffField>[] = [];
  for (const field of headerDiffFields) {
    const before = headerValue(stored, field);
    const after = headerValue(imported, field);
    if (!same(before, after)) header.push({ field, before, after });
  }
  const importedById = new Map(imported.items.map((i) => [i.criterion.id, i.answer]));
  const storedIds = new Set(stored.items.map((i) => i.criterion.id));
  const items: ItemDiff[] = [];
  const missingItems: string[] = [];
  let unchangedItems = 0;
  for (const { criterion, answer } of stored.items) {
    const next = importedById.get(criterion.id);
    if (!next) {
      missingItems.push(criterion.id);
      continue;
    }
    const changes: FieldChange<AnswerDiffField>[] = [];
    for (const field of answerDiffFields) {
      const before = answerValue(answer, field);
      const after = answerValue(next, field);
      if (!same(before, after)) changes.push({ field, before, after });
    }
    if (changes.length === 0) unchangedItems++;
    else
      items.push({
        itemId: criterion.id,
        changes,
        stale: answer.version !== next.version,
        storedVersion: answer.version,
        importedVersion: next.version,
      });
  }
  const unknownItems = imported.items.map((i) => i.criterion.id).filter((id) => !storedIds.has(id));
  return {
    mismatch,
    header,
    items,
    unknownItems,
    missingItems,
    unchangedItems,
    empty: header.length === 0 && items.length === 0 && unknownItems.length === 0 && missingItems.length === 0,
  };
}
