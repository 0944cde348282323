import type { CatalogEdition, CatalogNode } from '../../core/catalog/model';
import { nodeKey } from '../../core/catalog/model';
import { DomainError } from '../../core/errors';
import { confidenceLevels, type MappingSet } from '../../core/mapping/model';
import { makeNode, numberSiblings } from './node';

/**
 * A baseline (an OSCAL profile selecting controls) as its own catalog: the selected controls, under their
 * families, with titles from the source catalog, plus an 'equal' mapping with method 'official' from each
 * selected control to the source catalog's node. Membership comes from `include-controls[].with-ids`; a full
 * profile resolution (alters, set-parameters) is the OSCAL importer's job, not needed to know who is in.
 */
export interface BaselineOptions {
  catalog: string;
  edition: string;
  provenance: string;
  /** The profile file, named in the mappings' provenance. */
  document: string;
}

interface ProfileDoc {
  profile: {
    metadata: { title: string; version?: string; 'last-modified'?: string };
    imports: { 'include-controls'?: { 'with-ids'?: string[] }[] }[];
  };
}

function isProfile(json: unknown): json is ProfileDoc {
  const p = (json as { profile?: { metadata?: unknown; imports?: unknown } } | null)?.profile;
  return !!p && !!p.metadata && Array.isArray(p.imports);
}

/** The ids a profile includes, in profile order, without duplicates. */
export function profileControlIds(json: unknown): string[] {
  if (!isProfile(json))
    throw new DomainError('validation_failed', 'not an OSCAL profile document', [
      { path: ['profile'], message: 'expected {profile: {metadata, imports}}' },
    ]);
  const ids = json.profile.imports.flatMap((i) => (i['include-controls'] ?? []).flatMap((c) => c['with-ids'] ?? []));
  return [...new Set(ids)];
}

export interface BaselineResult {
  edition: CatalogEdition;
  mappingSet: MappingSet;
  /** Selected ids the source catalog does not have. */
  missing: string[];
}

export function baselineFromProfile(json: unknown, source: CatalogEdition, opts: BaselineOptions): BaselineResult {
  const selected = new Set(profileControlIds(json));
  const title = (json as ProfileDoc).profile.metadata.title;
  const byId = new Map(source.nodes.map((n) => [n.id, n]));
  const missing = [...selected].filter((id) => !byId.has(id));
  const nodes: CatalogNode[] = [];
  const included = new Set<string>();
  // Walk the source in document order so families and base controls come before their enhancements.
  for (const n of source.nodes) {
    if (n.kind === 'family') continue;
    if (!selected.has(n.id)) continue;
    let family: CatalogNode | undefined = byId.get(n.parentId ?? '');
    while (family && family.kind !== 'family') family = byId.get(family.parentId ?? '');
    if (family && !included.has(family.id)) {
      included.add(family.id);
      nodes.push(makeNode({ ...family, depth: 0, position: 0, props: { ...family.props } }));
    }
    // An enhancement selected without its base control hangs under the family.
    const parentId = n.parentId && included.has(n.parentId) ? n.parentId : (family?.id ?? null);
    included.add(n.id);
    nodes.push(
      makeNode({
        ...n,
        depth: 0,
        position: 0,
        parentId,
        text: {},
        textSource: {},
        params: [],
        props: { ...n.props, sourceNode: nodeKey(source.catalog, source.edition, n.id) },
      }),
    );
  }
  numberSiblings(nodes);
  const edition: CatalogEdition = {
    catalog: opts.catalog,
    edition: opts.edition,
    title: { en: title },
    provenance: opts.provenance,
    publishedAt: (json as ProfileDoc).profile.metadata['last-modified']?.slice(0, 10) ?? null,
    nodes,
  };
  const mappings = nodes
    .filter((n) => n.kind !== 'family')
    .map((n) => ({
      source: nodeKey(opts.catalog, opts.edition, n.id),
      target: nodeKey(source.catalog, source.edition, n.id),
      relationship: 'equal' as const,
      provenance: { document: opts.document, method: 'official' as const },
      confidence: confidenceLevels.certain,
    }));
  return {
    edition,
    mappingSet: {
      id: `baseline:${opts.catalog}`,
      title: `${title}: membership`,
      description: `Each control selected by the baseline is the same control as in ${source.catalog} ${source.edition}.`,
      provenance: opts.provenance,
      mappings,
    },
    missing,
  };
}
