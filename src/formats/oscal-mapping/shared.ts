import { createHash } from 'node:crypto';
import type { MappingMethod, Relationship } from '../../core/mapping/model';

/** Namespace of the props ISMAP Hub adds (the same one the catalog export uses). */
export const ISMAP_NS = 'https://ismap-hub.org/ns/oscal';
export const MAPPING_OSCAL_VERSION = '1.2.1';
/** How a catalog edition is named in `source-resource`/`target-resource` hrefs: `urn:ismap-hub:catalog:ismap:2024-07`. */
export const CATALOG_URN = 'urn:ismap-hub:catalog:';

/** OSCAL (after NIST IR 8477) spells equality 'equal-to' (and the looser 'equivalent-to'); ours is 'equal'. */
export function toOscalRelationship(r: Relationship): string {
  return r === 'equal' ? 'equal-to' : r;
}

export function fromOscalRelationship(r: string): Relationship | null {
  switch (r) {
    case 'equal-to':
    case 'equivalent-to':
    case 'equal':
      return 'equal';
    case 'subset-of':
    case 'superset-of':
    case 'intersects-with':
    case 'no-relationship':
      return r;
    default:
      return null;
  }
}

export const isMappingMethod = (m: string): m is MappingMethod =>
  ['official', 'derived', 'community', 'manual'].includes(m);

/** A name-based UUID (v5 layout over SHA-1), so exporting the same set twice gives the same identifiers. */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(`ismap-hub:mapping:${name}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface OscalProp {
  name: string;
  value: string;
  ns?: string;
}

export interface OscalMapItem {
  type: 'control' | 'statement';
  'id-ref': string;
}

export interface OscalMap {
  uuid: string;
  relationship: string;
  sources: OscalMapItem[];
  targets: OscalMapItem[];
  'confidence-score'?: { percentage?: number; category?: string };
  props?: OscalProp[];
  remarks?: string;
}

export interface OscalResourceRef {
  type: string;
  href: string;
  props?: OscalProp[];
}

export interface OscalMapping {
  uuid: string;
  'source-resource': OscalResourceRef;
  'target-resource': OscalResourceRef;
  maps: OscalMap[];
}

export interface OscalMappingCollection {
  'mapping-collection': {
    uuid: string;
    metadata: {
      title: string;
      'last-modified': string;
      version: string;
      'oscal-version': string;
      props?: OscalProp[];
      remarks?: string;
    };
    provenance: {
      method: 'human' | 'automation' | 'hybrid';
      'matching-rationale': 'syntactic' | 'semantic' | 'functional';
      status: 'complete' | 'not-complete' | 'draft' | 'deprecated' | 'superseded';
      'mapping-description': string;
    };
    mappings: OscalMapping[];
  };
}
