/**
 * Validation and plan for importing ISMAP criteria prose (管理基準の本文) from a user-supplied table.
 * Pure: the caller reads the file (src/formats/tabular) and writes the plan. Every row is checked and every problem
 * reported with its row and column before anything is written (house style: validate everything, then write).
 */
import type { Lang } from './model';
import { ismapNumber } from './ids';
import { isIsmapIdShape, normalizeImportId } from './text-import-ids';
import { startsLikeFormula } from './formula-cells';
import {
  textImportIssue,
  type TextImportIssue,
  type TextImportIssueCode,
  type TextImportIssueParams,
} from './text-import-issues';
import { parentTitles, type ParentColumns, type ParentTitle } from './text-import-parents';

export type { TextImportIssue } from './text-import-issues';
export { PARENT_ROLES, type ParentRole, type ParentTitle } from './text-import-parents';

/** What to do with a second row for the same id: fail the import (default), keep the first row, or the last. */
export type DuplicatePolicy = 'reject' | 'first' | 'last';
export const DUPLICATE_POLICIES: readonly DuplicatePolicy[] = ['reject', 'first', 'last'];

/** A table row as read from the file; `row` is 1-based as Excel or a text editor shows it. */
export interface TextImportRow {
  row: number;
  cells: readonly string[];
  /** Set by the reader when bytes in this row could not be decoded. */
  badEncoding?: boolean;
}

/** Where a field lives: 0-based index into `cells` and the letter shown to users. */
export interface TextImportColumn {
  index: number;
  letter: string;
}

export interface TextImportInput {
  rows: readonly TextImportRow[];
  columns: { id: TextImportColumn; title?: TextImportColumn | null; text?: TextImportColumn | null } & ParentColumns;
  /** Rows at or above the header row are not data. */
  headerRow?: number | null;
  lang: Lang;
  /** Node ids of the target edition; null when the edition does not exist yet (every id is then new). */
  knownIds: ReadonlyMap<string, { id: string; kind: string }> | null;
  /** Every node that a parent column may title (clauses such as '9' too); defaults to `knownIds`. */
  knownParents?: ReadonlyMap<string, { id: string; kind: string }> | null;
  duplicates?: DuplicatePolicy;
  /** Accept ids the edition does not have, as new nodes (how a newer edition is created). */
  allowNew?: boolean;
  /** File name, put on every issue. */
  file?: string;
  limits?: { maxTitleLength?: number; maxTextLength?: number };
}

export interface TextImportEntry {
  id: string;
  row: number;
  title?: string;
  text?: string;
}

export interface TextImportPlan {
  matched: (TextImportEntry & { kind: string })[];
  newIds: TextImportEntry[];
  /** Ids present in the file with no text (a warning, not an error). */
  idsWithoutText: string[];
  /** Ids of the edition that the file does not mention (empty when the edition is new). */
  missingIds: string[];
  /** Titles the parent columns give to parent nodes (domain_title → the clause '9'), one per node. */
  parentTitles: ParentTitle[];
  counts: {
    dataRows: number;
    matched: number;
    newIds: number;
    withoutText: number;
    missing: number;
    skipped: number;
    /** Rows whose id came earlier in the file (rejected, or skipped by the duplicate policy). */
    duplicates: number;
    parentTitles: number;
    errors: number;
    warnings: number;
  };
}

export interface TextImportResult {
  ok: boolean;
  issues: TextImportIssue[];
  plan: TextImportPlan;
}

export const DEFAULT_TEXT_LIMITS = { maxTitleLength: 500, maxTextLength: 20_000 } as const;

/** Prose is kept exactly as published (no NFKC): only line ends are unified and outer whitespace trimmed. */
export const normalizeProse = (s: string): string => s.replace(/\r\n?/g, '\n').trim();

const REPLACEMENT = '\uFFFD';

