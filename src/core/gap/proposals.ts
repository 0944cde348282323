import type { CatalogEdition, CatalogNode } from '../catalog/model';
import { nodeKey } from '../catalog/model';
import { compose } from '../mapping/compose';
import type { MappingGraph, MappingPath, PathLink } from '../mapping/graph';
import { strength, type Relationship } from '../mapping/model';
import type { ImplementationStatus, StoredSelection } from '../statement/model';
import type { ImportedPosture, PostureControl, PostureSource, PostureStatus } from './posture';

/**
 * Imported posture → proposals for ISMAP items, through the mappings. A proposal is never applied by itself: those
 * whose composed relationship is `equal` or `superset-of` (the source asks at least what the item asks) may be
 * accepted in bulk, the others (`subset-of`, `intersects-with`) need a decision per item.
 */
export interface Proposal {
  /** Stable within one import: `<ismap id>|<source id>`. */
  id: string;
  itemId: string;
  itemKey: string;
  tier: string;
  kind: string;
  sourceId: string;
  sourceKey: string;
  source: PostureSource;
  sourceStatus: PostureStatus;
  /** The composed relationship `source <relationship> item` of the best path. */
  relationship: Relationship;
  confidence: number;
  /** Best path first; each link with its relationship, provenance and set. */
  paths: MappingPath[];
  bulkAcceptable: boolean;
  proposed: { selection: StoredSelection; status: ImplementationStatus | null; draft: string };
}

export interface ProposalResult {
  proposals: Proposal[];
  /** Source controls that reach no ISMAP item. */
  unmapped: PostureControl[];
  /** Through which catalogs the paths run, for the UI's explanation. */
  via: string[];
}

export const bulkRelationships: readonly Relationship[] = ['equal', 'superset-of'];

/** Catalog chain from the source catalog to ISMAP: SoAs reach ISMAP through ISO/IEC 27001:2013, SSPs through NIST's mapping. */
export function viaFor(sourceCatalog: string): string[] {
  const name = sourceCatalog.slice(0, sourceCatalog.indexOf(':'));
  if (name === 'iso27001-2013') return [];
  if (name === 'iso27001-2022') return ['iso27001-2013'];
  if (name === 'nist-800-53r5') return ['iso27001-2013'];
  if (name === 'nist-800-53r4') return ['nist-800-53r5', 'iso27001-2013'];
  return [];
}

function proposedFor(c: PostureControl, relationship: Relationship): Proposal['proposed'] {
  const draft = [c.text, c.justification && c.status === 'not_applicable' ? c.justification : '']
    .filter(Boolean)
    .join('\n');
  const status: Record<PostureStatus, ImplementationStatus | null> = {
    implemented: 'implemented',
    partial: 'in_progress',
    planned: 'planned',
    not_implemented: 'not_started',
    not_applicable: null,
    unknown: null,
  };
  // A weaker mapping never proposes "implemented": the source covers only part of the item.
  const s = status[c.status];
  const weak = !bulkRelationships.includes(relationship);
  return {
    selection: c.inherited ? 'inherited' : c.status === 'not_applicable' ? 'not_selected' : 'selected',
    status: weak && s === 'implemented' ? 'in_progress' : s,
    draft,
  };
}

/** The SP 800-53 base control of an enhancement (`ac-2.1` → `ac-2`), which the NIST ↔ ISO tables map. */
const baseControl = (id: string) => (/^[a-z]{2}-\d+\.\d+$/.test(id) ? id.slice(0, id.indexOf('.')) : null);

