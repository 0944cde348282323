import type { CatalogEdition, CatalogNode, CatalogParam } from '../../core/catalog/model';
import type { Catalog, Control, Group, Param, Part, Prop } from './types';

const INSERT = /\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g;

/** The label people write: the plain `label` prop ('AC-2(1)'), not the zero-padded or 53A ones. */
const labelOf = (props: Prop[] | undefined, fallback: string) =>
  props?.find((p) => p.name === 'label' && !p.class)?.value ??
  props?.find((p) => p.name === 'label')?.value ??
  fallback;

function paramText(p: Param | undefined, id: string): string {
  if (!p) return `[${id}]`;
  if (p.values?.length) return p.values.join(', ');
  if (p.select?.choice?.length) {
    const how = p.select['how-many'] === 'one-or-more' ? 'Selection (one or more)' : 'Selection';
    return `[${how}: ${p.select.choice.map((c) => c.replace(INSERT, (_m, pid: string) => `[${pid}]`)).join('; ')}]`;
  }
  return `[Assignment: ${p.label ?? id}]`;
}

/** Statement prose as plain text: item labels kept, nested items indented, parameters as NIST prints them. */
function statementText(part: Part | undefined, params: Map<string, Param>, depth = 0): string {
  if (!part) return '';
  const label = part.props?.find((p) => p.name === 'label')?.value;
  const prose = (part.prose ?? '').replace(INSERT, (_m, id: string) => paramText(params.get(id), id)).trim();
  const line = [label, prose].filter(Boolean).join(' ');
  const lines = line ? ['  '.repeat(Math.max(0, depth - 1)) + line] : [];
  for (const child of part.parts ?? []) {
    const text = statementText(child, params, depth + 1);
    if (text) lines.push(text);
  }
  return lines.join('\n');
}

function toParam(p: Param): CatalogParam {
  const out: CatalogParam = { id: p.id };
  if (p.label) out.label = p.label;
  if (p.values) out.values = [...p.values];
  if (p.select)
    out.select = {
      ...(p.select['how-many'] ? { howMany: p.select['how-many'] } : {}),
      choice: [...(p.select.choice ?? [])],
    };
  const guidelines = (p.guidelines ?? []).map((g) => g.prose).join('\n');
  if (guidelines) out.guidelines = guidelines;
  return out;
}

/**
 * An OSCAL catalog as a catalog edition: groups become 'family' nodes, their controls 'control', nested controls
 * 'enhancement'. The label comes from the `label` prop, the withdrawn flag from `status`, the statement becomes
 * plain English text, and `sort-id` lands in props.sortId.
 *
 * @example oscalCatalogToEdition(doc, { catalog: 'nist-800-53r5', edition: '5.1.1', provenance: 'NIST OSCAL 5.1.1' })
 */
export function oscalCatalogToEdition(
  doc: { catalog: Catalog } | Catalog,
  opts: { catalog: string; edition: string; provenance: string },
): CatalogEdition {
  const cat = 'catalog' in doc ? doc.catalog : doc;
  const params = new Map<string, Param>();
  const collect = (cs: Control[] | undefined) =>
    (cs ?? []).forEach((c) => ((c.params ?? []).forEach((p) => params.set(p.id, p)), collect(c.controls)));
  const collectGroups = (gs: Group[] | undefined) =>
    (gs ?? []).forEach(
      (g) => ((g.params ?? []).forEach((p) => params.set(p.id, p)), collect(g.controls), collectGroups(g.groups)),
    );
  (cat.params ?? []).forEach((p) => params.set(p.id, p));
  collect(cat.controls);
  collectGroups(cat.groups);

  const nodes: CatalogNode[] = [];
  const base = (id: string, kind: string, depth: number, parentId: string | null, position: number, title: string) => ({
    id,
    kind,
    depth,
    parentId,
    position,
    title: { en: title },
    textSource: { en: opts.provenance },
    sourceRefs: [] as string[],
  });
  const addControl = (c: Control, depth: number, parentId: string | null, position: number, nested: boolean) => {
    const withdrawn = c.props?.some((p) => p.name === 'status' && p.value.toLowerCase() === 'withdrawn') ?? false;
    const sortId = c.props?.find((p) => p.name === 'sort-id')?.value;
    const text = statementText(
      c.parts?.find((p) => p.name === 'statement'),
      params,
    );
    nodes.push({
      ...base(c.id, nested ? 'enhancement' : 'control', depth, parentId, position, c.title),
      label: labelOf(c.props, c.id.toUpperCase()),
      flags: withdrawn ? ['withdrawn'] : [],
      text: text ? { en: text } : {},
      params: (c.params ?? []).map(toParam),
      props: { ...(sortId ? { sortId } : {}), ...(c.class ? { class: c.class } : {}) },
    });
    (c.controls ?? []).forEach((k, i) => addControl(k, depth + 1, c.id, i, true));
  };
  const addGroup = (g: Group, depth: number, parentId: string | null, position: number) => {
    const id = g.id ?? `group-${nodes.length}`;
    nodes.push({
      ...base(id, 'family', depth, parentId, position, g.title),
      label: labelOf(g.props, id.toUpperCase()),
      flags: [],
      text: {},
      params: (g.params ?? []).map(toParam),
      props: g.class ? { class: g.class } : {},
    });
    (g.controls ?? []).forEach((c, i) => addControl(c, depth + 1, id, i, false));
    (g.groups ?? []).forEach((sub, i) => addGroup(sub, depth + 1, id, (g.controls?.length ?? 0) + i));
  };
  (cat.controls ?? []).forEach((c, i) => addControl(c, 0, null, i, false));
  (cat.groups ?? []).forEach((g, i) => addGroup(g, 0, null, (cat.controls?.length ?? 0) + i));

  const published = (cat.metadata as { published?: string }).published ?? cat.metadata['last-modified'];
  return {
    catalog: opts.catalog,
    edition: opts.edition,
    title: { en: cat.metadata.title },
    provenance: opts.provenance,
    publishedAt: published ? published.slice(0, 10) : null,
    nodes,
  };
}
