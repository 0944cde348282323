import { idFamily } from '../../../core/catalog/ids';
import { summarizeIssues, ISSUE_LIMIT } from '../../../core/catalog/issue-summary';
import type { CatalogEdition, Lang } from '../../../core/catalog/model';
import { isIsmapIdShape } from '../../../core/catalog/text-import-ids';
import {
  validateTextImport,
  type DuplicatePolicy,
  type TextImportInput,
  type TextImportIssue,
  type TextImportPlan,
} from '../../../core/catalog/text-import';
import { baseEditionFor, buildEdition } from '../../../core/catalog/text-import-edition';
import { importSample, type ImportSampleItem } from '../../../core/catalog/text-import-sample';
import { DomainError } from '../../../core/errors';
import { editionSuccession, type EditionSuccession } from '../../../core/mapping/succession';
import { compareEditions } from '../../../core/mapping/graph';
import { authorize, catalogPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { editionHash } from '../../content-hash';
import type { Repositories } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';
import { writeImportedMappingSet } from '../../write-mapping-set';

export const EDITION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,31}$/;

export interface ImportCatalogTextInput {
  catalog: string;
  edition: string;
  lang: Lang;
  dryRun?: boolean | undefined;
  /** What to do with a second row for an id: fail (default), keep the first row, or the last. */
  duplicates?: DuplicatePolicy | undefined;
  /** How many issues to return (the total and a count per code are always given). */
  issueLimit?: number | undefined;
  /** The table as the adapter read it (src/formats/tabular `toTextImportInput`); ids, language and newness are set here. */
  table: Omit<TextImportInput, 'knownIds' | 'knownParents' | 'allowNew' | 'lang' | 'duplicates'>;
}

export interface ImportCatalogTextResult {
  /** False when the file has errors: only a dry run returns then (a real import throws `import_failed`). */
  ok: boolean;
  dryRun: boolean;
  written: boolean;
  catalog: string;
  edition: string;
  /** True when the file creates a new edition (copied from `baseEdition`). */
  createdEdition: boolean;
  baseEdition: string | null;
  /** True when the new edition sorts before its base (2022-04 imported after 2024-07): it succeeds nothing. */
  olderThanBase: boolean;
  /** One line for people: 'will create edition 2025-01 from 2024-07' (dry run), 'created edition …', or null. */
  editionNote: string | null;
  /** The mapping sets written with a new edition (succession to the base, links within the edition), with sizes. */
  derivedMappingSets: { id: string; mappings: number }[];
  duplicates: DuplicatePolicy;
  counts: TextImportPlan['counts'];
  newIds: string[];
  idsWithoutText: string[];
  missingIds: string[];
  /** The first three items as they will be: title before and after, text, and the parents' titles. */
  sample: ImportSampleItem[];
  /** The first `issueLimit` issues, errors first; `issueTotal` and `issueCounts` cover all of them. */
  issues: TextImportIssue[];
  issueTotal: number;
  issueCounts: Record<string, number>;
}

/**
 * Imports criteria prose (管理基準の本文) from a table into an edition, in two phases: validate every row (ids,
 * duplicates, lengths, encoding, parents of new ids) and write nothing on any error — the DomainError
 * 'import_failed' carries the first issues with file, row and column, and the total and counts per code. A dry run
 * returns the same report with `ok: false` instead, so the UI can show the columns beside the problems.
 * A file for an edition that does not exist yet creates it from the nearest older edition (or, for a name older
 * than all, from the oldest), structure and texts copied, the file's texts applied, new ids added under their parent
 * by id prefix, and writes in the same transaction the succession mapping set between the two in edition order
 * (newer ⇢ older, node by node) and its links within the edition (core/mapping/succession.ts), each audited.
 */
