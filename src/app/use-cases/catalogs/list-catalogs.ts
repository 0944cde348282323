import { isMandatory } from '../../../core/catalog/ids';
import type { CatalogNode, LocalizedText } from '../../../core/catalog/model';
import type { AppDeps, RequestContext } from '../../context';
import type { EditionSource } from '../../ports/repositories';

export interface CatalogEditionSummary {
  catalog: string;
  edition: string;
  title: LocalizedText;
  provenance: string;
  publishedAt: string | null;
  source: EditionSource;
  loadedAt: Date;
  contentHash: string;
  nodeCount: number;
  /** Nodes per kind ('objective': 121, 'detailed': 1081, …). */
  countsByKind: Record<string, number>;
  /** Basic statement requirements (基本言明要件); 0 outside ISMAP. */
  mandatoryCount: number;
  /** Nodes carrying each flag: ISMAP 'P' (cloud-specific), 'B' (basic statement requirement); NIST 'withdrawn'. */
  flagCounts: Record<string, number>;
  /** True for the newest edition of its catalog. */
  newest: boolean;
}

/** The presenter adds what the caller may do with catalogs (core/policies `catalogPolicy`). */
export interface CatalogList {
  editions: CatalogEditionSummary[];
}

/** Every stored edition with its node counts (counted in SQL), newest edition of each catalog marked. */
export async function listCatalogs(deps: AppDeps, _ctx: RequestContext): Promise<CatalogList> {
  const snapshot = await deps.catalogCache.get(deps.uow);
  const counts = await deps.uow.read.catalogs.countNodesByKind();
  const editions = snapshot.records.map((r): CatalogEditionSummary => {
    const countsByKind: Record<string, number> = {};
    for (const c of counts) if (c.catalog === r.catalog && c.edition === r.edition) countsByKind[c.kind] = c.count;
    const nodes = snapshot.edition(r.catalog, r.edition)?.nodes ?? [];
    return {
      catalog: r.catalog,
      edition: r.edition,
      title: r.title,
      provenance: r.provenance,
      publishedAt: r.publishedAt,
      source: r.source,
      loadedAt: r.loadedAt,
      contentHash: r.contentHash,
      nodeCount: Object.values(countsByKind).reduce((a, b) => a + b, 0),
      countsByKind,
      mandatoryCount: nodes.filter(isMandatory).length,
      flagCounts: countFlags(nodes),
      newest: snapshot.editionsOf(r.catalog)[0] === r.edition,
    };
  });
  return { editions };
}

function countFlags(nodes: readonly CatalogNode[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of nodes) for (const f of n.flags) out[f] = (out[f] ?? 0) + 1;
  return out;
}
