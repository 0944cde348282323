import type { Body } from './merge';
import type { Addition, Control, Group, Modify, Param, Removal, ResolutionWarning, SetParameter } from './types';
import { cloneJson } from './json';

type Bag = Record<string, unknown>;
const CONTENT_KEYS = ['params', 'props', 'links', 'parts'] as const;

function indexBody(body: Body) {
  const controls = new Map<string, Control[]>();
  const params = new Map<string, Param[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const visitControl = (c: Control) => {
    push(controls, c.id, c);
    for (const p of c.params ?? []) push(params, p.id, p);
    (c.controls ?? []).forEach(visitControl);
  };
  const visitGroup = (g: Group) => {
    for (const p of g.params ?? []) push(params, p.id, p);
    (g.controls ?? []).forEach(visitControl);
    (g.groups ?? []).forEach(visitGroup);
  };
  for (const p of body.params ?? []) push(params, p.id, p);
  (body.controls ?? []).forEach(visitControl);
  (body.groups ?? []).forEach(visitGroup);
  return { controls, params };
}

/**
 * set-parameter: label, usage, class replace; values or select replace any values and select;
 * props, links, constraints and guidelines are added after those already there.
 */
export function setParameter(param: Param, set: SetParameter) {
  const s = cloneJson(set);
  for (const key of ['label', 'usage', 'class', 'depends-on'] as const) if (s[key] !== undefined) param[key] = s[key];
  for (const key of ['props', 'links', 'constraints', 'guidelines'] as const) {
    const extra = s[key];
    if (extra) (param as Bag)[key] = [...(((param as Bag)[key] as unknown[] | undefined) ?? []), ...extra];
  }
  if (s.values || s.select) {
    delete param.values;
    delete param.select;
    if (s.values) param.values = s.values;
    if (s.select) param.select = s.select;
  }
}

type Kind = 'param' | 'prop' | 'link' | 'part';
const KIND_OF: Record<string, Kind> = { params: 'param', props: 'prop', links: 'link', parts: 'part' };

/** All criteria given on a removal must hold (OSCAL 1.x); a criterion an item cannot carry never matches. */
function removes(r: Removal, kind: Kind, item: Bag): boolean {
  const criteria: [string | undefined, () => boolean][] = [
    [r['by-name'], () => (kind === 'prop' || kind === 'part') && item.name === r['by-name']],
    [r['by-class'], () => item.class === r['by-class']],
    [r['by-id'], () => item.id === r['by-id']],
    [r['by-item-name'], () => kind === r['by-item-name']],
    [r['by-ns'], () => (kind === 'prop' || kind === 'part') && item.ns === r['by-ns']],
  ];
  const given = criteria.filter(([v]) => v !== undefined);
  return given.length > 0 && given.every(([, test]) => test());
}

/** Removes matching items anywhere inside the control except its child controls (they are controls of their own). */
function removeFrom(node: Bag, r: Removal): number {
  let count = 0;
  for (const key of CONTENT_KEYS) {
    const list = node[key] as Bag[] | undefined;
    if (!list) continue;
    const kind = KIND_OF[key] as Kind;
    const kept = list.filter((item) => !removes(r, kind, item));
    count += list.length - kept.length;
    for (const item of kept) if (kind === 'part' || kind === 'param') count += removeFrom(item, r);
    if (kept.length) node[key] = kept;
    else delete node[key];
  }
  return count;
}

interface Located {
  node: Bag;
  parent: Bag;
  key: (typeof CONTENT_KEYS)[number] | 'controls';
}

function findById(owner: Bag, id: string): Located | null {
  for (const key of [...CONTENT_KEYS, 'controls'] as const) {
    const list = owner[key] as Bag[] | undefined;
    for (const item of list ?? []) {
      if (item.id === id) return { node: item, parent: owner, key };
      if (key === 'parts' || key === 'params') {
        const deeper = findById(item, id);
        if (deeper) return deeper;
      }
    }
  }
  return null;
}

function addInside(node: Bag, add: Addition, atStart: boolean) {
  if (add.title !== undefined) node.title = add.title;
  for (const key of CONTENT_KEYS) {
    const extra = add[key] as unknown[] | undefined;
    if (!extra) continue;
    const have = (node[key] as unknown[] | undefined) ?? [];
    node[key] = atStart ? [...extra, ...have] : [...have, ...extra];
  }
}

/** before/after: items of the target's own kind become its siblings; other kinds go to the parent's lists. */
function addBeside(at: Located, add: Addition, before: boolean) {
  const siblings = at.parent[at.key] as Bag[];
  const i = siblings.indexOf(at.node);
  const rest: Addition = {};
  for (const key of CONTENT_KEYS) {
    const extra = add[key] as Bag[] | undefined;
    if (!extra) continue;
    if (key === at.key) siblings.splice(before ? i : i + 1, 0, ...extra);
    else (rest as Bag)[key] = extra;
  }
  addInside(at.parent, rest, before);
}

function applyAdd(control: Control, add: Addition): boolean {
  const a = cloneJson(add);
  const position = a.position ?? 'ending';
  const atStart = position === 'starting' || position === 'before';
  if (!a['by-id'] || a['by-id'] === control.id) {
    addInside(control, a, atStart);
    return true;
  }
  const at = findById(control, a['by-id']);
  if (!at) return false;
  if (position === 'before' || position === 'after') addBeside(at, a, position === 'before');
  else addInside(at.node, a, atStart);
  return true;
}

/** The modify phase, in place on the merged body (which holds only copies, never the source catalogs). */
export function applyModify(body: Body, modify: Modify | undefined, warnings: ResolutionWarning[]) {
  if (!modify) return;
  const index = indexBody(body);
  (modify['set-parameters'] ?? []).forEach((set, i) => {
    const targets = index.params.get(set['param-id']);
    if (!targets) {
      warnings.push({
        path: `$.profile.modify.set-parameters[${i}]`,
        message: `no parameter ${set['param-id']} in the selected controls`,
      });
      return;
    }
    for (const p of targets) setParameter(p, set);
  });
  (modify.alters ?? []).forEach((alter, i) => {
    const where = `$.profile.modify.alters[${i}]`;
    const targets = index.controls.get(alter['control-id']);
    if (!targets) {
      warnings.push({ path: where, message: `no control ${alter['control-id']} in the selected controls` });
      return;
    }
    for (const control of targets) {
      (alter.removes ?? []).forEach((r, j) => {
        if (removeFrom(control as Bag, r) === 0)
          warnings.push({ path: `${where}.removes[${j}]`, message: 'removes nothing' });
      });
      (alter.adds ?? []).forEach((add, j) => {
        if (!applyAdd(control, add)) {
          warnings.push({
            path: `${where}.adds[${j}]`,
            message: `no element ${add['by-id']} in control ${control.id}`,
          });
        }
      });
    }
  });
}