export async function importCatalogText(
  deps: AppDeps,
  ctx: RequestContext,
  input: ImportCatalogTextInput,
): Promise<ImportCatalogTextResult> {
  authorize(catalogPolicy, ctx.actor, 'importText', null);
  if (idFamily(input.catalog) !== 'ismap')
    throw new DomainError(
      'validation_failed',
      `text import supports ISMAP catalogs only, not ${input.catalog}`,
      [{ path: ['catalog'], message: 'expected ismap', code: 'zod_invalid_value', params: { values: 'ismap' } }],
      { reason: 'text_import_ismap_only', params: { catalog: input.catalog } },
    );
  if (!EDITION_PATTERN.test(input.edition))
    throw new DomainError(
      'validation_failed',
      `edition "${input.edition}" is not a valid edition name (letters, digits, . _ + -)`,
      [{ path: ['edition'], message: 'invalid', code: 'edition_name', params: {} }],
      { reason: 'edition_name_invalid', params: { edition: input.edition } },
    );
  const snapshot = await deps.catalogCache.get(deps.uow);
  const target = snapshot.edition(input.catalog, input.edition);
  const baseName = target ? input.edition : baseEditionFor(snapshot.editionsOf(input.catalog), input.edition);
  const base = baseName ? snapshot.edition(input.catalog, baseName) : undefined;
  if (!base)
    throw new DomainError('not_found', `catalog ${input.catalog} not found`, undefined, {
      reason: 'catalog_not_found',
      params: { catalog: input.catalog },
    });
  const knownIds = new Map(
    base.nodes.filter((n) => isIsmapIdShape(n.id)).map((n) => [n.id, { id: n.id, kind: n.kind }]),
  );
  const knownParents = new Map(
    base.nodes.filter((n) => /^\d/.test(n.id)).map((n) => [n.id, { id: n.id, kind: n.kind }]),
  );
  const duplicates = input.duplicates ?? 'reject';
  const result = validateTextImport({
    ...input.table,
    lang: input.lang,
    knownIds,
    knownParents,
    allowNew: !target,
    duplicates,
  });
  const file = input.table.file ?? 'upload';
  const source = `${file} (${deps.clock.now().toISOString().slice(0, 10)})`;
  const plan = result.plan;
  const issues = [...result.issues];
  let built: CatalogEdition | null = null;
  if (!target) {
    const b = buildEdition(base, plan, {
      edition: input.edition,
      lang: input.lang,
      source,
      file: input.table.file,
      idColumn: input.table.columns.id.letter,
    });
    built = b.edition;
    issues.push(...b.issues);
  }
  const basePrefix = `${base.catalog}:${base.edition}:`;
  const derived = built
    ? editionSuccession(
        base,
        built,
        snapshot.mappings.filter((m) => m.source.startsWith(basePrefix) && m.target.startsWith(basePrefix)),
      )
    : null;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const summary = summarizeIssues(issues, input.issueLimit ?? ISSUE_LIMIT);
  if (errors > 0 && !input.dryRun) {
    const details = { issueTotal: summary.total, issueCounts: summary.byCode };
    throw new DomainError('import_failed', `${errors} problem(s) in ${file}; nothing was imported`, summary.issues, {
      reason: 'text_import_failed',
      params: { count: errors, file },
      details,
    });
  }
  const olderThanBase = !target && compareEditions(input.edition, base.edition) < 0;
  const note = `edition ${input.edition} from ${base.edition}${olderThanBase ? ` (older than ${base.edition})` : ''}`;
  const out: ImportCatalogTextResult = {
    ok: errors === 0,
    dryRun: input.dryRun === true,
    written: false,
    catalog: input.catalog,
    edition: input.edition,
    createdEdition: !target,
    baseEdition: target ? null : base.edition,
    olderThanBase,
    editionNote: target ? null : `${input.dryRun ? 'will create' : 'created'} ${note}`,
    derivedMappingSets: derived
      ? [derived.succession, derived.structure].map((s) => ({ id: s.id, mappings: s.mappings.length }))
      : [],
    duplicates,
    counts: { ...plan.counts, errors, warnings: issues.length - errors },
    newIds: plan.newIds.map((e) => e.id),
    idsWithoutText: plan.idsWithoutText,
    missingIds: plan.missingIds,
    sample: importSample(base, plan, input.lang),
    issues: summary.issues,
    issueTotal: summary.total,
    issueCounts: summary.byCode,
  };
  if (input.dryRun) return out;

  await deps.uow.transaction(async (r) => {
    const now = deps.clock.now();
    if (built) {
      const record = {
        catalog: built.catalog,
        edition: built.edition,
        title: built.title,
        provenance: built.provenance,
        publishedAt: null,
        contentHash: editionHash(built),
        source: 'import' as const,
        loadedAt: now,
      };
      await r.catalogs.insertEdition(record, built.nodes);
      if (derived) await writeDerivedSets(r, deps, ctx, derived);
    } else {
      const updates = plan.matched
        .filter((m) => m.text !== undefined || m.title !== undefined)
        .map((m) => ({ id: m.id, title: m.title, text: m.text, source }));
      const itemIds = new Set(updates.map((u) => u.id));
      for (const p of plan.parentTitles)
        if (!itemIds.has(p.id)) updates.push({ id: p.id, title: p.title, text: undefined, source });
      await r.catalogs.updateNodeTexts(input.catalog, input.edition, input.lang, updates);
      await r.catalogs.touchEdition(input.catalog, input.edition, now);
    }
    await recordAudit(r, deps, ctx, {
      action: 'catalog.import_text',
      targetType: 'catalog_edition',
      targetId: `${input.catalog}:${input.edition}`,
      details: {
        file,
        lang: input.lang,
        createdEdition: !target,
        baseEdition: out.baseEdition,
        matched: plan.counts.matched,
        newIds: plan.counts.newIds,
        withoutText: plan.counts.withoutText,
        parentTitles: plan.counts.parentTitles,
        duplicates: plan.counts.duplicates,
        duplicatePolicy: duplicates,
      },
    });
  });
  deps.catalogCache.invalidate();
  return { ...out, written: true };
}

/** The succession and within-edition sets of a new edition, each with its audit row (same transaction as the edition). */
async function writeDerivedSets(r: Repositories, deps: AppDeps, ctx: RequestContext, derived: EditionSuccession) {
  for (const set of [derived.succession, derived.structure]) {
    const written = await writeImportedMappingSet(r, deps, ctx, set, null);
    await recordAudit(r, deps, ctx, {
      action: 'mapping_set.derive',
      targetType: 'mapping_set',
      targetId: set.id,
      orgId: null,
      details: { mappings: written, provenance: set.provenance },
    });
  }
}
