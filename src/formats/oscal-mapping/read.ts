import { nodeKey } from '../../core/catalog/model';
import { DomainError, type Issue } from '../../core/errors';
import { confidenceLevels, type Mapping, type MappingMethod, type MappingSet } from '../../core/mapping/model';
import { oscalError, validateOscalDocument } from '../oscal';
import { collectionIssue } from '../../core/mapping/collection-issues';
import {
  CATALOG_URN,
  fromOscalRelationship,
  ISMAP_NS,
  isMappingMethod,
  type OscalMappingCollection,
  type OscalProp,
  type OscalResourceRef,
} from './shared';

const prop = (props: OscalProp[] | undefined, name: string) =>
  props?.find((p) => p.name === name && (p.ns === undefined || p.ns === ISMAP_NS))?.value;

/** `<catalog>:<edition>` of a resource: our namespaced props, else our URN href; null when neither names one. */
function catalogEdition(r: OscalResourceRef): string | null {
  const catalog = prop(r.props, 'catalog');
  const edition = prop(r.props, 'edition');
  if (catalog && edition) return `${catalog}:${edition}`;
  if (r.href.startsWith(CATALOG_URN)) {
    const rest = r.href.slice(CATALOG_URN.length);
    return /^[^:]+:[^:]+$/.test(rest) ? rest : null;
  }
  return null;
}

function confidence(score: { percentage?: number; category?: string } | undefined): number {
  if (typeof score?.percentage === 'number')
    return Math.max(0, Math.min(1, score.percentage > 1 ? score.percentage / 100 : score.percentage));
  const c = score?.category?.toLowerCase();
  if (c && c in confidenceLevels) return confidenceLevels[c as keyof typeof confidenceLevels];
  return confidenceLevels.medium;
}

/**
 * Reads an OSCAL 1.2 mapping-collection into a mapping set (id `import:<collection uuid>`). The document is first
 * validated against NIST's schema; then every map is checked, and all problems are returned with JSON paths
 * (the caller fails the import when there are any). Each map's sources × targets become mappings.
 */
const unknownEdition = (href: string, path: (string | number)[]) =>
  collectionIssue(
    'unknown_edition',
    { href },
    path,
    `cannot tell the catalog edition from ${href} (use ${CATALOG_URN}<catalog>:<edition>)`,
  );

export function oscalToMappingSet(doc: unknown, opts: { file?: string } = {}): { set: MappingSet; issues: Issue[] } {
  const v = validateOscalDocument(doc);
  if (!v.valid || v.model !== 'mapping-collection') {
    const errors =
      v.model && v.model !== 'mapping-collection'
        ? [
            oscalError(
              'oscal_wrong_model',
              { expected: 'mapping-collection', model: v.model },
              '$',
              `expected a mapping-collection, got a ${v.model}`,
            ),
          ]
        : v.errors;
    throw new DomainError(
      'import_failed',
      `not a valid OSCAL mapping-collection (${errors.length} problem(s))`,
      errors.map((e) => ({ ...e, path: [e.path], ...(opts.file ? { file: opts.file } : {}) })),
      { reason: 'oscal_invalid', params: { count: errors.length, model: 'mapping-collection' } },
    );
  }
  const mc = (doc as OscalMappingCollection)['mapping-collection'];
  const issues: Issue[] = [];
  const mappings: Mapping[] = [];
  const document =
    prop(mc.metadata.props, 'provenance') ?? `${mc.metadata.title} (OSCAL mapping-collection ${mc.uuid})`;
  // The schema allows one mapping object as well as an array.
  const list = Array.isArray(mc.mappings) ? mc.mappings : [mc.mappings as unknown as (typeof mc.mappings)[number]];
  list.forEach((m, i) => {
    const src = catalogEdition(m['source-resource']);
    const tgt = catalogEdition(m['target-resource']);
    if (!src) issues.push(unknownEdition(m['source-resource'].href, ['mappings', i, 'source-resource']));
    if (!tgt) issues.push(unknownEdition(m['target-resource'].href, ['mappings', i, 'target-resource']));
    if (!src || !tgt) return;
    const [sc, se] = src.split(':') as [string, string];
    const [tc, te] = tgt.split(':') as [string, string];
    m.maps.forEach((map, j) => {
      const relationship = fromOscalRelationship(map.relationship);
      if (!relationship) {
        issues.push(
          collectionIssue(
            'unknown_relationship',
            { relationship: String(map.relationship) },
            ['mappings', i, 'maps', j, 'relationship'],
            `unknown relationship ${map.relationship}`,
          ),
        );
        return;
      }
      const method = prop(map.props, 'method');
      const provenance = {
        document: prop(map.props, 'document') ?? document,
        method: (method && isMappingMethod(method) ? method : 'community') as MappingMethod,
      };
      for (const s of map.sources)
        for (const t of map.targets) {
          mappings.push({
            source: nodeKey(sc, se, s['id-ref']),
            target: nodeKey(tc, te, t['id-ref']),
            relationship,
            provenance,
            confidence: confidence(map['confidence-score']),
            ...(map.remarks ? { note: map.remarks } : {}),
          });
        }
    });
  });
  const set: MappingSet = {
    id: `import:${mc.uuid}`,
    title: mc.metadata.title,
    description: mc.provenance['mapping-description'],
    provenance: opts.file
      ? `${opts.file} (OSCAL mapping-collection ${mc.uuid})`
      : `OSCAL mapping-collection ${mc.uuid}`,
    mappings,
  };
  return { set, issues };
}
