import { DomainError } from '../errors';
import { compose, composeMethod } from './compose';
import type { Mapping, MappingMethod, MappingProvenance, MappingSet, Relationship } from './model';
import { inverse, strength } from './model';

/** One hop of a path, always read in the direction of travel (`from relationship to`). */
export interface PathLink {
  from: string;
  to: string;
  relationship: Relationship;
  provenance: MappingProvenance;
  confidence: number;
  note?: string | undefined;
  /** True when the stored mapping points the other way and was read backwards (relationship inverted). */
  inverted: boolean;
  /** The mapping set the link comes from, when known. */
  setId?: string | undefined;
}

export interface MappingPath {
  links: PathLink[];
  /** The composition of all links (see compose.ts). */
  relationship: Relationship;
  /** The weakest link's confidence. */
  confidence: number;
  /** 'official' only when every link is official; otherwise 'derived'. */
  method: MappingMethod;
}

export interface TargetResult {
  target: string;
  /** The strongest relationship among the paths reaching this target. */
  relationship: Relationship;
  confidence: number;
  method: MappingMethod;
  /** Every path to this target, best first. */
  paths: MappingPath[];
}

export interface PathsResult {
  from: string;
  /** Resolved `<catalog>:<edition>`. */
  toCatalog: string;
  /** Resolved via chain (each `<catalog>:<edition>`), when one was given. */
  via?: string[];
  paths: MappingPath[];
  targets: TargetResult[];
  /** True when `maxPaths` cut the search short. */
  truncated: boolean;
}

export interface PathOptions {
  /** Most links in a path; default 6. */
  maxDepth?: number;
  /** Catalog chain to follow after the source's catalog, names with or without edition. The target may end it. */
  via?: string[];
  /** Safety valve for very connected graphs; default 10,000. */
  maxPaths?: number;
}

interface Edge {
  link: PathLink;
  to: string;
  /** `<catalog>:<edition>` of `to`. */
  toCatalog: string;
  /** Catalog name of `to`, without edition. */
  toName: string;
  /** `<catalog>:<id>` of `to`: the same item in every edition. */
  toItem: string;
}

/** `ismap:2024-07:9.2.3` → `ismap:9.2.3`. */
function itemOfKey(key: string): string {
  const first = key.indexOf(':');
  const second = key.indexOf(':', first + 1);
  return second < 0 ? key : key.slice(0, first) + key.slice(second);
}

const nameOf = (catalogEdition: string) => {
  const i = catalogEdition.indexOf(':');
  return i < 0 ? catalogEdition : catalogEdition.slice(0, i);
};

/** `<catalog>:<edition>` of a node key. */
export function catalogOfKey(key: string): string {
  const first = key.indexOf(':');
  const second = key.indexOf(':', first + 1);
  return second < 0 ? key : key.slice(0, second);
}

/**
 * Compares edition strings so that the newer sorts later: numeric segments numerically
 * ('5.1.1' < '5.1.1+u4' < '5.2.0', '2022-04' < '2024-07'), other segments as text.
 */
export function compareEditions(a: string, b: string): number {
  const pa = a.split(/[^0-9A-Za-z]+/).filter(Boolean);
  const pb = b.split(/[^0-9A-Za-z]+/).filter(Boolean);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}

function betterPath(a: MappingPath, b: MappingPath): number {
  return (
    strength(b.relationship) - strength(a.relationship) ||
    b.confidence - a.confidence ||
    a.links.length - b.links.length
  );
}

/**
 * All mappings as one graph, built once: adjacency by node key in both directions, the reverse direction
 * with the inverse relationship, so a query can start from either side of any mapping.
 */
export class MappingGraph {
  private readonly adjacency = new Map<string, Edge[]>();
  private readonly editions = new Map<string, Set<string>>();

