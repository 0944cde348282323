import type { CatalogNode, LocalizedText, Lang } from '../../core/catalog/model';
import type { Mapping } from '../../core/mapping/model';

export const editionSources = ['bundled', 'import'] as const;
export type EditionSource = (typeof editionSources)[number];
export const mappingSetSources = ['bundled', 'user', 'import'] as const;
export type MappingSetSource = (typeof mappingSetSources)[number];

/** A stored catalog edition without its nodes. */
export interface EditionRecord {
  catalog: string;
  edition: string;
  title: LocalizedText;
  provenance: string;
  publishedAt: string | null;
  /** SHA-256 of the edition as it came from its source; a sync skips an edition whose hash is unchanged. */
  contentHash: string;
  source: EditionSource;
  loadedAt: Date;
}

/** A node together with the edition it belongs to (a whole-table read). */
export type StoredNode = CatalogNode & { catalog: string; edition: string };

/** New prose for one node in one language (text import into an existing edition). */
export interface NodeTextUpdate {
  id: string;
  title?: string | undefined;
  text?: string | undefined;
  /** Recorded in text_source[lang] when `text` is given: the file name and the import date. */
  source: string;
}

export interface CatalogRepository {
  listEditions(): Promise<EditionRecord[]>;
  getEdition(catalog: string, edition: string): Promise<EditionRecord | null>;
  /** Node counts per edition and kind (`count(*)::int`, numbers on both engines). */
  countNodesByKind(): Promise<{ catalog: string; edition: string; kind: string; count: number }[]>;
  /** Every node of every edition, in no particular order (the in-process cache puts them in document order). */
  allNodes(): Promise<StoredNode[]>;
  nodes(catalog: string, edition: string): Promise<CatalogNode[]>;
  /** Inserts the edition row and its nodes (in batches). */
  insertEdition(record: EditionRecord, nodes: readonly CatalogNode[]): Promise<void>;
  /** Deletes the edition and (by cascade) its nodes. */
  deleteEdition(catalog: string, edition: string): Promise<void>;
  updateNodeTexts(catalog: string, edition: string, lang: Lang, updates: readonly NodeTextUpdate[]): Promise<void>;
  touchEdition(catalog: string, edition: string, at: Date): Promise<void>;
}

/**
 * The content revision: two counters that every write to catalogs (editions, nodes) or mappings (sets, mappings)
 * raises in its own transaction (database triggers, migration 0007), so a commit and its revision are atomic.
 */
export interface ContentRevision {
  catalogs: number;
  mappings: number;
}

export interface ContentRevisionRepository {
  get(): Promise<ContentRevision>;
}

export interface MappingSetRecord {
  id: string;
  title: string;
  description: string;
  provenance: string;
  source: MappingSetSource;
  /** For a 'user' set: the organization whose members' mappings it holds (null: the global set). */
  orgId: string | null;
  contentHash: string | null;
  updatedAt: Date;
  /** A set with an owner organization that a platform administrator made readable to everyone. */
  published: boolean;
}

/** A set to store; `published` is left as it is (false for a new row) unless given. */
export type MappingSetInput = Omit<MappingSetRecord, 'published'> & { published?: boolean };

export interface StoredMapping extends Mapping {
  id: string;
  setId: string;
  createdBy: string | null;
  createdAt: Date;
}

export interface MappingRepository {
  listSets(): Promise<(MappingSetRecord & { count: number })[]>;
  getSet(id: string): Promise<MappingSetRecord | null>;
  /** Inserts or replaces the set row (not its mappings). */
  putSet(set: MappingSetInput): Promise<void>;
  setPublished(id: string, published: boolean, at: Date): Promise<void>;
  deleteSet(id: string): Promise<void>;
  touchSet(id: string, at: Date): Promise<void>;
  /** Batch insert. */
  insert(mappings: readonly StoredMapping[]): Promise<void>;
  get(id: string): Promise<StoredMapping | null>;
  delete(id: string): Promise<void>;
  exists(setId: string, source: string, target: string): Promise<boolean>;
  all(): Promise<StoredMapping[]>;
  bySet(setId: string): Promise<StoredMapping[]>;
  /** Mappings with the node as source or as target. */
  forNode(key: string): Promise<StoredMapping[]>;
}
