/**
 * The catalog model: frameworks with editions, each edition a tree of nodes with stable ids.
 * A node's global id is `<catalog>:<edition>:<node-id>` (e.g. `ismap:2024-07:9.2.3.11.PB`,
 * `nist-800-53r5:5.1.1:ac-2.1`, `iso27001-2013:2013:A.9.2.3`). Content is data with provenance, not code.
 */
export type Lang = 'ja' | 'en';

/** Bilingual text; `source` records where each language's text came from (a file name, 'NIST OSCAL 5.1.1', …). */
export interface LocalizedText {
  ja?: string | null;
  en?: string | null;
}

export interface TextSource {
  ja?: string | null;
  en?: string | null;
}

export interface CatalogParam {
  id: string;
  label?: string;
  /** Assigned values, when a profile or the catalog sets them. */
  values?: string[];
  /** A choice, as in OSCAL `select`. */
  select?: { howMany?: string; choice: string[] };
  guidelines?: string;
}

export interface CatalogNode {
  /** Id inside the edition: '9.2.3.11.PB', 'ac-2.1', 'A.9.2.3'. */
  id: string;
  /** What the node is: 'tier', 'process', 'section', 'group', 'item', 'clause', 'category', 'objective', 'detailed', 'family', 'control', 'enhancement', 'theme', 'annex-control'. */
  kind: string;
  /** Depth in the tree, roots at 0. */
  depth: number;
  parentId: string | null;
  /** Order among siblings, 0-based. */
  position: number;
  /** How people write the id: '9.2.3.11.PB', 'AC-2(1)', 'A.9.2.3'. */
  label: string;
  /** ISMAP: 'P' cloud-specific (クラウド固有), 'B' basic statement requirement (基本言明要件). NIST: 'withdrawn'. */
  flags: string[];
  title: LocalizedText;
  text: LocalizedText;
  textSource: TextSource;
  params: CatalogParam[];
  /** Where the item comes from ('ISO/IEC 27002:2013 9.2.3', 'NIST SP 800-53 rev4 AC-2'). */
  sourceRefs: string[];
  /** Anything else worth keeping (ISMAP tier, management clause tag, NIST sort-id, baseline membership). */
  props: Record<string, string | number | boolean | string[]>;
}

export interface CatalogEdition {
  catalog: string;
  edition: string;
  title: LocalizedText;
  /** Where the content came from: a PROVENANCE file, a source URL and commit, or an imported file name. */
  provenance: string;
  /** Publication or revision date when known (ISO date). */
  publishedAt?: string | null;
  /** Nodes in document order (parents before children). */
  nodes: CatalogNode[];
}

export const nodeKey = (catalog: string, edition: string, id: string) => `${catalog}:${edition}:${id}`;

export function parseNodeKey(key: string): { catalog: string; edition: string; id: string } | null {
  const first = key.indexOf(':');
  const second = key.indexOf(':', first + 1);
  if (first <= 0 || second <= first + 1 || second === key.length - 1) return null;
  return { catalog: key.slice(0, first), edition: key.slice(first + 1, second), id: key.slice(second + 1) };
}

/** A node with empty defaults, so converters only spell out what they know. */
export function makeNode(
  n: Pick<CatalogNode, 'id' | 'kind' | 'depth' | 'parentId' | 'position'> & Partial<CatalogNode>,
): CatalogNode {
  return {
    label: n.id,
    flags: [],
    title: {},
    text: {},
    textSource: {},
    params: [],
    sourceRefs: [],
    props: {},
    ...n,
  };
}
