import { buildTree, type CatalogTree } from '../core/catalog/tree';

export { documentOrder } from '../core/catalog/tree';
import type { CatalogEdition } from '../core/catalog/model';
import { SearchIndex } from '../core/catalog/search-index';
import { compareEditions, MappingGraph } from '../core/mapping/graph';
import type { Actor } from '../core/identity';
import { can, isGlobalMappingSet, mappingSetPolicy } from '../core/policies';
import type { EditionRecord, MappingSetRecord, StoredMapping } from './ports/repositories';

export type MappingSetWithCount = MappingSetRecord & { count: number };

/** Views kept per snapshot: one per distinct combination of private sets a caller may read. */
const MAX_VIEWS = 64;
/** Answers kept per snapshot (`memo`): node pages, searches and paths people ask for again. */
const MAX_MEMO = 4096;

/**
 * Everything the catalog queries read, loaded from the database once: editions with their nodes in document order,
 * all mapping sets and mappings, and (built on first use) per-edition trees, the search index and, per caller, the
 * mappings that caller may read (`forActor`). A snapshot never changes; the cache replaces it when the content
 * revision moves (catalog-cache.ts).
 */
export class CatalogSnapshot {
  private readonly byKey = new Map<string, CatalogEdition>();
  private readonly trees: Map<string, CatalogTree> = new Map();
  private searchIndex: SearchIndex | undefined;
  private mappingGraph: MappingGraph | undefined;
  private readonly setsById: Map<string, MappingSetWithCount>;
  private readonly views = new Map<string, MappingView>();
  private readonly answers = new Map<string, unknown>();

  constructor(
    readonly records: readonly EditionRecord[],
    editions: readonly CatalogEdition[],
    readonly mappings: readonly StoredMapping[],
    /** The mapping sets, sorted by id; their counts are taken from `mappings`. */
    sets: readonly MappingSetRecord[] = [],
    /** A snapshot over the same catalogs (only the mappings changed): its trees and search index are reused. */
    sameCatalogs?: CatalogSnapshot,
  ) {
    for (const e of editions) this.byKey.set(`${e.catalog}:${e.edition}`, e);
    if (sameCatalogs) {
      this.trees = sameCatalogs.trees;
      this.searchIndex = sameCatalogs.searchIndex;
    }
    const counts = new Map<string, number>();
    for (const m of mappings) counts.set(m.setId, (counts.get(m.setId) ?? 0) + 1);
    this.setsById = new Map(sets.map((s) => [s.id, { ...s, count: counts.get(s.id) ?? 0 }]));
  }

  get editions(): CatalogEdition[] {
    return [...this.byKey.values()];
  }

  edition(catalog: string, edition: string): CatalogEdition | undefined {
    return this.byKey.get(`${catalog}:${edition}`);
  }

  /** Editions of one catalog, newest first. */
  editionsOf(catalog: string): string[] {
    return this.records
      .filter((r) => r.catalog === catalog)
      .map((r) => r.edition)
      .sort((a, b) => compareEditions(b, a));
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

  /** Every mapping of every set, whoever owns it: for platform work (edition successions), not for a caller. */
  get graph(): MappingGraph {
    this.mappingGraph ??= new MappingGraph(this.mappings, this.records);
    return this.mappingGraph;
  }

  /**
   * An answer computed from this snapshot only, kept with it: a snapshot never changes, so the answer stays right
   * until the snapshot is replaced. The key must name everything the answer depends on (a view's `key` for
   * per-caller mappings). The oldest answers go first when the memo is full. Answers are shared: never mutate one.
   */
  memo<T>(key: string, make: () => T): T {
    if (this.answers.has(key)) return this.answers.get(key) as T;
    const value = make();
    if (this.answers.size >= MAX_MEMO) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, value);
    return value;
  }

  /** Every mapping set by id, with its size, whoever may read it. */
  get sets(): MappingSetWithCount[] {
    return [...this.setsById.values()];
  }

  set(id: string): MappingSetWithCount | undefined {
    return this.setsById.get(id);
  }

  /**
   * The mappings the actor may read (core/policies `mappingSetPolicy`): global and published sets plus the
   * actor's organizations' own. Callers who may read the same private sets share one view (and its graph).
   */
  forActor(actor: Actor): MappingView {
    const readable = this.sets.filter((s) => can(mappingSetPolicy, actor, 'read', s));
    const key = readable
      .filter((s) => !isGlobalMappingSet(s))
      .map((s) => s.id)
      .join('\n');
    let view = this.views.get(key);
    if (!view) {
      if (this.views.size >= MAX_VIEWS) this.views.clear();
      view = new MappingView(this, readable, key);
      this.views.set(key, view);
    }
    return view;
  }
}

/** The part of a snapshot's mappings one caller may read, with its own graph and per-node index built on first use. */
export class MappingView {
  private readonly setIds: Set<string>;
  private mappingGraph: MappingGraph | undefined;
  private byNode: Map<string, StoredMapping[]> | undefined;
  readonly sets: readonly MappingSetWithCount[];

  constructor(
    private readonly snapshot: CatalogSnapshot,
    sets: readonly MappingSetWithCount[],
    /** Names the private sets in the view: equal keys, equal views (for `CatalogSnapshot.memo`). */
    readonly key: string,
  ) {
    this.sets = sets;
    this.setIds = new Set(sets.map((s) => s.id));
  }

  has(setId: string): boolean {
    return this.setIds.has(setId);
  }

  private get mappings(): StoredMapping[] {
    return this.snapshot.mappings.filter((m) => this.setIds.has(m.setId));
  }

  get graph(): MappingGraph {
    this.mappingGraph ??= new MappingGraph(this.mappings, this.snapshot.records);
    return this.mappingGraph;
  }

  /** Mappings with the node as source or target, in no particular order. */
  forNode(key: string): readonly StoredMapping[] {
    if (!this.byNode) {
      const index = new Map<string, StoredMapping[]>();
      const add = (k: string, m: StoredMapping) => {
        const list = index.get(k);
        if (list) list.push(m);
        else index.set(k, [m]);
      };
      for (const m of this.mappings) {
        add(m.source, m);
        if (m.target !== m.source) add(m.target, m);
      }
      this.byNode = index;
    }
    return this.byNode.get(key) ?? [];
  }
}
