import { compareIds } from './ids';
import type { CatalogEdition, CatalogNode } from './model';

/**
 * Differences between two editions of a catalog, matched by node id: what a statement written against
 * edition `a` must look at when it moves to edition `b`.
 */
export type ChangedField =
  'kind' | 'label' | 'title.ja' | 'title.en' | 'text.ja' | 'text.en' | 'flags' | 'parent' | 'position' | 'params';

export interface NodeChange {
  id: string;
  fields: ChangedField[];
  before: CatalogNode;
  after: CatalogNode;
}

export interface EditionDiff {
  from: { catalog: string; edition: string };
  to: { catalog: string; edition: string };
  /** Nodes only in `b`, in natural id order (`compareIds`: 9.2.3.2 before 9.2.3.10). */
  added: CatalogNode[];
  /** Nodes only in `a`, in natural id order. */
  removed: CatalogNode[];
  /** Nodes in both with at least one changed field, in natural id order. */
  changed: NodeChange[];
  unchangedCount: number;
}

const same = (x: string | null | undefined, y: string | null | undefined) => (x ?? null) === (y ?? null);

// Params compare by content, key order aside, so a re-serialised catalog does not show as changed.
function paramsKey(n: CatalogNode): string {
  return JSON.stringify(
    n.params.map((p) => [
      p.id,
      p.label ?? null,
      p.values ?? null,
      p.select ? [p.select.howMany ?? null, p.select.choice] : null,
      p.guidelines ?? null,
    ]),
  );
}

export function changedFields(a: CatalogNode, b: CatalogNode): ChangedField[] {
  const out: ChangedField[] = [];
  if (a.kind !== b.kind) out.push('kind');
  if (a.label !== b.label) out.push('label');
  if (!same(a.title.ja, b.title.ja)) out.push('title.ja');
  if (!same(a.title.en, b.title.en)) out.push('title.en');
  if (!same(a.text.ja, b.text.ja)) out.push('text.ja');
  if (!same(a.text.en, b.text.en)) out.push('text.en');
  if ([...a.flags].sort().join(',') !== [...b.flags].sort().join(',')) out.push('flags');
  if (a.parentId !== b.parentId) out.push('parent');
  if (a.position !== b.position) out.push('position');
  if (paramsKey(a) !== paramsKey(b)) out.push('params');
  return out;
}

/** Example: ISMAP 2022-04 → 2024-07 gives `added` = the four 2024-07 detailed controls. */
export function diffEditions(a: CatalogEdition, b: CatalogEdition): EditionDiff {
  const before = new Map(a.nodes.map((n) => [n.id, n]));
  const afterIds = new Set(b.nodes.map((n) => n.id));
  const added: CatalogNode[] = [];
  const changed: NodeChange[] = [];
  let unchangedCount = 0;
  for (const n of b.nodes) {
    const old = before.get(n.id);
    if (!old) {
      added.push(n);
      continue;
    }
    const fields = changedFields(old, n);
    if (fields.length > 0) changed.push({ id: n.id, fields, before: old, after: n });
    else unchangedCount++;
  }
  return {
    from: { catalog: a.catalog, edition: a.edition },
    to: { catalog: b.catalog, edition: b.edition },
    added: added.sort((x, y) => compareIds(x.id, y.id)),
    removed: a.nodes.filter((n) => !afterIds.has(n.id)).sort((x, y) => compareIds(x.id, y.id)),
    changed: changed.sort((x, y) => compareIds(x.id, y.id)),
    unchangedCount,
  };
}
