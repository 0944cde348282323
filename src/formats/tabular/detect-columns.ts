/**
 * Finds the header row and the id, title and text columns of a criteria table, so users rarely need --columns.
 * Headers are matched by name (English or Japanese); the id column is also recognised by its values.
 */
import { isIsmapIdShape, normalizeImportId } from '../../core/catalog/text-import-ids';
import { describesParent, matchHeader, PARENT_ROLES, type ColumnRole, type ParentRole } from './header-names';
import { columnLetter } from './table-error';
import type { TableRow } from './types';

export interface DetectedColumn {
  /** 0-based index into `cells`. */
  index: number;
  letter: string;
  /** The header cell's text, null when there is no header row. */
  header: string | null;
  matchedBy: 'header' | 'header-partial' | 'values' | 'layout' | 'override';
}

/** The item's columns, and the columns that describe its parents (never the item's own title). */
export type DetectedColumns = {
  id: DetectedColumn;
  title: DetectedColumn | null;
  text: DetectedColumn | null;
} & Partial<Record<ParentRole, DetectedColumn | null>>;

/** A role the user should confirm: matched only partly, several columns fit, or a guess from the layout. */
export interface UncertainRole {
  role: ColumnRole;
  reason: 'partial' | 'several' | 'layout' | 'missing';
  /** Letters of the columns that could hold it. */
  candidates: string[];
}

/** One column of the sheet, for choosing the columns by hand. */
export interface SheetColumn {
  index: number;
  letter: string;
  header: string | null;
  /** The first non-empty value below the header, clipped. */
  sample: string;
}

export interface ColumnDetection {
  /** 1-based row of the header; null when the table has none. */
  headerRow: number | null;
  /** 1-based row where data starts (rows above it are headers, titles or a cover block). */
  dataStartRow: number;
  columns: DetectedColumns;
  /** Empty when every role was matched exactly by one header. */
  uncertain: UncertainRole[];
  /** Every column of the sheet with its header and a sample value. */
  sheetColumns: SheetColumn[];
  confidence: 'high' | 'medium' | 'low';
  /** Higher is better; compares sheets of one workbook. */
  score: number;
  /** Why each column was chosen, for the UI and --dry-run. */
  explanation: string[];
  /** The first data rows as they would be imported. */
  preview: PreviewRow[];
}

export interface PreviewRow {
  row: number;
  id: string;
  title: string;
  text: string;
  /** Values of the parent columns, by role. */
  parents?: Partial<Record<ParentRole, string>>;
}

const HEADER_WINDOW = 20;
const VALUE_SAMPLE = 200;

/** Share of non-empty cells in a column that look like ISMAP ids. */
export function idLikeShare(rows: readonly TableRow[], index: number): number {
  let filled = 0;
  let ids = 0;
  for (const r of rows.slice(0, VALUE_SAMPLE)) {
    const v = (r.cells[index] ?? '').trim();
    if (v === '') continue;
    filled++;
    if (isIsmapIdShape(normalizeImportId(v))) ids++;
  }
  return filled === 0 ? 0 : ids / filled;
}

const width = (rows: readonly TableRow[]) => rows.reduce((w, r) => Math.max(w, r.cells.length), 0);

/** Average length of a column's non-empty cells: prose columns are the long ones. */
function averageLength(rows: readonly TableRow[], index: number): number {
  const lens = rows
    .slice(0, VALUE_SAMPLE)
    .map((r) => (r.cells[index] ?? '').trim().length)
    .filter((n) => n > 0);
  return lens.length === 0 ? 0 : lens.reduce((a, b) => a + b, 0) / lens.length;
}

interface Candidate {
  headerIndex: number; // index into rows of the last row before the data, -1 for none
  headerless: boolean;
  roles: Partial<Record<ColumnRole, DetectedColumn>>;
  score: number;
  notes: string[];
  uncertain: UncertainRole[];
  /** Columns whose header names a parent level, matched to a role or not: never a title or text by layout. */
  parentColumns: Set<number>;
}

/**
 * Detects the layout of one sheet; null when no column looks like ids by header or by values.
 * @example detectColumns(sheet.rows)?.columns.id.letter // 'A'
 */
