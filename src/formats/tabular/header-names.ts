/**
 * Header names seen in ISMAP criteria files and their translations. Matching is on normalised text, so
 * '管理策番号\n(Control No.)' and 'ＩＤ' both match.
 */
import { PARENT_ROLES, type ParentRole } from '../../core/catalog/text-import-parents';

/** What an item row's own columns hold. */
export type ItemRole = 'id' | 'title' | 'text';
/**
 * Parent roles (core/catalog/text-import-parents.ts): a third-party file repeats the domain, category and objective
 * on every row. Those columns name or title a parent node and must never become the item's own title or text.
 */
export { PARENT_ROLES, type ParentRole };
export type ColumnRole = ItemRole | ParentRole;
export const ITEM_ROLES: readonly ItemRole[] = ['id', 'title', 'text'];

const SYNONYMS: Record<ColumnRole, string[]> = {
  id: [
    'ID',
    'No.',
    'No',
    'Number',
    'Control ID',
    'Control No',
    'Control Number',
    'Ref',
    'Item No',
    'Item ID',
    '管理策番号',
    '番号',
    '項番',
    '管理策ID',
    'ISMAP管理基準番号',
    '管理基準番号',
    '基準番号',
    '項目番号',
    '識別子',
    '詳細管理策番号',
  ],
  title: [
    'Title',
    'Name',
    'Control Name',
    'Control Title',
    'Heading',
    'Item Title',
    'タイトル',
    '名称',
    '見出し',
    '管理策名',
    '項目名',
    '表題',
  ],
  text: [
    'Text',
    'Description',
    'Control',
    'Requirement',
    'Requirements',
    'Control Text',
    'Statement',
    'Criteria',
    'Control Criteria',
    'Detailed Control',
    '管理策',
    '本文',
    '内容',
    '詳細管理策',
    '管理基準',
    '管理策本文',
    '要求事項',
    '基準',
  ],
  domainId: [
    'Domain ID',
    'Domain No',
    'Domain Number',
    'Clause ID',
    'Clause No',
    'Chapter No',
    'Section ID',
    'Section No',
    '章番号',
    '分野番号',
  ],
  domainTitle: [
    'Domain',
    'Domain Title',
    'Domain Name',
    'Clause',
    'Clause Title',
    'Chapter',
    'Section',
    'Section Title',
    '分野',
    '章名',
    '分野名',
  ],
  categoryId: [
    'Category ID',
    'Category No',
    'Category Number',
    'Group ID',
    'Group No',
    'カテゴリ番号',
    'カテゴリー番号',
    '分類番号',
  ],
  categoryTitle: [
    'Category',
    'Category Title',
    'Category Name',
    'Group',
    'Group Title',
    'カテゴリ',
    'カテゴリー',
    '分類',
    '分類名',
    'カテゴリ名',
  ],
  objectiveId: ['Objective ID', 'Objective No', 'Control Objective ID', 'Control Objective No', '管理目的番号'],
  objectiveTitle: [
    'Objective',
    'Control Objective',
    'Objective Title',
    'Control Objective Title',
    '管理目的',
    '管理目的名',
  ],
};

/**
 * Words that make a header describe a parent: 'domain_title' holds the domain's title, not the item's. A header with
 * one of them never matches an item role, even when it also contains 'title' or 'control'.
 */
// Not a bare '章': '文章' (prose) contains it.
const PARENT_WORDS = [
  'domain',
  'clause',
  'chapter',
  'section',
  'category',
  'group',
  'objective',
  '章番号',
  '章名',
  '分野',
  'カテゴリ',
  '分類',
  '管理目的',
];

const BRACKETS = /[()[\]{}<>（）［］｛｝〈〉《》「」『』【】〔〕]/g;
const PUNCTUATION = /[\s.:：・_\-‐－―/／、,。*＊※#]/g;

/** NFKC, lower case, no spaces, newlines, brackets or punctuation. */
export function normalizeHeader(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(BRACKETS, '').replace(PUNCTUATION, '');
}

/** The whole header, the part outside brackets and each bracketed part: '番号(No.)' → ['番号no', '番号', 'no']. */
export function headerVariants(s: string): string[] {
  const n = s.normalize('NFKC');
  const inside = [...n.matchAll(/[(（[［【「『〔]([^)）\]］】」』〕]*)[)）\]］】」』〕]/g)].map((m) => m[1] ?? '');
  const outside = n.replace(/[(（[［【「『〔][^)）\]］】」』〕]*[)）\]］】」』〕]/g, ' ');
  const lines = n.split(/\r\n|\r|\n/);
  const all = [n, outside, ...inside, ...lines].map(normalizeHeader).filter((v) => v !== '');
  return [...new Set(all)];
}

const NORMALIZED: { role: ColumnRole; name: string }[] = (Object.keys(SYNONYMS) as ColumnRole[]).flatMap((role) =>
  SYNONYMS[role].map((name) => ({ role, name: normalizeHeader(name) })),
);
const NORMALIZED_PARENT_WORDS = PARENT_WORDS.map(normalizeHeader);
const isParentRole = (r: ColumnRole): r is ParentRole => (PARENT_ROLES as readonly string[]).includes(r);

/** True when the header names a parent level ('domain_title', '管理目的'), whatever else it contains. */
export function describesParent(cell: string): boolean {
  const n = normalizeHeader(cell);
  // '詳細管理策' and 'control objective' both contain control words; only the parent words decide.
  return NORMALIZED_PARENT_WORDS.some((w) => n.includes(w));
}

export interface HeaderMatch {
  role: ColumnRole;
  exact: boolean;
  /** The synonym matched; longer synonyms are more specific ('管理策番号' beats '管理策'). */
  synonym: string;
}

/** Best role for one header cell: exact matches first, then the longest synonym contained in it. */
export function matchHeader(cell: string): HeaderMatch | null {
  const variants = headerVariants(cell);
  const parent = describesParent(cell);
  let best: HeaderMatch | null = null;
  const better = (m: HeaderMatch) =>
    !best || (m.exact && !best.exact) || (m.exact === best.exact && m.synonym.length > best.synonym.length);
  for (const v of variants) {
    for (const { role, name } of NORMALIZED) {
      if (parent !== isParentRole(role)) continue;
      // Short ASCII synonyms ('no', 'id', 'ref') only match exactly: 'notes' or 'video' are not ids.
      const m: HeaderMatch | null =
        v === name
          ? { role, exact: true, synonym: name }
          : name.length >= 4 || /[^\x00-\x7f]/.test(name)
            ? v.includes(name)
              ? { role, exact: false, synonym: name }
              : null
            : null;
      if (m && better(m)) best = m;
    }
  }
  return best;
}
