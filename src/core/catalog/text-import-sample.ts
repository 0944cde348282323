/**
 * What the first items of an import will become, for the dry-run report: the title before and after (an import
 * with no item title column keeps the titles), the text, and the titles the parent columns give to the item's
 * parents. A wrong column shows here before anything is written ("Access control" as every item's title).
 */
import type { CatalogEdition, Lang } from './model';
import type { TextImportPlan } from './text-import';
import type { ParentLevel } from './text-import-parents';

export interface ImportSampleItem {
  row: number;
  id: string;
  titleBefore: string | null;
  titleAfter: string | null;
  text: string | null;
  parents: { id: string; level: ParentLevel; titleBefore: string | null; titleAfter: string }[];
}

const clip = (s: string | undefined | null, n = 200) => (s == null ? null : s.length > n ? `${s.slice(0, n)}…` : s);

/** @example importSample(ismap202407, plan, 'en')[0] // { id: '5.1.1.1', titleBefore: null, titleAfter: null, … } */
export function importSample(base: CatalogEdition, plan: TextImportPlan, lang: Lang, count = 3): ImportSampleItem[] {
  const byId = new Map(base.nodes.map((n) => [n.id, n]));
  const parentTitle = new Map(plan.parentTitles.map((p) => [p.id, p]));
  const entries = [...plan.matched, ...plan.newIds].sort((a, b) => a.row - b.row).slice(0, count);
  return entries.map((e) => {
    const node = byId.get(e.id);
    const before = node?.title[lang] ?? null;
    const parents: ImportSampleItem['parents'] = [];
    // Walk up the base edition (a new id hangs under the node its prefix names).
    let parentId = node?.parentId ?? byId.get(e.id.split('.').slice(0, -1).join('.'))?.id ?? null;
    while (parentId !== null) {
      const p = byId.get(parentId);
      const given = parentTitle.get(parentId);
      if (given)
        parents.unshift({
          id: parentId,
          level: given.level,
          titleBefore: p?.title[lang] ?? null,
          titleAfter: given.title,
        });
      parentId = p?.parentId ?? null;
    }
    return {
      row: e.row,
      id: e.id,
      titleBefore: before,
      titleAfter: e.title ?? before,
      text: clip(e.text ?? node?.text[lang]),
      parents,
    };
  });
}