  constructor(
    mappings: Iterable<Mapping & { setId?: string }>,
    knownEditions: Iterable<{ catalog: string; edition: string }> = [],
  ) {
    for (const e of knownEditions) this.addEdition(`${e.catalog}:${e.edition}`);
    // Edges are built with one fixed object shape (no conditional spreads): with thousands of mappings
    // that keeps V8 on fast paths, and `note`/`setId` are simply undefined when absent.
    const catalogs = new Map<string, string>();
    const catalogOf = (key: string) => {
      let c = catalogs.get(key);
      if (c === undefined) {
        c = catalogOfKey(key);
        catalogs.set(key, c);
        this.addEdition(c);
      }
      return c;
    };
    for (const m of mappings) {
      const sourceCatalog = catalogOf(m.source);
      const targetCatalog = catalogOf(m.target);
      const forward: PathLink = {
        from: m.source,
        to: m.target,
        relationship: m.relationship,
        provenance: m.provenance,
        confidence: m.confidence,
        note: m.note,
        inverted: false,
        setId: m.setId,
      };
      const backward: PathLink = {
        from: m.target,
        to: m.source,
        relationship: inverse(m.relationship),
        provenance: m.provenance,
        confidence: m.confidence,
        note: m.note,
        inverted: true,
        setId: m.setId,
      };
      this.addEdge(m.source, {
        link: forward,
        to: m.target,
        toCatalog: targetCatalog,
        toName: nameOf(targetCatalog),
        toItem: itemOfKey(m.target),
      });
      this.addEdge(m.target, {
        link: backward,
        to: m.source,
        toCatalog: sourceCatalog,
        toName: nameOf(sourceCatalog),
        toItem: itemOfKey(m.source),
      });
    }
  }

  static fromSets(
    sets: readonly MappingSet[],
    knownEditions: Iterable<{ catalog: string; edition: string }> = [],
  ): MappingGraph {
    const all = sets.flatMap((s) => s.mappings.map((m) => ({ ...m, setId: s.id })));
    return new MappingGraph(all, knownEditions);
  }

  private addEdition(catalogEdition: string) {
    const i = catalogEdition.indexOf(':');
    if (i <= 0) return;
    const name = catalogEdition.slice(0, i);
    let set = this.editions.get(name);
    if (!set) this.editions.set(name, (set = new Set()));
    set.add(catalogEdition.slice(i + 1));
  }

  private addEdge(from: string, e: Edge) {
    const list = this.adjacency.get(from);
    if (list) list.push(e);
    else this.adjacency.set(from, [e]);
  }

  /** Links leaving a node, both stored and inverted ones. */
  neighbours(key: string): PathLink[] {
    return (this.adjacency.get(key) ?? []).map((e) => e.link);
  }

  /** Editions known for a catalog name, newest first. */
  editionsOf(catalog: string): string[] {
    return [...(this.editions.get(catalog) ?? [])].sort((a, b) => compareEditions(b, a));
  }

  /**
   * 'nist-800-53r5' → 'nist-800-53r5:5.1.1' (its newest edition); 'iso27001-2013:2013' is checked and kept.
   * Throws not_found for an unknown catalog or edition.
   */
  resolveCatalog(name: string): string {
    const i = name.indexOf(':');
    const catalog = i < 0 ? name : name.slice(0, i);
    const editions = this.editionsOf(catalog);
    if (i >= 0) {
      if (!editions.includes(name.slice(i + 1)))
        throw new DomainError('not_found', `catalog edition ${name} not found`);
      return name;
    }
    const newest = editions[0];
    if (!newest) throw new DomainError('not_found', `catalog ${name} not found`);
    return `${catalog}:${newest}`;
  }