export function detectColumns(rows: readonly TableRow[]): ColumnDetection | null {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  let best: Candidate | null = null;
  for (let h = 0; h < Math.min(HEADER_WINDOW, nonEmpty.length); h++) {
    const c = headerCandidate(nonEmpty, h);
    if (c && (!best || c.score > best.score)) best = c;
  }
  best ??= headerlessCandidate(nonEmpty);
  if (!best) return null;
  const headerRowIndex = best.headerIndex;
  const data = nonEmpty.slice(headerRowIndex + 1);
  fillByLayout(best, data);
  const headerCells = best.headerless ? undefined : nonEmpty[headerRowIndex]?.cells;
  for (const col of Object.values(best.roles))
    if (col.header === null && headerCells) col.header = (headerCells[col.index] ?? '').trim() || null;
  const id = best.roles.id;
  if (!id) return null;
  const columns: DetectedColumns = { id, title: best.roles.title ?? null, text: best.roles.text ?? null };
  for (const role of PARENT_ROLES) if (best.roles[role]) columns[role] = best.roles[role];
  const hasParentTitle = PARENT_ROLES.some((r) => r.endsWith('Title') && best.roles[r]);
  if (!columns.title && hasParentTitle) {
    best.notes.push(
      "title: no column holds the items' own titles (the title columns describe parents); titles are kept",
    );
    best.uncertain.push({ role: 'title', reason: 'missing', candidates: [] });
  }
  const viaHeader = (c: DetectedColumn | null) => c?.matchedBy === 'header';
  const confidence =
    viaHeader(columns.id) && viaHeader(columns.text) && best.uncertain.length === 0
      ? 'high'
      : !best.headerless && columns.text
        ? 'medium'
        : 'low';
  return {
    headerRow: best.headerless ? null : (nonEmpty[headerRowIndex]?.row ?? null),
    dataStartRow: data[0]?.row ?? (nonEmpty[headerRowIndex]?.row ?? 0) + 1,
    columns,
    uncertain: best.uncertain,
    sheetColumns: sheetColumns(data, headerCells),
    confidence,
    score: best.score,
    explanation: best.notes,
    preview: previewRows(data, columns),
  };
}

/** The first data rows as the columns read them. */
export function previewRows(data: readonly TableRow[], columns: DetectedColumns, count = 5): PreviewRow[] {
  const get = (r: TableRow, c: DetectedColumn | null | undefined) => (c ? (r.cells[c.index] ?? '') : '');
  return data.slice(0, count).map((r) => {
    const out: PreviewRow = {
      row: r.row,
      id: get(r, columns.id),
      title: get(r, columns.title),
      text: get(r, columns.text).slice(0, 200),
    };
    const parents: Partial<Record<ParentRole, string>> = {};
    for (const role of PARENT_ROLES) if (columns[role]) parents[role] = get(r, columns[role]).slice(0, 200);
    if (Object.keys(parents).length > 0) out.parents = parents;
    return out;
  });
}

export function sheetColumns(data: readonly TableRow[], headerCells: readonly string[] | undefined): SheetColumn[] {
  const n = Math.max(width(data), headerCells?.length ?? 0);
  return [...Array(n).keys()].map((i) => {
    const sample =
      data
        .slice(0, VALUE_SAMPLE)
        .map((r) => (r.cells[i] ?? '').trim())
        .find((v) => v !== '') ?? '';
    return {
      index: i,
      letter: columnLetter(i),
      header: (headerCells?.[i] ?? '').trim() || null,
      sample: sample.slice(0, 80),
    };
  });
}

