import type { CatalogEdition } from '../../../core/catalog/model';
import { DomainError } from '../../../core/errors';
import type { GapImport, GapImportSummary } from '../../../core/gap/gap-import';
import { buildGapReport } from '../../../core/gap/gap-report';
import type { IsoEdition } from '../../../core/gap/iso-ids';
import type { GapIssue } from '../../../core/gap/issues';
import type { ImportedPosture } from '../../../core/gap/posture';
import { buildProposals, type Proposal } from '../../../core/gap/proposals';
import { relationships, type Relationship } from '../../../core/mapping/model';
import { authorize, gapImportPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { readStatement } from '../statements/statement-access';

const MAX_ISSUES = 100;

/** What the adapter read from the uploaded file (formats/gap): the posture, or the problems with their locations. */
export interface GapFileParse {
  kind: 'soa' | 'ssp';
  file: string;
  issues: GapIssue[];
  posture: ImportedPosture | null;
  isoEdition: { edition: IsoEdition; confidence: string; count2013: number; count2022: number } | null;
  /** SoA: sheet, detected columns and how each was found; SSP: revision and profile. Shown for confirmation. */
  detection: unknown;
}

export interface CreateGapImportInput {
  /** Reads the file against the catalogs the statement's server holds. */
  parse: (edition: (catalog: string) => CatalogEdition) => Promise<GapFileParse>;
  /** true: validate and preview only, nothing is written. */
  dryRun: boolean;
  /** For an SoA the caller confirms the ISO/IEC 27001 edition before anything is written. */
  isoEditionConfirmed: boolean;
}

export interface CreateGapImportResult {
  dryRun: boolean;
  ok: boolean;
  kind: 'soa' | 'ssp';
  file: string;
  isoEdition: GapFileParse['isoEdition'];
  detection: unknown;
  issues: GapIssue[];
  issueTotal: number;
  counts: { controls: number; proposals: number; bulkAcceptable: number; byRelationship: Record<Relationship, number> };
  summary: GapImportSummary | null;
  import: GapImport | null;
}

/** Mapping sets the proposals' paths run through, so the UI can name the correspondence set it used. */
function setsUsed(proposals: readonly Proposal[]): GapImportSummary['sets'] {
  const sets = new Map<string, GapImportSummary['sets'][number]>();
  for (const p of proposals)
    for (const path of p.paths)
      for (const l of path.links)
        if (l.setId && !sets.has(l.setId))
          sets.set(l.setId, { id: l.setId, method: l.provenance.method, document: l.provenance.document });
  return [...sets.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Two phases: the file is read and every row (or JSON path) checked first; proposals are derived through the
 * mappings the caller may read. A dry run answers the detection, the problems and the counts; a real import writes
 * the import and its proposals (private to the statement's organization) with one `gap.import` audit event — or,
 * when the file has any error or an SoA's edition is not confirmed, nothing at all.
 */
export async function createGapImport(
  deps: AppDeps,
  ctx: RequestContext,
  statementId: string,
  input: CreateGapImportInput,
): Promise<CreateGapImportResult> {
  const { statement } = await readStatement(deps, ctx, statementId);
  authorize(gapImportPolicy, ctx.actor, 'decide', statement);
  const snapshot = await deps.catalogCache.get(deps.uow);
  const edition = (catalog: string) => {
    const newest = snapshot.editionsOf(catalog)[0];
    const e = newest ? snapshot.edition(catalog, newest) : undefined;
    if (!e) throw new DomainError('not_found', `catalog ${catalog} is not loaded`);
    return e;
  };
  const ismap = snapshot.edition(statement.catalog, statement.edition);
  if (!ismap) throw new DomainError('not_found', `catalog edition ${statement.catalog} ${statement.edition} not found`);
  const parsed = await input.parse(edition);
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  const base = {
    dryRun: input.dryRun,
    kind: parsed.kind,
    file: parsed.file,
    isoEdition: parsed.isoEdition,
    detection: parsed.detection,
    issues: parsed.issues.slice(0, MAX_ISSUES),
    issueTotal: parsed.issues.length,
  };
  const byRelationship = Object.fromEntries(relationships.map((r) => [r, 0])) as Record<Relationship, number>;
  if (errors.length > 0 || !parsed.posture) {
    if (!input.dryRun)
      throw new DomainError(
        'import_failed',
        `${errors.length} problem(s) in ${parsed.file}; nothing was imported`,
        errors.slice(0, MAX_ISSUES),
        { reason: 'gap_import_failed', params: { count: errors.length, file: parsed.file } },
      );
    return {
      ...base,
      ok: false,
      counts: { controls: 0, proposals: 0, bulkAcceptable: 0, byRelationship },
      summary: null,
      import: null,
    };
  }
  const posture = parsed.posture;
  const result = buildProposals(posture, snapshot.forActor(ctx.actor).graph, ismap);
  const report = buildGapReport(posture, result, ismap);
  for (const p of result.proposals) byRelationship[p.relationship]++;
  const summary: GapImportSummary = {
    controls: posture.controls.length,
    proposals: result.proposals.length,
    via: result.via,
    sets: setsUsed(result.proposals),
    intersectsOnly: byRelationship['intersects-with'],
    detection: parsed.detection,
  };
  const counts = {
    controls: posture.controls.length,
    proposals: result.proposals.length,
    bulkAcceptable: result.proposals.filter((p) => p.bulkAcceptable).length,
    byRelationship,
  };
  if (input.dryRun) return { ...base, ok: true, counts, summary, import: null };
  if (parsed.kind === 'soa' && !input.isoEditionConfirmed)
    throw new DomainError(
      'validation_failed',
      'Confirm the ISO/IEC 27001 edition of the SoA (isoEdition) before importing',
      [{ path: ['form', 'isoEdition'], message: 'required to import', code: 'iso_edition_unconfirmed' }],
      { reason: 'iso_edition_unconfirmed', params: { edition: parsed.isoEdition?.edition ?? '' } },
    );
  const row: GapImport = {
    id: deps.ids.uuid(),
    orgId: statement.orgId,
    statementId,
    kind: parsed.kind,
    fileName: parsed.file,
    sourceCatalog: posture.catalog,
    isoEdition: parsed.kind === 'soa' ? (parsed.isoEdition?.edition ?? null) : null,
    ismapEdition: statement.edition,
    summary,
    report,
    createdAt: deps.clock.now().toISOString(),
    createdBy: ctx.actor.userId,
  };
  await deps.uow.transaction(async (r) => {
    await r.gapImports.insert(row, result.proposals);
    await recordAudit(r, deps, ctx, {
      action: 'gap.import',
      targetType: 'gap_import',
      targetId: row.id,
      orgId: statement.orgId,
      details: {
        statementId,
        kind: row.kind,
        file: row.fileName,
        sourceCatalog: row.sourceCatalog,
        controls: counts.controls,
        proposals: counts.proposals,
      },
    });
  });
  return { ...base, ok: true, counts, summary, import: row };
}
