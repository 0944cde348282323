import { createHash } from 'node:crypto';
import type { CatalogEdition, CatalogNode, CatalogParam } from '../../core/catalog/model';
import type { Catalog, Control, Group, Param, Part, Prop } from './types';

/** Namespace of the props ISMAP Hub adds (OSCAL requires a namespace for props outside NIST's vocabulary). */
export const ISMAP_NS = 'https://ismap-hub.org/ns/oscal';
export const EXPORT_OSCAL_VERSION = '1.1.3';

/** ISMAP levels that are requirements someone states compliance with; every other level is a heading (group). */
const CONTROL_KINDS = new Set(['item', 'objective', 'detailed']);

/**
 * OSCAL ids are tokens that must start with a letter or '_'; ISMAP ids start with digits ('9.2.3.11.PB') and
 * tier roots contain ':'. The prefix keeps them readable and reversible through the `label` prop.
 */
export const oscalId = (nodeId: string) => `ismap-${nodeId.replace(/[^\p{L}\p{N}._-]/gu, '-')}`;

/** A name-based (v5-style) UUID, so exporting the same edition twice gives the same document identity. */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(`ismap-hub:${name}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const nsProp = (name: string, value: string, cls?: string): Prop => ({
  name,
  ns: ISMAP_NS,
  value,
  ...(cls ? { class: cls } : {}),
});

function toParam(p: CatalogParam, owner: string): Param {
  const id = /^[\p{L}_][\p{L}\p{N}._-]*$/u.test(p.id)
    ? p.id
    : `${owner}_prm-${p.id.replace(/[^\p{L}\p{N}._-]/gu, '-')}`;
  return {
    id,
    ...(p.label ? { label: p.label } : {}),
    ...(p.guidelines ? { guidelines: [{ prose: p.guidelines }] } : {}),
    ...(p.values?.length ? { values: [...p.values] } : {}),
    ...(p.select
      ? { select: { ...(p.select.howMany ? { 'how-many': p.select.howMany } : {}), choice: [...p.select.choice] } }
      : {}),
  };
}

/**
 * Titles and texts in both languages. OSCAL has no per-field language tag, so each language's title is a `title`
 * prop (class ja/en) and each language's text is its own `statement` part carrying a `lang` prop; the OSCAL
 * `title` itself is the Japanese one when there is one, since the Japanese criteria are the authoritative text.
 */
function content(node: CatalogNode, oid: string) {
  const ja = clean(node.title.ja);
  const en = clean(node.title.en);
  const props: Prop[] = [{ name: 'label', value: node.label }];
  if (ja) props.push(nsProp('title', ja, 'ja'));
  if (en) props.push(nsProp('title', en, 'en'));
  props.push(nsProp('level', node.kind));
  if (node.flags.includes('P')) props.push(nsProp('cloud-specific', 'true'));
  if (node.flags.includes('B')) props.push(nsProp('basic-statement-requirement', 'true'));
  for (const ref of node.sourceRefs) if (clean(ref)) props.push(nsProp('source-ref', clean(ref)));
  const parts: Part[] = [];
  for (const lang of ['ja', 'en'] as const) {
    const text = node.text[lang]?.trim();
    if (text)
      parts.push({
        id: `${oid}_smt${lang === 'ja' ? '' : '.en'}`,
        name: 'statement',
        props: [nsProp('lang', lang)],
        prose: text,
      });
  }
  return {
    id: oid,
    title: ja || en || node.label,
    ...(node.params.length ? { params: node.params.map((p) => toParam(p, oid)) } : {}),
    props,
    ...(parts.length ? { parts } : {}),
  };
}

/**
 * An ISMAP catalog edition as an OSCAL 1.1.3 catalog: tiers, processes, sections, groups, clauses and categories
 * become groups; governance/management items and control objectives become controls, with detailed controls
 * as their child controls. .P/.B flags become props in the ISMAP Hub namespace.
 */
export function catalogToOscal(
  edition: CatalogEdition,
  opts: { now?: Date; uuid?: string } = {},
): { catalog: Catalog } {
  const children = new Map<string | null, CatalogNode[]>();
  for (const n of edition.nodes) {
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const kids = (id: string | null) => [...(children.get(id) ?? [])].sort((a, b) => a.position - b.position);
  const toControl = (n: CatalogNode): Control => {
    const sub = kids(n.id).map(toControl);
    return { ...content(n, oscalId(n.id)), ...(sub.length ? { controls: sub } : {}) };
  };
  const toGroup = (n: CatalogNode): Group => {
    const below = kids(n.id);
    const controls = below.filter((k) => CONTROL_KINDS.has(k.kind)).map(toControl);
    const groups = below.filter((k) => !CONTROL_KINDS.has(k.kind)).map(toGroup);
    return {
      ...content(n, oscalId(n.id)),
      ...(controls.length ? { controls } : {}),
      ...(groups.length ? { groups } : {}),
    };
  };
  const roots = kids(null);
  const controls = roots.filter((n) => CONTROL_KINDS.has(n.kind)).map(toControl);
  const groups = roots.filter((n) => !CONTROL_KINDS.has(n.kind)).map(toGroup);
  const title = [clean(edition.title.ja), clean(edition.title.en)].filter(Boolean).join(' / ') || edition.catalog;
  return {
    catalog: {
      uuid: opts.uuid ?? nameUuid(`catalog:${edition.catalog}:${edition.edition}`),
      metadata: {
        title,
        ...(edition.publishedAt ? { published: `${edition.publishedAt.slice(0, 10)}T00:00:00Z` } : {}),
        'last-modified': (opts.now ?? new Date()).toISOString(),
        version: edition.edition,
        'oscal-version': EXPORT_OSCAL_VERSION,
        props: [nsProp('catalog', edition.catalog)],
        ...(edition.provenance.trim() ? { remarks: `Provenance: ${edition.provenance.trim()}` } : {}),
      },
      ...(controls.length ? { controls } : {}),
      ...(groups.length ? { groups } : {}),
    },
  };
}
