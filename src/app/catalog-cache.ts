import { buildTree, documentOrder, type CatalogTree } from '../core/catalog/tree';

export { documentOrder };
import type { CatalogEdition, CatalogNode } from '../core/catalog/model';
import { SearchIndex } from '../core/catalog/search-index';
import { compareEditions, MappingGraph } from '../core/mapping/graph';
import type { EditionRecord, StoredMapping, UnitOfWork } from './ports/repositories';

/**
 * Everything the catalog queries read, loaded from the database once: editions with their nodes in document order,
 * all mappings, and (built on first use) per-edition trees, the search index and the mapping graph.
 * A snapshot never changes; the cache replaces it when the database stamp moves.
 */
export class CatalogSnapshot {
  private readonly byKey = new Map<string, CatalogEdition>();
  private readonly trees: Map<string, CatalogTree> = new Map();
  private searchIndex: SearchIndex | undefined;
  private mappingGraph: MappingGraph | undefined;

  constructor(
    readonly records: readonly EditionRecord[],
    editions: readonly CatalogEdition[],
    readonly mappings: readonly StoredMapping[],
    /** A snapshot over the same catalogs (only the mappings changed): its trees and search index are reused. */
    sameCatalogs?: CatalogSnapshot,
  ) {
    for (const e of editions) this.byKey.set(`${e.catalog}:${e.edition}`, e);
    if (sameCatalogs) {
      this.trees = sameCatalogs.trees;
      this.searchIndex = sameCatalogs.searchIndex;
    }
  }

  get editions(): CatalogEdition[] {
    return [...this.byKey.values()];
  }

  edition(catalog: string, edition: string): CatalogEdition | undefined {
    return this.byKey.get(`${catalog}:${edition}`);
  }

  /** Editions of one catalog, newest first. */
  editionsOf(catalog: string): string[] {
    return this.records.filter((r) => r.catalog === catalog).map((r) => r.edition).sort((a, b) => compareEditions(b, a));
  }

  catalogNames(): string[] {
    return [...new Set(this.records.map((r) => r.catalog))];
  }

  tree(catalog: string, edition: string): CatalogTree | undefined {
    const key = `${catalog}:${edition}`;
    let t = this.trees.get(key);
    if (!t) {
      const e = this.byKey.get(key);
      if (!e) return undefined;
      t = buildTree(e);
      this.trees.set(key, t);
    }
    return t;
  }

  get search(): SearchIndex {
    this.searchIndex ??= SearchIndex.build(this.editions);
    return this.searchIndex;
  }

  get graph(): MappingGraph {
    this.mappingGraph ??= new MappingGraph(this.mappings, this.records);
    return this.mappingGraph;
  }
}

/**
 * The in-process cache, owned by the runtime and handed to use cases through `AppDeps.catalogCache`.
 * Each read checks two cheap stamps, so a change made by another process (a second server on the same PostgreSQL,
 * or the CLI) is picked up too; writers in this process also call `invalidate()`.
 */
export class CatalogCache {
  private catalogs: { stamp: string; value: Promise<LoadedCatalogs> } | null = null;
  private mappings: { stamp: string; value: Promise<StoredMapping[]> } | null = null;
  private snapshot: { catalogs: Promise<LoadedCatalogs>; mappings: Promise<StoredMapping[]>; value: CatalogSnapshot } | null = null;

  invalidate(): void {
    this.catalogs = null;
    this.mappings = null;
    this.snapshot = null;
  }

  /** After a mapping write: the catalogs (and their search index) stay. */
  invalidateMappings(): void {
    this.mappings = null;
  }

  /**
   * The current snapshot. Catalogs and mappings have separate stamps, so adding a mapping reloads only the
   * mappings (and rebuilds the graph), not the thousands of catalog nodes and the search index.
   */
  async get(uow: UnitOfWork): Promise<CatalogSnapshot> {
    const [catalogStamp, mappingStamp] = await Promise.all([uow.read.catalogs.stamp(), uow.read.mappings.stamp()]);
    if (this.catalogs?.stamp !== catalogStamp) this.catalogs = { stamp: catalogStamp, value: loadCatalogs(uow) };
    if (this.mappings?.stamp !== mappingStamp) this.mappings = { stamp: mappingStamp, value: uow.read.mappings.all() };
    const { catalogs, mappings } = this;
    try {
      const snap = this.snapshot;
      if (snap && snap.catalogs === catalogs.value && snap.mappings === mappings.value) return snap.value;
      const [c, m] = await Promise.all([catalogs.value, mappings.value]);
      const value = new CatalogSnapshot(c.records, c.editions, m, snap?.catalogs === catalogs.value ? snap.value : undefined);
      this.snapshot = { catalogs: catalogs.value, mappings: mappings.value, value };
      return value;
    } catch (e) {
      // A failed load must not stick: the next call tries again.
      this.invalidate();
      throw e;
    }
  }
}

interface LoadedCatalogs {
  records: EditionRecord[];
  editions: CatalogEdition[];
}

async function loadCatalogs(uow: UnitOfWork): Promise<LoadedCatalogs> {
  const [records, nodes] = await Promise.all([uow.read.catalogs.listEditions(), uow.read.catalogs.allNodes()]);
  const grouped = new Map<string, CatalogNode[]>();
  for (const { catalog, edition, ...node } of nodes) {
    const key = `${catalog}:${edition}`;
    const list = grouped.get(key);
    if (list) list.push(node);
    else grouped.set(key, [node]);
  }
  const editions = records.map((r) => ({
    catalog: r.catalog,
    edition: r.edition,
    title: r.title,
    provenance: r.provenance,
    publishedAt: r.publishedAt,
    nodes: documentOrder(grouped.get(`${r.catalog}:${r.edition}`) ?? []),
  }));
  return { records, editions };
}