  /**
   * Every path from a node to nodes of another catalog, and the reached targets grouped with the strongest
   * relationship among their paths. A path may take several hops inside one catalog (an ISMAP detailed
   * control to its objective) but never re-enters a catalog it has left, and stops at the first node of the
   * target catalog. With `via`, the catalogs must be visited exactly in that order.
   *
   * Editions: while a path is still in the starting catalog it may hop to other editions of it (an edition
   * succession, `ismap:2025-01:9.2.3 equal ismap:2024-07:9.2.3`) without counting as a `via` step; once it has
   * left the starting catalog it never enters any edition of it again. A path never visits one item (same catalog
   * and id) in two editions except by the direct hop between them, so it cannot detour through a sibling and
   * come back to the item in the other edition.
   *
   * Example: `graph.paths('ismap:2024-07:9.2.3', 'fedramp-rev5-moderate', { via: ['iso27001-2013', 'nist-800-53r5'] })`.
   */
  paths(from: string, toCatalog: string, opts: PathOptions = {}): PathsResult {
    const target = this.resolveCatalog(toCatalog);
    const maxDepth = opts.maxDepth ?? 6;
    const maxPaths = opts.maxPaths ?? 10_000;
    const startCatalog = catalogOfKey(from);
    let sequence: string[] | null = null;
    if (opts.via) {
      sequence = [startCatalog, ...opts.via.map((v) => this.resolveCatalog(v))];
      if (sequence[sequence.length - 1] !== target) sequence.push(target);
    }
    const found: MappingPath[] = [];
    let truncated = false;
    const links: PathLink[] = [];
    const startName = nameOf(startCatalog);
    const onPath = new Set<string>([from]);
    const onPathItems = new Set<string>([itemOfKey(from)]);
    const visitedCatalogs = new Set<string>([startCatalog]);

    const walk = (
      node: string,
      item: string,
      catalog: string,
      seqIndex: number,
      rel: Relationship | null,
      conf: number,
    ) => {
      if (found.length >= maxPaths) {
        truncated = true;
        return;
      }
      if (links.length >= maxDepth) return;
      const inStart = nameOf(catalog) === startName;
      for (const e of this.adjacency.get(node) ?? []) {
        if (onPath.has(e.to)) continue;
        if (e.toItem !== item && onPathItems.has(e.toItem)) continue;
        let nextIndex = seqIndex;
        if (e.toCatalog !== catalog) {
          if (visitedCatalogs.has(e.toCatalog)) continue;
          if (e.toName === startName) {
            // Another edition of the starting catalog: only before the path has left it.
            if (!inStart) continue;
            if (sequence && sequence[seqIndex + 1] === e.toCatalog) nextIndex = seqIndex + 1;
          } else if (sequence) {
            if (sequence[seqIndex + 1] !== e.toCatalog) continue;
            nextIndex = seqIndex + 1;
          }
        }
        const r = e.link.relationship;
        const composed = rel === null ? r : compose(rel, r);
        if (composed === null || r === 'no-relationship') continue;
        const confidence = Math.min(conf, e.link.confidence);
        links.push(e.link);
        if (e.toCatalog === target) {
          found.push({
            links: [...links],
            relationship: composed,
            confidence,
            method: composeMethod(links.map((l) => l.provenance.method)),
          });
        } else {
          const entering = e.toCatalog !== catalog;
          const newItem = !onPathItems.has(e.toItem);
          onPath.add(e.to);
          if (newItem) onPathItems.add(e.toItem);
          if (entering) visitedCatalogs.add(e.toCatalog);
          walk(e.to, e.toItem, e.toCatalog, nextIndex, composed, confidence);
          if (entering) visitedCatalogs.delete(e.toCatalog);
          if (newItem) onPathItems.delete(e.toItem);
          onPath.delete(e.to);
        }
        links.pop();
      }
    };
    if (startCatalog !== target) walk(from, itemOfKey(from), startCatalog, 0, null, 1);

    found.sort((a, b) => betterPath(a, b) || (a.links.at(-1)!.to < b.links.at(-1)!.to ? -1 : 1));
    const byTarget = new Map<string, MappingPath[]>();
    for (const p of found) {
      const t = p.links.at(-1)!.to;
      const list = byTarget.get(t);
      if (list) list.push(p);
      else byTarget.set(t, [p]);
    }
    const targets: TargetResult[] = [...byTarget].map(([t, ps]) => {
      const best = ps[0]!;
      return {
        target: t,
        relationship: best.relationship,
        confidence: best.confidence,
        method: best.method,
        paths: ps,
      };
    });
    targets.sort((a, b) => betterPath(a.paths[0]!, b.paths[0]!) || (a.target < b.target ? -1 : 1));
    return {
      from,
      toCatalog: target,
      ...(sequence ? { via: sequence.slice(1) } : {}),
      paths: found,
      targets,
      truncated,
    };
  }
}
