/**
 * Titles of parent nodes from the columns that describe them. A third-party extraction of the criteria has one row
 * per item and repeats its domain, category and objective on every row (`domain_id, domain_title, category_id, …`);
 * those columns title the parents, never the item. Which parent a value belongs to comes from an id column of that
 * level when the file has one, otherwise from the item's own id (its objective is the id minus one segment, its
 * category minus two, its domain minus three: 9.2.3.1 → 9.2.3, 9.2, 9).
 */
import { ismapNumber } from './ids';
import { normalizeImportId } from './text-import-ids';
import { textImportIssue, type TextImportIssue } from './text-import-issues';

export const PARENT_ROLES = [
  'domainId',
  'domainTitle',
  'categoryId',
  'categoryTitle',
  'objectiveId',
  'objectiveTitle',
] as const;
export type ParentRole = (typeof PARENT_ROLES)[number];

interface Column {
  index: number;
  letter: string;
}
export type ParentColumns = Partial<Record<ParentRole, Column | null>>;

export type ParentLevel = 'domain' | 'category' | 'objective';
const LEVELS: { level: ParentLevel; up: number }[] = [
  { level: 'domain', up: 3 },
  { level: 'category', up: 2 },
  { level: 'objective', up: 1 },
];

export interface ParentTitle {
  /** The node's id in the edition. */
  id: string;
  level: ParentLevel;
  title: string;
  /** The first row that gave it. */
  row: number;
}

/** A warning about a parent column (`unknown_parent`, `parent_title_conflict`), without the file name. */
export type ParentIssue = TextImportIssue;

interface ItemRow {
  id: string;
  row: { row: number; cells: readonly string[] };
  /** The item's own title column gave it a title: a parent title for the same node does not override it. */
  hasTitle: boolean;
}

/**
 * @example parentTitles([{ id: '9.2.3.1', row, hasTitle: false }], { domainTitle: { index: 2, letter: 'C' } }, known)
 *   // { titles: [{ id: '9', level: 'domain', title: 'Access control', row: 2 }], issues: [] }
 */
export function parentTitles(
  items: readonly ItemRow[],
  columns: ParentColumns,
  known: ReadonlyMap<string, { id: string }>,
): { titles: ParentTitle[]; issues: ParentIssue[] } {
  const byNumber = new Map<string, string>();
  for (const { id } of known.values()) if (!byNumber.has(ismapNumber(id))) byNumber.set(ismapNumber(id), id);
  const titled = new Set(items.filter((i) => i.hasTitle).map((i) => i.id));
  const titles = new Map<string, ParentTitle>();
  const issues: ParentIssue[] = [];
  const reported = new Set<string>();
  const report = (key: string, issue: ParentIssue) => {
    if (reported.has(key)) return;
    reported.add(key);
    issues.push(issue);
  };
  for (const { id, row } of items) {
    for (const { level, up } of LEVELS) {
      const titleCol = columns[`${level}Title`];
      if (!titleCol) continue;
      const title = (row.cells[titleCol.index] ?? '').replace(/\r\n?/g, '\n').trim();
      if (title === '') continue;
      const idCol = columns[`${level}Id`];
      const rawParent = idCol ? (row.cells[idCol.index] ?? '').trim() : '';
      let parentId: string | undefined;
      if (rawParent !== '') {
        const norm = normalizeImportId(rawParent);
        parentId = known.get(rawParent)?.id ?? known.get(norm)?.id ?? byNumber.get(ismapNumber(norm));
        if (!parentId && idCol) {
          const where = { row: row.row, column: idCol.letter, field: `${level}Id` };
          report(`u:${norm}`, textImportIssue('warning', 'unknown_parent', { level, parent: rawParent }, where));
          continue;
        }
      } else {
        const segments = ismapNumber(id).split('.');
        if (segments.length <= up) continue;
        parentId = byNumber.get(segments.slice(0, -up).join('.'));
      }
      if (!parentId || titled.has(parentId)) continue;
      const seen = titles.get(parentId);
      if (!seen) titles.set(parentId, { id: parentId, level, title, row: row.row });
      else if (seen.title !== title) {
        const params = { level, parent: parentId, firstRow: seen.row };
        const where = { row: row.row, column: titleCol.letter, field: `${level}Title` };
        report(`c:${parentId}`, textImportIssue('warning', 'parent_title_conflict', params, where));
      }
    }
  }
  return { titles: [...titles.values()], issues };
}
