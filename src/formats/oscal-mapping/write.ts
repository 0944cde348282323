import type { Mapping } from '../../core/mapping/model';
import { catalogOfKey } from '../../core/mapping/graph';
import { parseNodeKey } from '../../core/catalog/model';
import {
  CATALOG_URN,
  ISMAP_NS,
  MAPPING_OSCAL_VERSION,
  nameUuid,
  toOscalRelationship,
  type OscalMap,
  type OscalMapping,
  type OscalMappingCollection,
  type OscalResourceRef,
} from './shared';

export interface MappingSetHeader {
  id: string;
  title: string;
  description: string;
  provenance: string;
}

function resource(catalogEdition: string): OscalResourceRef {
  const i = catalogEdition.indexOf(':');
  return {
    type: 'catalog',
    href: `${CATALOG_URN}${catalogEdition}`,
    props: [
      { name: 'catalog', ns: ISMAP_NS, value: catalogEdition.slice(0, i) },
      { name: 'edition', ns: ISMAP_NS, value: catalogEdition.slice(i + 1) },
    ],
  };
}

/**
 * An OSCAL 1.2 mapping-collection for one mapping set: one `mapping` per (source edition, target edition) pair,
 * one `map` per stored mapping with its relationship, confidence (as a 0–1 percentage), our method and source
 * document as namespaced props, and the note as remarks. `id-ref`s are the catalogs' own node ids.
 * @example mappingSetToOscal({ id: 'user:global', title: 'Mine', description: '…', provenance: '…' }, mappings)
 */
export function mappingSetToOscal(
  set: MappingSetHeader,
  mappings: readonly Mapping[],
  opts: { now?: Date } = {},
): OscalMappingCollection {
  const groups = new Map<string, Mapping[]>();
  for (const m of mappings) {
    const k = `${catalogOfKey(m.source)}\u0000${catalogOfKey(m.target)}`;
    const list = groups.get(k);
    if (list) list.push(m);
    else groups.set(k, [m]);
  }
  const out: OscalMapping[] = [...groups].map(([k, list]) => {
    const [src, tgt] = k.split('\u0000') as [string, string];
    const maps = list.map((m): OscalMap => {
      const props = [
        { name: 'method', ns: ISMAP_NS, value: m.provenance.method },
        ...(m.provenance.document.trim() ? [{ name: 'document', ns: ISMAP_NS, value: m.provenance.document }] : []),
      ];
      return {
        uuid: nameUuid(`${set.id}|${m.source}|${m.target}`),
        relationship: toOscalRelationship(m.relationship),
        sources: [{ type: 'control', 'id-ref': parseNodeKey(m.source)?.id ?? m.source }],
        targets: [{ type: 'control', 'id-ref': parseNodeKey(m.target)?.id ?? m.target }],
        'confidence-score': { percentage: m.confidence },
        props,
        ...(m.note ? { remarks: m.note } : {}),
      };
    });
    return {
      uuid: nameUuid(`${set.id}|${k}`),
      'source-resource': resource(src),
      'target-resource': resource(tgt),
      maps,
    };
  });
  const methods = new Set(mappings.map((m) => m.provenance.method));
  const method =
    methods.size === 1 && methods.has('manual')
      ? 'human'
      : [...methods].every((m) => m === 'derived')
        ? 'automation'
        : 'hybrid';
  return {
    'mapping-collection': {
      uuid: nameUuid(set.id),
      metadata: {
        title: set.title,
        'last-modified': (opts.now ?? new Date()).toISOString(),
        version: '1.0',
        'oscal-version': MAPPING_OSCAL_VERSION,
        props: [
          { name: 'set-id', ns: ISMAP_NS, value: set.id },
          ...(set.provenance.trim() ? [{ name: 'provenance', ns: ISMAP_NS, value: set.provenance }] : []),
        ],
      },
      provenance: {
        method,
        'matching-rationale': 'semantic',
        status: 'complete',
        'mapping-description': set.description || set.title,
      },
      mappings: out,
    },
  };
}
