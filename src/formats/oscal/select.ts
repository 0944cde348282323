import type { Catalog, Control, Group, ResolutionWarning, SelectControlById, Selection } from './types';

export interface ControlEntry {
  control: Control;
  parent: Control | null;
  /** Position in document order, for sorting selections back into catalog order. */
  order: number;
}

export interface CatalogIndex {
  byId: Map<string, ControlEntry>;
  /** Every control and child control in document order. */
  all: ControlEntry[];
}

// Catalogs are parsed once and resolved many times (a baseline per profile, repeated in benchmarks), so the
// index lives as long as the catalog object does.
const indexes = new WeakMap<Catalog, CatalogIndex>();

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const cached = indexes.get(catalog);
  if (cached) return cached;
  const index: CatalogIndex = { byId: new Map(), all: [] };
  const visitControl = (control: Control, parent: Control | null) => {
    const entry = { control, parent, order: index.all.length };
    index.all.push(entry);
    if (!index.byId.has(control.id)) index.byId.set(control.id, entry);
    for (const child of control.controls ?? []) visitControl(child, control);
  };
  const visitGroup = (group: Group) => {
    for (const c of group.controls ?? []) visitControl(c, null);
    for (const g of group.groups ?? []) visitGroup(g);
  };
  for (const c of catalog.controls ?? []) visitControl(c, null);
  for (const g of catalog.groups ?? []) visitGroup(g);
  indexes.set(catalog, index);
  return index;
}

/** OSCAL 1.x `matching/pattern` is a glob: `*` any run of characters, `?` one character, matched on the whole id. */
export function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function addDescendants(control: Control, into: Set<string>) {
  for (const child of control.controls ?? []) {
    into.add(child.id);
    addDescendants(child, into);
  }
}

function matchSelectors(
  index: CatalogIndex,
  selectors: SelectControlById[],
  where: string,
  warnings: ResolutionWarning[],
): Set<string> {
  const ids = new Set<string>();
  selectors.forEach((sel, i) => {
    const hits: ControlEntry[] = [];
    for (const id of sel['with-ids'] ?? []) {
      const entry = index.byId.get(id);
      if (entry) hits.push(entry);
      else warnings.push({ path: `${where}[${i}].with-ids`, message: `no control ${id} in the imported catalog` });
    }
    for (const m of sel.matching ?? []) {
      if (!m.pattern) continue;
      const re = globToRegExp(m.pattern);
      for (const entry of index.all) if (re.test(entry.control.id)) hits.push(entry);
    }
    for (const entry of hits) {
      ids.add(entry.control.id);
      // Child controls come along only when asked: NIST's baselines call `ac-2` without its enhancements.
      if (sel['with-child-controls'] === 'yes') addDescendants(entry.control, ids);
    }
  });
  return ids;
}

/**
 * The ids a selection picks from a catalog. No include directive means include-all; exclusion always wins,
 * whatever the specificity of the include that also matched.
 */
export function selectIds(
  index: CatalogIndex,
  selection: Selection,
  where: string,
  warnings: ResolutionWarning[],
): Set<string> {
  const includes = selection['include-controls'];
  const selected =
    selection['include-all'] || !includes
      ? new Set(index.all.map((e) => e.control.id))
      : matchSelectors(index, includes, `${where}.include-controls`, warnings);
  const excludes = selection['exclude-controls'];
  if (excludes) {
    for (const id of matchSelectors(index, excludes, `${where}.exclude-controls`, warnings)) selected.delete(id);
  }
  return selected;
}
