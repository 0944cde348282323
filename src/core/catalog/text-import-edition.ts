/**
 * A new edition from a text import: the base edition's nodes with the file's texts applied and the new ids added
 * under their parents by id prefix. Pure; the use case (app/use-cases/catalogs/import-catalog-text.ts) loads and writes.
 */
import { compareEditions } from '../mapping/graph';
import { ismapNumber } from './ids';
import type { CatalogEdition, CatalogNode, Lang } from './model';
import type { TextImportEntry, TextImportPlan } from './text-import';
import { textImportIssue, type TextImportIssue } from './text-import-issues';
import { isIsmapIdShape } from './text-import-ids';
import { documentOrder } from './tree';

/**
 * The edition a new one is copied from: the nearest older one, so an imported 2025-01 copies 2024-07 and an
 * imported 2022-04 (older than every stored edition) copies the oldest stored one. Null when the catalog is empty.
 * @example baseEditionFor(['2024-07', '2022-04'], '2023-01') // '2022-04'
 */
export function baseEditionFor(editions: readonly string[], edition: string): string | null {
  const sorted = [...editions].sort(compareEditions);
  const older = sorted.filter((e) => compareEditions(e, edition) < 0);
  return older[older.length - 1] ?? sorted[0] ?? null;
}

/** A child's kind when the parent has no children to copy it from. */
const childKind: Record<string, string> = {
  tier: 'process',
  clause: 'category',
  category: 'objective',
  objective: 'detailed',
  process: 'item',
  section: 'group',
  group: 'item',
};

export interface BuildEditionOptions {
  edition: string;
  lang: Lang;
  /** Recorded as each imported text's source: 'criteria.csv (2026-12-01)'. */
  source: string;
  /** Where new ids without a parent are reported. */
  file?: string | undefined;
  idColumn: string;
}

/** Applies one entry's title and text to a node in `lang`. */
export function applyEntry(
  n: CatalogNode,
  e: Pick<TextImportEntry, 'title' | 'text'>,
  lang: Lang,
  source: string,
): CatalogNode {
  return {
    ...n,
    title: e.title !== undefined ? { ...n.title, [lang]: e.title } : n.title,
    text: e.text !== undefined ? { ...n.text, [lang]: e.text } : n.text,
    textSource: e.text !== undefined ? { ...n.textSource, [lang]: source } : n.textSource,
  };
}

/**
 * The new edition, and an error issue (`no_parent`) for every new id whose parent is in neither edition.
 * @example buildEdition(ismap202407, plan, { edition: '2025-01', lang: 'en', source, idColumn: 'A' }).edition.nodes
 */
export function buildEdition(
  base: CatalogEdition,
  plan: TextImportPlan,
  opts: BuildEditionOptions,
): { edition: CatalogEdition; issues: TextImportIssue[] } {
  const { lang, source } = opts;
  const issues: TextImportIssue[] = [];
  const entries = new Map<string, Pick<TextImportEntry, 'title' | 'text'>>(plan.matched.map((m) => [m.id, m]));
  for (const p of plan.parentTitles) if (!entries.has(p.id)) entries.set(p.id, { title: p.title });
  const nodes = base.nodes.map((n) => {
    const e = entries.get(n.id);
    return e ? applyEntry(n, e, lang, source) : { ...n };
  });
  const byNumber = new Map<string, CatalogNode>();
  for (const n of nodes)
    if (isIsmapIdShape(n.id) && !byNumber.has(ismapNumber(n.id))) byNumber.set(ismapNumber(n.id), n);
  const childCount = new Map<string, number>();
  const firstChild = new Map<string, CatalogNode>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    childCount.set(n.parentId, (childCount.get(n.parentId) ?? 0) + 1);
    if (!firstChild.has(n.parentId)) firstChild.set(n.parentId, n);
  }
  const segments = (id: string) => ismapNumber(id).split('.').length;
  for (const e of [...plan.newIds].sort((a, b) => segments(a.id) - segments(b.id))) {
    const number = ismapNumber(e.id);
    const parentNumber = number.split('.').slice(0, -1).join('.');
    const parent = byNumber.get(parentNumber);
    if (!parent) {
      const params = { id: e.id, parent: parentNumber, catalog: base.catalog, edition: base.edition };
      const where = { row: e.row, column: opts.idColumn, field: 'id', file: opts.file };
      issues.push(textImportIssue('error', 'no_parent', params, where));
      continue;
    }
    const kind = firstChild.get(parent.id)?.kind ?? childKind[parent.kind] ?? 'item';
    const suffix = /\.(PB|P|B)$/.exec(e.id)?.[1] ?? '';
    const tier = parent.props['tier'];
    const node = applyEntry(
      {
        id: e.id,
        kind,
        depth: parent.depth + 1,
        parentId: parent.id,
        position: childCount.get(parent.id) ?? 0,
        label: e.id,
        flags: [...suffix],
        title: {},
        text: {},
        textSource: {},
        params: [],
        sourceRefs: [],
        props: tier !== undefined ? { tier, level: kind } : {},
      },
      e,
      lang,
      source,
    );
    childCount.set(parent.id, node.position + 1);
    if (!firstChild.has(parent.id)) firstChild.set(parent.id, node);
    byNumber.set(number, node);
    nodes.push(node);
  }
  const edition = {
    catalog: base.catalog,
    edition: opts.edition,
    title: base.title,
    provenance: `${source}, based on ${base.catalog} ${base.edition}`,
    publishedAt: null,
    nodes: documentOrder(nodes),
  };
  return { edition, issues };
}
