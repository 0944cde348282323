import { indexCatalog, selectIds, type CatalogIndex, type ControlEntry } from './select';
import type { Catalog, Control, CustomGroup, Group, InsertControls, Merge, Param, ResolutionWarning } from './types';
import { cloneJson } from './json';

/** What one import contributed: the (resolved) source catalog and the ids selected from it. */
export interface SourceSelection {
  catalog: Catalog;
  index: CatalogIndex;
  selected: Set<string>;
}

export interface Body {
  params?: Param[];
  controls?: Control[];
  groups?: Group[];
}

type Method = 'keep' | 'use-first' | 'merge';

/** Copies a control without its child controls: only what the profile selected gets cloned, never whole subtrees. */
function copyControl(control: Control, children: Control[]): Control {
  const { controls: _omit, ...rest } = control;
  const out = cloneJson(rest) as Control;
  if (children.length > 0) out.controls = children;
  return out;
}

function copyGroupShell<T extends Group | CustomGroup>(group: T): Group {
  const { controls: _c, groups: _g, 'insert-controls': _i, ...rest } = group as Group & CustomGroup;
  return cloneJson(rest) as Group;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `merge` combination: union of both copies' contents, dropping replicated branches; child controls by id. */
function mergeInto(target: Record<string, unknown>, extra: Record<string, unknown>) {
  for (const [key, value] of Object.entries(extra)) {
    const have = target[key];
    if (have === undefined) target[key] = value;
    else if (key === 'controls' && Array.isArray(have) && Array.isArray(value)) {
      for (const c of value as Control[]) {
        const twin = (have as Control[]).find((h) => h.id === c.id);
        if (twin) mergeInto(twin, c);
        else have.push(c);
      }
    } else if (Array.isArray(have) && Array.isArray(value)) {
      for (const v of value) if (!have.some((h) => same(h, v))) have.push(v);
    }
  }
}

/** Applies the combination rule to clashing controls (same id from several selections). */
class Combiner {
  private seen = new Map<string, Control>();
  constructor(private method: Method) {}
  /** The control to place, or null when it was folded into (or lost to) an earlier copy. */
  admit(control: Control): Control | null {
    const prev = this.seen.get(control.id);
    if (!prev) {
      this.seen.set(control.id, control);
      return control;
    }
    if (this.method === 'use-first') return null;
    if (this.method === 'merge') {
      mergeInto(prev, control);
      return null;
    }
    return control;
  }
}

const nonNull = <T>(x: T | null): x is T => x !== null;

/** as-is: groups and implicitly included ancestor controls come along; ancestors keep their own content. */
function asIsBody(selections: SourceSelection[], combiner: Combiner): Body {
  const controls: Control[] = [];
  const groups: Group[] = [];
  for (const sel of selections) {
    const buildControl = (c: Control): Control | null => {
      const kids = (c.controls ?? []).map(buildControl);
      const placed = kids.filter(nonNull);
      if (!sel.selected.has(c.id) && !kids.some((k) => k !== null)) return null;
      return combiner.admit(copyControl(c, placed));
    };
    const buildGroup = (g: Group): Group | null => {
      const cs = (g.controls ?? []).map(buildControl).filter(nonNull);
      const gs = (g.groups ?? []).map(buildGroup).filter(nonNull);
      if (cs.length === 0 && gs.length === 0) return null;
      const out = copyGroupShell(g);
      if (cs.length) out.controls = cs;
      if (gs.length) out.groups = gs;
      return out;
    };
    controls.push(...(sel.catalog.controls ?? []).map(buildControl).filter(nonNull));
    mergeGroups(groups, (sel.catalog.groups ?? []).map(buildGroup).filter(nonNull));
  }
  const params = looseParams(selections, false);
  return {
    ...(params.length ? { params } : {}),
    ...(controls.length ? { controls } : {}),
    ...(groups.length ? { groups } : {}),
  };
}

/** Several sources under as-is: groups with the same id are one group in the result. */
function mergeGroups(into: Group[], incoming: Group[]) {
  for (const g of incoming) {
    const twin = g.id ? into.find((t) => t.id === g.id) : undefined;
    if (!twin) {
      into.push(g);
      continue;
    }
    if (g.controls) twin.controls = [...(twin.controls ?? []), ...g.controls];
    if (g.groups) mergeGroups((twin.groups ??= []), g.groups);
  }
}

/** Parameters outside any control; without as-is their groups are gone, so they move to the catalog. */
function looseParams(selections: SourceSelection[], withGroups: boolean): Param[] {
  const out: Param[] = [];
  const visit = (g: Group) => {
    out.push(...(g.params ?? []));
    (g.groups ?? []).forEach(visit);
  };
  for (const sel of selections) {
    out.push(...(sel.catalog.params ?? []));
    if (withGroups) (sel.catalog.groups ?? []).forEach(visit);
  }
  return out.map((p) => cloneJson(p));
}

/** No structuring directive: no groups; a selected child stays inside its parent only if the parent is selected. */
function unstructuredBody(selections: SourceSelection[], combiner: Combiner): Body {
  const controls: Control[] = [];
  for (const sel of selections) {
    const build = (c: Control): Control =>
      copyControl(c, (c.controls ?? []).filter((k) => sel.selected.has(k.id)).map(build));
    for (const entry of sel.index.all) {
      if (!sel.selected.has(entry.control.id)) continue;
      if (entry.parent && sel.selected.has(entry.parent.id)) continue;
      const placed = combiner.admit(build(entry.control));
      if (placed) controls.push(placed);
    }
  }
  return controls.length ? { controls } : {};
}

/** flat: every selected control at the top level, child controls pulled out of their parents, document order. */
function flatBody(selections: SourceSelection[], combiner: Combiner): Body {
  const controls: Control[] = [];
  for (const sel of selections) {
    for (const entry of sel.index.all) {
      if (!sel.selected.has(entry.control.id)) continue;
      const placed = combiner.admit(copyControl(entry.control, []));
      if (placed) controls.push(placed);
    }
  }
  return controls.length ? { controls } : {};
}

const sortKey = (c: Control) => c.props?.find((p) => p.name === 'sort-id')?.value ?? c.id;

/** custom: the profile gives the groups; insert-controls picks from what the imports selected. */
function customBody(
  selections: SourceSelection[],
  combiner: Combiner,
  custom: NonNullable<Merge['custom']>,
  warnings: ResolutionWarning[],
): Body {
  // The pool keeps parent/child links so that with-child-controls works inside insert-controls.
  const pool = unstructuredBody(selections, combiner);
  const poolCatalog = { controls: pool.controls ?? [] } as Catalog;
  const index = indexCatalog(poolCatalog);
  const used = new Set<Control>();
  const insert = (ic: InsertControls, where: string): Control[] => {
    const ids = selectIds(index, ic, where, warnings);
    const entries: ControlEntry[] = index.all.filter((e) => ids.has(e.control.id));
    if (ic.order === 'ascending' || ic.order === 'descending') {
      const dir = ic.order === 'ascending' ? 1 : -1;
      entries.sort((a, b) => dir * sortKey(a.control).localeCompare(sortKey(b.control), 'en', { numeric: true }));
    }
    return entries.map((e) => {
      const { controls: _omit, ...rest } = e.control;
      const out = used.has(e.control) ? (cloneJson(rest) as Control) : (rest as Control);
      used.add(e.control);
      return out;
    });
  };
  const build = (g: CustomGroup, where: string): Group => {
    const out = copyGroupShell(g);
    const cs = (g['insert-controls'] ?? []).flatMap((ic, i) => insert(ic, `${where}.insert-controls[${i}]`));
    const gs = (g.groups ?? []).map((sub, i) => build(sub, `${where}.groups[${i}]`));
    if (cs.length) out.controls = cs;
    if (gs.length) out.groups = gs;
    return out;
  };
  const where = '$.profile.merge.custom';
  const controls = (custom['insert-controls'] ?? []).flatMap((ic, i) => insert(ic, `${where}.insert-controls[${i}]`));
  const groups = (custom.groups ?? []).map((g, i) => build(g, `${where}.groups[${i}]`));
  return { ...(controls.length ? { controls } : {}), ...(groups.length ? { groups } : {}) };
}

/** The merge phase: combine clashing controls, then structure the result as the profile asks. */
export function mergeSelections(
  selections: SourceSelection[],
  merge: Merge | undefined,
  warnings: ResolutionWarning[],
): Body {
  const combiner = new Combiner(merge?.combine?.method ?? 'keep');
  const directives = [merge?.['as-is'] === true, merge?.flat !== undefined, merge?.custom !== undefined];
  if (directives.filter(Boolean).length > 1) {
    warnings.push({
      path: '$.profile.merge',
      message: 'more than one structuring directive; using the first of custom, as-is, flat',
    });
  }
  if (merge?.['as-is'] && !merge.custom) return asIsBody(selections, combiner);
  const body = merge?.custom
    ? customBody(selections, combiner, merge.custom, warnings)
    : merge?.flat
      ? flatBody(selections, combiner)
      : unstructuredBody(selections, combiner);
  const params = looseParams(selections, true);
  return params.length ? { params, ...body } : body;
}