function headerCandidate(rows: readonly TableRow[], h: number): Candidate | null {
  const header = rows[h];
  if (!header) return null;
  const above = rows[h - 1];
  const data = rows.slice(h + 1);
  const c: Candidate = {
    headerIndex: h,
    headerless: false,
    roles: {},
    score: 0,
    notes: [],
    uncertain: [],
    parentColumns: new Set(),
  };
  const found: { role: ColumnRole; exact: boolean; synonym: string; col: DetectedColumn }[] = [];
  for (let i = 0; i < header.cells.length; i++) {
    // A header merged vertically keeps its text in the row above only.
    const text = (header.cells[i] ?? '').trim() || (above?.cells[i] ?? '').trim();
    const m = text ? matchHeader(text) : null;
    if (text && describesParent(text)) c.parentColumns.add(i);
    if (m)
      found.push({
        ...m,
        col: { index: i, letter: columnLetter(i), header: text, matchedBy: m.exact ? 'header' : 'header-partial' },
      });
  }
  if (found.length === 0) return null;
  for (const role of ['id', 'text', 'title', ...PARENT_ROLES] as const) {
    const options = found.filter(
      (f) => f.role === role && !Object.values(c.roles).some((r) => r.index === f.col.index),
    );
    // Exact beats partial, then the more specific synonym, then the left-most column.
    options.sort(
      (a, b) => Number(b.exact) - Number(a.exact) || b.synonym.length - a.synonym.length || a.col.index - b.col.index,
    );
    const pick = options[0];
    if (!pick) continue;
    if (role === 'id' && idLikeShare(data, pick.col.index) < 0.3 && data.length > 0) {
      c.notes.push(
        `column ${pick.col.letter} "${pick.col.header}" is named like an id column but its values are not ISMAP ids`,
      );
      continue;
    }
    c.roles[role] = pick.col;
    const isItemRole = role === 'id' || role === 'text' || role === 'title';
    if (isItemRole) c.score += (pick.exact ? 3 : 2) * (role === 'title' ? 0.5 : 1);
    c.notes.push(
      `${role}: column ${pick.col.letter} "${pick.col.header}" (header row ${header.row}${pick.exact ? '' : ', partial match'})`,
    );
    for (const other of options.slice(1))
      c.notes.push(`  also possible for ${role}: column ${other.col.letter} "${other.col.header}"`);
    const rivals = options.slice(1).filter((o) => o.exact === pick.exact);
    if (rivals.length > 0)
      c.uncertain.push({ role, reason: 'several', candidates: [pick, ...rivals].map((o) => o.col.letter) });
    else if (!pick.exact) c.uncertain.push({ role, reason: 'partial', candidates: [pick.col.letter] });
  }
  if (!c.roles.id) {
    const byValues = bestIdColumnByValues(data, c);
    if (byValues) {
      c.roles.id = { ...byValues, header: (header.cells[byValues.index] ?? '').trim() || null };
      c.score += 2;
      c.notes.push(`id: column ${byValues.letter} (its values look like ISMAP ids)`);
    }
  } else if (idLikeShare(data, c.roles.id.index) >= 0.5) c.score += 3;
  return c.roles.id ? c : null;
}

function bestIdColumnByValues(data: readonly TableRow[], c: Candidate): DetectedColumn | null {
  let best: DetectedColumn | null = null;
  let bestShare = 0.5;
  for (let i = 0; i < width(data); i++) {
    if (Object.values(c.roles).some((r) => r.index === i)) continue;
    const share = idLikeShare(data, i);
    if (share > bestShare) {
      best = { index: i, letter: columnLetter(i), header: null, matchedBy: 'values' };
      bestShare = share;
    }
  }
  return best;
}

/** No header row: the id column by its values, data starting at the first row whose id cell is an id. */
function headerlessCandidate(rows: readonly TableRow[]): Candidate | null {
  const c: Candidate = {
    headerIndex: -1,
    headerless: true,
    roles: {},
    score: 0,
    notes: ['no header row found'],
    uncertain: [],
    parentColumns: new Set(),
  };
  const id = bestIdColumnByValues(rows, c);
  if (!id) return null;
  c.roles.id = id;
  c.notes.push(`id: column ${id.letter} (its values look like ISMAP ids)`);
  const first = rows.findIndex((r) => isIsmapIdShape(normalizeImportId(r.cells[id.index] ?? '')));
  c.headerIndex = first - 1;
  if (c.headerIndex >= 0) c.notes.push(`data starts at row ${rows[first]?.row}`);
  c.score = 1;
  return c;
}

/** Text (and title) without a recognised header: the longest prose column is the text, a shorter one the title. */
function fillByLayout(c: Candidate, data: readonly TableRow[]) {
  if (c.roles.text) return;
  const taken = new Set([...Object.values(c.roles).map((r) => r.index), ...c.parentColumns]);
  const byLength = [...Array(width(data)).keys()]
    .filter((i) => !taken.has(i))
    .map((i) => ({ i, len: averageLength(data, i) }))
    .filter((x) => x.len > 0)
    .sort((a, b) => b.len - a.len);
  const text = byLength[0];
  if (!text) {
    c.notes.push('no text column found');
    return;
  }
  c.roles.text = { index: text.i, letter: columnLetter(text.i), header: null, matchedBy: 'layout' };
  c.notes.push(`text: column ${columnLetter(text.i)} (the longest cells)`);
  c.uncertain.push({ role: 'text', reason: 'layout', candidates: byLength.slice(0, 3).map((x) => columnLetter(x.i)) });
  const title = byLength[1];
  if (!c.roles.title && title && title.len < text.len / 2) {
    c.roles.title = { index: title.i, letter: columnLetter(title.i), header: null, matchedBy: 'layout' };
    c.notes.push(`title: column ${columnLetter(title.i)} (shorter cells)`);
    c.uncertain.push({
      role: 'title',
      reason: 'layout',
      candidates: byLength.slice(1, 4).map((x) => columnLetter(x.i)),
    });
  }
}