/**
 * Checks every row and builds the plan.
 * @example validateTextImport({ rows, columns: { id: { index: 0, letter: 'A' }, text: { index: 2, letter: 'C' } },
 *   headerRow: 1, lang: 'ja', knownIds, allowNew: false })
 */
export function validateTextImport(input: TextImportInput): TextImportResult {
  const { columns, file, lang } = input;
  const limits = { ...DEFAULT_TEXT_LIMITS, ...input.limits };
  const allowNew = input.allowNew === true || input.knownIds === null;
  const known = indexKnown(input.knownIds);
  const issues: TextImportIssue[] = [];
  const add = <C extends TextImportIssueCode>(
    severity: TextImportIssue['severity'],
    code: C,
    params: TextImportIssueParams<C>,
    row?: number,
    column?: TextImportColumn | null,
    field?: string,
  ) => {
    issues.push(textImportIssue(severity, code, params, { row, column: column?.letter, field, file }));
  };

  const plan: TextImportPlan = {
    matched: [],
    newIds: [],
    idsWithoutText: [],
    missingIds: [],
    parentTitles: [],
    counts: {
      dataRows: 0,
      matched: 0,
      newIds: 0,
      withoutText: 0,
      missing: 0,
      skipped: 0,
      duplicates: 0,
      parentTitles: 0,
      errors: 0,
      warnings: 0,
    },
  };
  if (!columns.title && !columns.text) add('error', 'no_text_column', {});

  const policy = input.duplicates ?? 'reject';
  const firstRowOf = new Map<string, number>();
  const accepted = new Map<
    string,
    { entry: TextImportEntry; row: TextImportRow; node: { id: string; kind: string } | undefined }
  >();
  const cell = (r: TextImportRow, c: TextImportColumn | null | undefined) => (c ? (r.cells[c.index] ?? '') : '');
  const headerRow = input.headerRow ?? 0;
  const langSamples: string[] = [];

  for (const r of input.rows) {
    if (r.row <= headerRow) continue;
    const rawId = cell(r, columns.id).trim();
    const title = columns.title ? normalizeProse(cell(r, columns.title)) : '';
    const text = columns.text ? normalizeProse(cell(r, columns.text)) : '';
    if (rawId === '' && title === '' && text === '') continue; // blank or decorative row
    plan.counts.dataRows++;

    if (r.badEncoding || [rawId, title, text].some((s) => s.includes(REPLACEMENT))) {
      const bad = [columns.id, columns.title, columns.text].find((c) => cell(r, c).includes(REPLACEMENT));
      add('error', 'bad_encoding', {}, r.row, bad);
    }
    if (title.length > limits.maxTitleLength)
      add(
        'error',
        'title_too_long',
        { length: title.length, max: limits.maxTitleLength },
        r.row,
        columns.title,
        'title',
      );
    if (text.length > limits.maxTextLength)
      add('error', 'text_too_long', { length: text.length, max: limits.maxTextLength }, r.row, columns.text, 'text');

    for (const [value, column, field] of [
      [title, columns.title, 'title'],
      [text, columns.text, 'text'],
    ] as const) {
      if (!startsLikeFormula(value)) continue;
      // Kept as published; the warning says a spreadsheet would run it (exports neutralize it, see formula-cells.ts).
      add('warning', 'formula_payload', { field, char: value[0]! }, r.row, column, field);
    }
    if (rawId === '') {
      add('error', 'empty_id', {}, r.row, columns.id, 'id');
      continue;
    }
    const id = normalizeImportId(rawId);
    if (!isIsmapIdShape(id)) {
      // A row with a non-id and no prose is usually a chapter heading ('第5章 管理策基準'): warn and skip it.
      if (text === '') {
        plan.counts.skipped++;
        add('warning', 'skipped_row', { value: clip(rawId) }, r.row, columns.id, 'id');
      } else {
        add('error', 'invalid_id', { value: clip(rawId) }, r.row, columns.id, 'id');
      }
      continue;
    }
    const node = known.get(id);
    // Keyed by the node, so 9.2.1.6 and 9.2.1.6.PB in one file are duplicates.
    const key = node?.id ?? id;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      plan.counts.duplicates++;
      const kept = accepted.get(key)?.row.row ?? first;
      const severity = policy === 'reject' ? 'error' : 'warning';
      add(severity, 'duplicate_id', { id, policy, firstRow: first, keptRow: kept }, r.row, columns.id, 'id');
      if (policy !== 'last') continue;
    } else firstRowOf.set(key, r.row);

    if (!node && !allowNew) {
      if (first === undefined) add('error', 'unknown_id', { id }, r.row, columns.id, 'id');
      continue;
    }
    const entry: TextImportEntry = { id, row: r.row };
    if (title !== '') entry.title = title;
    if (text !== '') entry.text = text;
    // Re-inserting keeps the map in first-seen order, so 'last' changes a row's content, not the import order.
    accepted.set(key, { entry, row: r, node });
  }

  for (const { entry, row, node } of accepted.values()) {
    if (entry.text !== undefined && langSamples.length < 200) langSamples.push(entry.text);
    if (entry.text === undefined && columns.text) {
      plan.idsWithoutText.push(entry.id);
      add('warning', 'no_text', { id: entry.id }, row.row, columns.text, 'text');
    }
    if (node) plan.matched.push({ ...entry, id: node.id, kind: node.kind });
    else plan.newIds.push(entry);
  }
  const parents = parentTitles(
    [...accepted.values()].map((a) => ({ id: a.entry.id, row: a.row, hasTitle: a.entry.title !== undefined })),
    columns,
    indexKnown(input.knownParents ?? input.knownIds),
  );
  plan.parentTitles = parents.titles;
  for (const i of parents.issues) issues.push(file !== undefined ? { ...i, file } : i);
  issues.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));

  if (plan.counts.dataRows === 0) add('error', 'no_rows', {});
  const mismatch = languageMismatch(langSamples, lang);
  if (mismatch) add('warning', 'language_mismatch', { lang });
  if (input.knownIds) {
    const seen = new Set(plan.matched.map((m) => m.id));
    plan.missingIds = [...input.knownIds.values()].map((n) => n.id).filter((id) => !seen.has(id));
  }

  const c = plan.counts;
  c.matched = plan.matched.length;
  c.newIds = plan.newIds.length;
  c.withoutText = plan.idsWithoutText.length;
  c.missing = plan.missingIds.length;
  c.parentTitles = plan.parentTitles.length;
  c.errors = issues.filter((i) => i.severity === 'error').length;
  c.warnings = issues.length - c.errors;
  return { ok: c.errors === 0, issues, plan };
}

/**
 * Known ids are indexed by their canonical form too, so '9.2.3.11.pb' in a catalog still matches, and by their
 * number when only one node has it: third-party files often drop the suffix (9.2.1.6 for 9.2.1.6.PB).
 */
function indexKnown(known: TextImportInput['knownIds']): Map<string, { id: string; kind: string }> {
  const out = new Map<string, { id: string; kind: string }>();
  const byNumber = new Map<string, { id: string; kind: string } | null>();
  for (const [key, node] of known ?? []) {
    out.set(key, node);
    out.set(normalizeImportId(key), node);
    const number = ismapNumber(node.id);
    byNumber.set(number, byNumber.has(number) && byNumber.get(number)?.id !== node.id ? null : node);
  }
  for (const [number, node] of byNumber) if (node && !out.has(number)) out.set(number, node);
  return out;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** True when most texts look like the other language: an easy mistake with `--lang`. */
function languageMismatch(samples: string[], lang: Lang): boolean {
  if (samples.length === 0) return false;
  const ja = samples.filter((s) => JAPANESE.test(s)).length / samples.length;
  return (lang === 'en' && ja > 0.5) || (lang === 'ja' && ja < 0.1);
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
