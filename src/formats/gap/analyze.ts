import { extname } from 'node:path';
import type { CatalogEdition } from '../../core/catalog/model';
import { DomainError } from '../../core/errors';
import { buildGapReport, type GapReport } from '../../core/gap/gap-report';
import type { IsoEdition } from '../../core/gap/iso-ids';
import type { GapIssue } from '../../core/gap/issues';
import { hasErrors } from '../../core/gap/issues';
import type { ImportedPosture } from '../../core/gap/posture';
import { buildProposals, type ProposalResult } from '../../core/gap/proposals';
import { MappingGraph } from '../../core/mapping/graph';
import { contentDir as defaultContentDir } from '../bundled/content-dir';
import { loadBundledContent, type BundledContent } from '../bundled/load';
import { isoKnownIds, loadSoa, type LoadedSoa } from './read-soa';
import { loadSsp, type LoadedSsp } from './read-ssp';

/** The bundled catalogs and mappings the gap analysis runs on, built once per process. */
export interface GapContext {
  contentDir: string;
  content: BundledContent;
  graph: MappingGraph;
  ismap: CatalogEdition;
  editionOf(catalog: string): CatalogEdition;
}

export async function loadGapContext(dir: string = defaultContentDir): Promise<GapContext> {
  const content = await loadBundledContent(dir);
  const graph = MappingGraph.fromSets(content.mappingSets, content.editions);
  const editionOf = (catalog: string) => {
    const e = content.editions.find((x) => x.catalog === catalog);
    if (!e) throw new DomainError('not_found', `catalog ${catalog} is not bundled`);
    return e;
  };
  return { contentDir: dir, content, graph, ismap: editionOf('ismap'), editionOf };
}

export interface GapAnalysis {
  input: { kind: 'soa'; soa: Omit<LoadedSoa, 'result'> } | { kind: 'ssp'; ssp: Omit<LoadedSsp, 'posture' | 'issues'> };
  /** The ISO/IEC 27001 edition found in an SoA, for confirmation. */
  isoEdition: { edition: IsoEdition; confidence: string; count2013: number; count2022: number } | null;
  issues: GapIssue[];
  posture: ImportedPosture | null;
  proposals: ProposalResult | null;
  report: GapReport | null;
}

/**
 * File → posture → proposals → gap report, no database. `.json` is read as an OSCAL SSP, anything else as an SoA
 * table. Issues with errors leave posture, proposals and report null.
 */
export async function analyzeGapFile(
  ctx: GapContext,
  path: string,
  opts: { columns?: string; isoEdition?: IsoEdition; sheet?: string; ismapEdition?: string; displayName?: string } = {},
): Promise<GapAnalysis> {
  let ismap = ctx.ismap;
  if (opts.ismapEdition && opts.ismapEdition !== ismap.edition) {
    const other = ctx.content.editions.find((e) => e.catalog === 'ismap' && e.edition === opts.ismapEdition);
    if (!other)
      throw new DomainError(
        'not_found',
        `ISMAP edition ${opts.ismapEdition} is not bundled (bundled: ${ismap.edition})`,
      );
    ismap = other;
  }
  let analysis: GapAnalysis;
  if (extname(path).toLowerCase() === '.json') {
    const { posture, issues, ...ssp } = await loadSsp(path, {
      contentDir: ctx.contentDir,
      r4: ctx.editionOf('nist-800-53r4'),
      r5: ctx.editionOf('nist-800-53r5'),
      ...(opts.displayName ? { displayName: opts.displayName } : {}),
    });
    analysis = { input: { kind: 'ssp', ssp }, isoEdition: null, issues, posture, proposals: null, report: null };
  } else {
    const { result, ...soa } = await loadSoa(path, {
      known: isoKnownIds(ctx.editionOf('iso27001-2013'), ctx.editionOf('iso27001-2022')),
      ...(opts.columns ? { columns: opts.columns } : {}),
      ...(opts.isoEdition ? { edition: opts.isoEdition } : {}),
      ...(opts.sheet ? { sheet: opts.sheet } : {}),
      ...(opts.displayName ? { displayName: opts.displayName } : {}),
    });
    analysis = {
      input: { kind: 'soa', soa },
      isoEdition: { ...result.detection, edition: result.edition },
      issues: result.issues,
      posture: result.posture,
      proposals: null,
      report: null,
    };
  }
  if (analysis.posture && !hasErrors(analysis.issues)) {
    analysis.proposals = buildProposals(analysis.posture, ctx.graph, ismap);
    analysis.report = buildGapReport(analysis.posture, analysis.proposals, ismap);
  }
  return analysis;
}