export function buildProposals(
  posture: ImportedPosture,
  graph: MappingGraph,
  ismap: CatalogEdition,
  opts: { maxDepth?: number } = {},
): ProposalResult {
  const target = `${ismap.catalog}:${ismap.edition}`;
  const nodes = new Map<string, CatalogNode>(ismap.nodes.map((n) => [nodeKey(ismap.catalog, ismap.edition, n.id), n]));
  const via = viaFor(posture.catalog);
  const catalogOf = (key: string) => key.slice(0, key.lastIndexOf(':'));
  const proposals: Proposal[] = [];
  const unmapped: PostureControl[] = [];
  // Per key: an SoA's clause rows are ISO/IEC 27001:2013 clauses whatever the SoA's edition.
  // Cached for this run: an SSP's enhancements search their shared base control again and again, and every path
  // ending at an objective walks that objective's detailed controls.
  const searched = new Map<string, MappingPath[]>();
  const search = (key: string) => {
    let found = searched.get(key);
    if (found) return found;
    const v = viaFor(catalogOf(key));
    found = graph.paths(key, target, { ...(v.length > 0 ? { via: v } : {}), maxDepth: opts.maxDepth ?? 4 }).paths;
    searched.set(key, found);
    return found;
  };
  const childLinksOf = new Map<string, PathLink[]>();
  const detailedChildren = (end: string): PathLink[] => {
    let links = childLinksOf.get(end);
    if (links) return links;
    const parent = nodes.get(end);
    links = graph.neighbours(end).filter((l) => {
      const child = nodes.get(l.to);
      return child !== undefined && child.kind === 'detailed' && parent !== undefined && child.parentId === parent.id;
    });
    childLinksOf.set(end, links);
    return links;
  };

  for (const c of posture.controls) {
    let paths = search(c.key);
    const base = paths.length === 0 && posture.kind === 'ssp' ? baseControl(c.id) : null;
    if (base) {
      const baseKey = c.key.slice(0, c.key.lastIndexOf(':') + 1) + base;
      const hop: PathLink = {
        from: c.key,
        to: baseKey,
        relationship: 'intersects-with',
        provenance: { document: 'SP 800-53: a control enhancement builds on its base control', method: 'derived' },
        confidence: 0.4,
        inverted: false,
      };
      paths = search(baseKey).map((p) => ({
        ...p,
        links: [hop, ...p.links],
        relationship: compose('intersects-with', p.relationship) ?? 'intersects-with',
        confidence: Math.min(p.confidence, hop.confidence),
        method: 'derived' as const,
      }));
    }
    const reached = new Map<string, MappingPath[]>();
    const add = (key: string, p: MappingPath) => {
      const list = reached.get(key);
      if (list) list.push(p);
      else reached.set(key, [p]);
    };
    for (const p of paths) {
      const end = p.links.at(-1)!.to;
      add(end, p);
      // The search stops at the first ISMAP node (an objective); its detailed controls follow by structure.
      for (const l of detailedChildren(end)) {
        const r = compose(p.relationship, l.relationship);
        if (!r) continue;
        add(l.to, { ...p, links: [...p.links, l], relationship: r, confidence: Math.min(p.confidence, l.confidence) });
      }
    }
    if (reached.size === 0) {
      unmapped.push(c);
      continue;
    }
    for (const [key, ps] of reached) {
      const node = nodes.get(key);
      if (!node) continue;
      ps.sort((a, b) => strength(b.relationship) - strength(a.relationship) || b.confidence - a.confidence);
      const best = ps[0]!;
      const p: Proposal = {
        id: `${node.id}|${c.id}`,
        itemId: node.id,
        itemKey: key,
        tier: String(node.props['tier'] ?? ''),
        kind: node.kind,
        sourceId: c.id,
        sourceKey: c.key,
        source: c.source,
        sourceStatus: c.status,
        relationship: best.relationship,
        confidence: best.confidence,
        paths: ps,
        // Cloud-specific items (ISO/IEC 27017) are never implied by an ISO/IEC 27001 control: decide each one.
        bulkAcceptable: bulkRelationships.includes(best.relationship) && !node.flags.includes('P'),
        proposed: proposedFor(c, best.relationship),
      };
      proposals.push(p);
    }
  }
  const order = new Map(ismap.nodes.map((n, i) => [n.id, i]));
  proposals.sort(
    (a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0) || (a.sourceId < b.sourceId ? -1 : 1),
  );
  return { proposals, unmapped, via };
}

/** Proposals grouped by composed relationship, strongest first, as the wizard shows them. */
export function groupByRelationship(
  proposals: readonly Proposal[],
): { relationship: Relationship; proposals: Proposal[] }[] {
  const groups = new Map<Relationship, Proposal[]>();
  for (const p of proposals) {
    const g = groups.get(p.relationship);
    if (g) g.push(p);
    else groups.set(p.relationship, [p]);
  }
  return [...groups]
    .sort((a, b) => strength(b[0]) - strength(a[0]) || (a[0] < b[0] ? -1 : 1))
    .map(([relationship, ps]) => ({ relationship, proposals: ps }));
}
