/** Shapes of the catalog and mapping endpoints (see the OpenAPI document, tag "Catalogs" and "Mappings"). */
import type { CatalogNode as CoreNode, LocalizedText } from '../../core/catalog/model';
import type { Relationship, MappingMethod } from '../../core/mapping/model';
export type { SearchHit } from '../../core/catalog/search-index';
export type { Relationship };

export type Localized = LocalizedText;
/** A node as the API sends it (props as plain JSON values). */
export type CatalogNode = Omit<CoreNode, 'params' | 'props'> & { params: Record<string, unknown>[]; props: Record<string, unknown> };
export interface EditionSummary {
  catalog: string;
  edition: string;
  title: Localized;
  provenance: string;
  publishedAt: string | null;
  source: 'bundled' | 'import';
  loadedAt: string;
  nodeCount: number;
  countsByKind: Record<string, number>;
  mandatoryCount: number;
  flagCounts: Record<string, number>;
  newest: boolean;
}

export interface TreeNode {
  node: CatalogNode;
  mandatory: boolean;
  childCount: number;
  descendants: Record<string, number>;
}

export type Method = MappingMethod;

export interface NodeMapping {
  id: string;
  source: string;
  target: string;
  relationship: Relationship;
  provenance: { document: string; method: Method };
  confidence: number;
  note?: string;
  other: { key: string; label: string; title: string | null; kind: string } | null;
  set: { id: string; title: string; source: string };
  abilities: Record<string, boolean>;
}

export interface NodeDetail {
  catalog: string;
  edition: string;
  key: string;
  node: CatalogNode;
  mandatory: boolean;
  ancestors: CatalogNode[];
  children: { id: string; label: string; kind: string; title: Localized }[];
  mappingsOut: NodeMapping[];
  mappingsIn: NodeMapping[];
}

export interface PathLink {
  from: string;
  to: string;
  relationship: Relationship;
  provenance: { document: string; method: Method };
  confidence: number;
  inverted: boolean;
}
export interface MappingPath {
  links: PathLink[];
  relationship: Relationship;
  confidence: number;
  method: Method;
}
export interface MappingPaths {
  from: string;
  fromLabel: string;
  toCatalog: string;
  paths: MappingPath[];
  targets: { target: string; relationship: Relationship; confidence: number; method: Method; paths: MappingPath[] }[];
  truncated: boolean;
  /** Why nothing was found and what to try instead. */
  hint?: string;
}

/** `ismap:2024-07:9.2.3` → the node page's path. */
export function nodeHref(key: string): string {
  const [catalog, edition, ...rest] = key.split(':');
  return `/catalogs/${encodeURIComponent(catalog!)}/${encodeURIComponent(edition!)}/nodes/${encodeURIComponent(rest.join(':'))}`;
}

/** Text in the chosen language; null when missing (shown as missing, never silently replaced). */
export const pick = (t: Localized, lang: string) => (lang === 'ja' ? t.ja : t.en) ?? null;
/** A title for lists: the chosen language, else the other one. */
export const anyTitle = (t: Localized, lang: string) => pick(t, lang) ?? t.en ?? t.ja ?? null;

/** GET /mapping-sets: the sets the caller may read (global, published, and their organizations' own). */
export interface MappingSetSummary {
  id: string;
  title: string;
  description: string;
  provenance: string;
  source: 'bundled' | 'user' | 'import';
  /** The owner organization; null for a global set. */
  orgId: string | null;
  published: boolean;
  updatedAt: string;
  count: number;
  abilities: { read: boolean; publish: boolean };
}
export const mappingSetsKey = ['mapping-sets'] as const;
