/**
 * Header names seen in ISMAP criteria files and their translations. Matching is on normalised text, so
 * '管理策番号\n(Control No.)' and 'ＩＤ' both match.
 */
export type ColumnRole = 'id' | 'title' | 'text';

const SYNONYMS: Record<ColumnRole, string[]> = {
  id: [
    'ID', 'No.', 'No', 'Number', 'Control ID', 'Control No', 'Control Number', 'Ref', 'Item No',
    '管理策番号', '番号', '項番', '管理策ID', 'ISMAP管理基準番号', '管理基準番号', '基準番号', '項目番号', '識別子',
  ],
  title: ['Title', 'Name', 'Control Name', 'Control Title', 'Heading', 'タイトル', '名称', '見出し', '管理策名', '項目名', '表題'],
  text: [
    'Text', 'Description', 'Control', 'Requirement', 'Requirements', 'Control Text', 'Statement', 'Criteria',
    'Control Criteria', 'Detailed Control', '管理策', '本文', '内容', '詳細管理策', '管理基準', '管理策本文', '要求事項', '基準',
  ],
};

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

export interface HeaderMatch {
  role: ColumnRole;
  exact: boolean;
  /** The synonym matched; longer synonyms are more specific ('管理策番号' beats '管理策'). */
  synonym: string;
}

/** Best role for one header cell: exact matches first, then the longest synonym contained in it. */
export function matchHeader(cell: string): HeaderMatch | null {
  const variants = headerVariants(cell);
  let best: HeaderMatch | null = null;
  const better = (m: HeaderMatch) =>
    !best || (m.exact && !best.exact) || (m.exact === best.exact && m.synonym.length > best.synonym.length);
  for (const v of variants) {
    for (const { role, name } of NORMALIZED) {
      // Short ASCII synonyms ('no', 'id', 'ref') only match exactly: 'notes' or 'video' are not ids.
      const m: HeaderMatch | null = v === name ? { role, exact: true, synonym: name }
        : name.length >= 4 || /[^\x00-\x7f]/.test(name) ? (v.includes(name) ? { role, exact: false, synonym: name } : null)
        : null;
      if (m && better(m)) best = m;
    }
  }
  return best;
}
