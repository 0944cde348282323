import type { CatalogEdition, CatalogNode } from '../core/catalog/model';
import { CatalogSnapshot, documentOrder } from './catalog-snapshot';
import type { ContentRevision, EditionRecord, MappingSetRecord, StoredMapping, UnitOfWork } from './ports/repositories';

export { CatalogSnapshot, MappingView, documentOrder, type MappingSetWithCount } from './catalog-snapshot';

interface LoadedCatalogs {
  records: EditionRecord[];
  editions: CatalogEdition[];
}

interface LoadedMappings {
  sets: MappingSetRecord[];
  mappings: StoredMapping[];
}

/** A load in flight or done, with what it is known to include. */
interface Part<T> {
  /** The content revision read before the load began: the loaded data is at least this new. */
  revision: number;
  /** The local invalidation count when the load began. */
  generation: number;
  value: Promise<T>;
}

const fresh = <T>(p: Part<T> | null, generation: number, revision: number): p is Part<T> =>
  p !== null && p.generation >= generation && p.revision >= revision;

/**
 * The in-process cache of catalogs and mappings, owned by the runtime and handed to use cases through
 * `AppDeps.catalogCache`. A read costs no query while the snapshot is current. It is not current when
 *  - this process committed a change to catalogs or mappings (`invalidate`, `invalidateMappings`: the unit of work
 *    calls them after such a commit), or
 *  - a newer content revision became known (`observe`: on PostgreSQL another server's commit, by LISTEN/NOTIFY).
 * Then the revision is read first and the data after it, so the snapshot is at least as new as every revision this
 * process had seen when the read began: a reader never gets a snapshot older than a revision it has seen.
 * Catalogs and mappings have separate revisions, so adding a mapping reloads only the mappings (and rebuilds the
 * graph), not the thousands of catalog nodes and the search index.
 */
export class CatalogCache {
  private known: ContentRevision = { catalogs: -1, mappings: -1 };
  private generations = { catalogs: 0, mappings: 0 };
  private catalogs: Part<LoadedCatalogs> | null = null;
  private mappings: Part<LoadedMappings> | null = null;
  private snapshot: { catalogs: Part<LoadedCatalogs>; mappings: Part<LoadedMappings>; value: CatalogSnapshot } | null =
    null;

  /** After a change to catalogs (and maybe mappings) committed in this process, or when notifications were lost. */
  invalidate(): void {
    this.generations.catalogs++;
    this.generations.mappings++;
  }

  /** After a mapping write: the catalogs (and their search index) stay. */
  invalidateMappings(): void {
    this.generations.mappings++;
  }

  /** A revision committed somewhere (another server on the same PostgreSQL): the next read loads what is newer. */
  observe(revision: ContentRevision): void {
    this.known = {
      catalogs: Math.max(this.known.catalogs, revision.catalogs),
      mappings: Math.max(this.known.mappings, revision.mappings),
    };
  }

  /** The highest revision seen so far (for tests and diagnostics). */
  get seen(): ContentRevision {
    return { ...this.known };
  }

  /** The current snapshot. */
  async get(uow: UnitOfWork): Promise<CatalogSnapshot> {
    // What this read must include: every local invalidation and every revision seen before it began.
    const want = {
      catalogs: { generation: this.generations.catalogs, revision: this.known.catalogs },
      mappings: { generation: this.generations.mappings, revision: this.known.mappings },
    };
    if (
      !fresh(this.catalogs, want.catalogs.generation, want.catalogs.revision) ||
      !fresh(this.mappings, want.mappings.generation, want.mappings.revision)
    ) {
      const generations = { ...this.generations };
      const revision = await uow.read.contentRevision.get();
      this.observe(revision);
      // Another read may have started a load meanwhile that is new enough for this one.
      if (!fresh(this.catalogs, want.catalogs.generation, want.catalogs.revision)) {
        const part: Part<LoadedCatalogs> = {
          revision: revision.catalogs,
          generation: generations.catalogs,
          value: loadCatalogs(uow),
        };
        this.catalogs = part;
        forgetOnFailure(part, () => this.catalogs === part && (this.catalogs = null));
      }
      if (!fresh(this.mappings, want.mappings.generation, want.mappings.revision)) {
        const part: Part<LoadedMappings> = {
          revision: revision.mappings,
          generation: generations.mappings,
          value: loadMappings(uow),
        };
        this.mappings = part;
        forgetOnFailure(part, () => this.mappings === part && (this.mappings = null));
      }
    }
    const catalogs = this.catalogs!;
    const mappings = this.mappings!;
    const snap = this.snapshot;
    if (snap && snap.catalogs === catalogs && snap.mappings === mappings) return snap.value;
    const [c, m] = await Promise.all([catalogs.value, mappings.value]);
    // A newer snapshot may have been put while this one loaded: keep the newest.
    const now = this.snapshot;
    if (
      now &&
      now !== snap &&
      now.catalogs.revision >= catalogs.revision &&
      now.mappings.revision >= mappings.revision &&
      now.catalogs.generation >= catalogs.generation &&
      now.mappings.generation >= mappings.generation
    )
      return now.value;
    const value = new CatalogSnapshot(
      c.records,
      c.editions,
      m.mappings,
      m.sets,
      snap?.catalogs === catalogs ? snap.value : undefined,
    );
    this.snapshot = { catalogs, mappings, value };
    return value;
  }
}

/** A failed load must not stick: the next read tries again. */
function forgetOnFailure(part: Part<unknown>, forget: () => void): void {
  part.value.catch(() => forget());
}

async function loadMappings(uow: UnitOfWork): Promise<LoadedMappings> {
  const [sets, mappings] = await Promise.all([uow.read.mappings.listSets(), uow.read.mappings.all()]);
  return { sets: sets.map(({ count: _count, ...s }) => s), mappings };
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
