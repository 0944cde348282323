import { idFamily, ismapNumber } from '../../core/catalog/ids';
import type { CatalogEdition, CatalogNode, Lang } from '../../core/catalog/model';
import { isIsmapIdShape } from '../../core/catalog/text-import-ids';
import { validateTextImport, type TextImportEntry, type TextImportInput, type TextImportIssue, type TextImportPlan } from '../../core/catalog/text-import';
import { DomainError } from '../../core/errors';
import { editionSuccession, type EditionSuccession } from '../../core/mapping/succession';
import { authorize, catalogPolicy } from '../../core/policies';
import { documentOrder } from '../catalog-cache';
import type { AppDeps, RequestContext } from '../context';
import { editionHash, mappingSetHash } from '../content-hash';
import type { Repositories, StoredMapping } from '../ports/repositories';
import { resolveEdition } from '../node-ref';
import { recordAudit } from '../record-audit';

export const EDITION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,31}$/;

export interface ImportCatalogTextInput {
  catalog: string;
  edition: string;
  lang: Lang;
  dryRun?: boolean | undefined;
  /** The table as the adapter read it (src/formats/tabular `toTextImportInput`); ids, language and newness are set here. */
  table: Omit<TextImportInput, 'knownIds' | 'allowNew' | 'lang'>;
}

export interface ImportCatalogTextResult {
  dryRun: boolean;
  written: boolean;
  catalog: string;
  edition: string;
  /** True when the file creates a new edition (copied from `baseEdition`). */
  createdEdition: boolean;
  baseEdition: string | null;
  /** One line for people: 'will create edition 2025-01 from 2024-07' (dry run), 'created edition …', or null. */
  editionNote: string | null;
  /** The mapping sets written with a new edition (succession to the base, links within the edition), with sizes. */
  derivedMappingSets: { id: string; mappings: number }[];
  counts: TextImportPlan['counts'];
  newIds: string[];
  idsWithoutText: string[];
  missingIds: string[];
  /** Warnings (errors make the import fail with every issue). */
  issues: TextImportIssue[];
}

/**
 * Imports criteria prose (管理基準の本文) from a table into an edition, in two phases: validate every row (ids,
 * duplicates, lengths, encoding, parents of new ids) and write nothing on any error — the DomainError
 * 'import_failed' carries every issue with its file, row and column. A file for an edition that does not exist yet
 * creates it from the newest edition of the catalog (structure and texts copied, the file's texts applied, new ids
 * added under their parent by id prefix), and writes in the same transaction the edition's succession mapping set
 * (new ⇢ base, node by node) and its links within the edition (core/mapping/succession.ts), each audited, so mapping
 * paths from the new edition go on through the base edition's mappings. `dryRun` returns the plan without writing.
 */
export async function importCatalogText(deps: AppDeps, ctx: RequestContext, input: ImportCatalogTextInput): Promise<ImportCatalogTextResult> {
  authorize(catalogPolicy, ctx.actor, 'importText', null);
  if (idFamily(input.catalog) !== 'ismap') throw new DomainError('validation_failed', `text import supports ISMAP catalogs only, not ${input.catalog}`, [{ path: ['catalog'], message: 'expected ismap' }]);
  if (!EDITION_PATTERN.test(input.edition)) throw new DomainError('validation_failed', `edition "${input.edition}" is not a valid edition name (letters, digits, . _ + -)`, [{ path: ['edition'], message: 'invalid' }]);
  const snapshot = await deps.catalogCache.get(deps.uow);
  const target = snapshot.edition(input.catalog, input.edition);
  const base = target ?? resolveEdition(snapshot, input.catalog);
  const knownIds = new Map(base.nodes.filter((n) => isIsmapIdShape(n.id)).map((n) => [n.id, { id: n.id, kind: n.kind }]));
  const result = validateTextImport({ ...input.table, lang: input.lang, knownIds, allowNew: !target });
  const file = input.table.file ?? 'upload';
  const source = `${file} (${deps.clock.now().toISOString().slice(0, 10)})`;
  const issues = [...result.issues];
  const built = target ? null : buildEdition(base, input, result.plan, source, issues);
  const basePrefix = `${base.catalog}:${base.edition}:`;
  const derived = built ? editionSuccession(base, built, snapshot.mappings.filter((m) => m.source.startsWith(basePrefix) && m.target.startsWith(basePrefix))) : null;
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new DomainError('import_failed', `${errors.length} problem(s) in ${file}; nothing was imported`, issues);
  }
  const plan = result.plan;
  const out: ImportCatalogTextResult = {
    dryRun: input.dryRun === true,
    written: false,
    catalog: input.catalog,
    edition: input.edition,
    createdEdition: !target,
    baseEdition: target ? null : base.edition,
    editionNote: target ? null : `${input.dryRun ? 'will create' : 'created'} edition ${input.edition} from ${base.edition}`,
    derivedMappingSets: derived ? [derived.succession, derived.structure].map((s) => ({ id: s.id, mappings: s.mappings.length })) : [],
    counts: { ...plan.counts, errors: 0, warnings: issues.length },
    newIds: plan.newIds.map((e) => e.id),
    idsWithoutText: plan.idsWithoutText,
    missingIds: plan.missingIds,
    issues,
  };
  if (input.dryRun) return out;

  await deps.uow.transaction(async (r) => {
    const now = deps.clock.now();
    if (built) {
      const record = { catalog: built.catalog, edition: built.edition, title: built.title, provenance: built.provenance, publishedAt: null, contentHash: editionHash(built), source: 'import' as const, loadedAt: now };
      await r.catalogs.insertEdition(record, built.nodes);
      if (derived) await writeDerivedSets(r, deps, ctx, derived);
    } else {
      const updates = plan.matched.filter((m) => m.text !== undefined || m.title !== undefined).map((m) => ({ id: m.id, title: m.title, text: m.text, source }));
      await r.catalogs.updateNodeTexts(input.catalog, input.edition, input.lang, updates);
      await r.catalogs.touchEdition(input.catalog, input.edition, now);
    }
    await recordAudit(r, deps, ctx, {
      action: 'catalog.import_text',
      targetType: 'catalog_edition',
      targetId: `${input.catalog}:${input.edition}`,
      details: { file, lang: input.lang, createdEdition: !target, baseEdition: out.baseEdition, matched: plan.counts.matched, newIds: plan.counts.newIds, withoutText: plan.counts.withoutText },
    });
  });
  deps.catalogCache.invalidate();
  return { ...out, written: true };
}

/** The succession and within-edition sets of a new edition, each with its audit row (same transaction as the edition). */
async function writeDerivedSets(r: Repositories, deps: AppDeps, ctx: RequestContext, derived: EditionSuccession) {
  const now = deps.clock.now();
  for (const set of [derived.succession, derived.structure]) {
    const rows = set.mappings.map((m): StoredMapping => ({ ...m, id: deps.ids.uuid(), setId: set.id, createdBy: ctx.actor.userId, createdAt: now }));
    await r.mappings.deleteSet(set.id);
    await r.mappings.putSet({ id: set.id, title: set.title, description: set.description, provenance: set.provenance, source: 'import', orgId: null, contentHash: mappingSetHash(set), updatedAt: now });
    await r.mappings.insert(rows);
    await recordAudit(r, deps, ctx, { action: 'mapping_set.derive', targetType: 'mapping_set', targetId: set.id, orgId: null, details: { mappings: rows.length, provenance: set.provenance } });
  }
}

/** A child's kind when the parent has no children to copy it from. */
const childKind: Record<string, string> = { tier: 'process', clause: 'category', category: 'objective', objective: 'detailed', process: 'item', section: 'group', group: 'item' };

/** The new edition: the base's nodes with the file's texts, and the new ids under their parents. */
function buildEdition(base: CatalogEdition, input: ImportCatalogTextInput, plan: TextImportPlan, source: string, issues: TextImportIssue[]): CatalogEdition {
  const lang = input.lang;
  const apply = (n: CatalogNode, e: TextImportEntry): CatalogNode => ({
    ...n,
    title: e.title !== undefined ? { ...n.title, [lang]: e.title } : n.title,
    text: e.text !== undefined ? { ...n.text, [lang]: e.text } : n.text,
    textSource: e.text !== undefined ? { ...n.textSource, [lang]: source } : n.textSource,
  });
  const entries = new Map(plan.matched.map((m) => [m.id, m]));
  const nodes = base.nodes.map((n) => {
    const e = entries.get(n.id);
    return e ? apply(n, e) : { ...n };
  });
  const byNumber = new Map<string, CatalogNode>();
  for (const n of nodes) if (isIsmapIdShape(n.id) && !byNumber.has(ismapNumber(n.id))) byNumber.set(ismapNumber(n.id), n);
  const childCount = new Map<string, number>();
  const firstChild = new Map<string, CatalogNode>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    childCount.set(n.parentId, (childCount.get(n.parentId) ?? 0) + 1);
    if (!firstChild.has(n.parentId)) firstChild.set(n.parentId, n);
  }
  const segments = (id: string) => ismapNumber(id).split('.').length;
  for (const e of [...plan.newIds].sort((a, b) => segments(a.id) - segments(b.id))) {
    const number = ismapNumber(e.id);
    const parentNumber = number.split('.').slice(0, -1).join('.');
    const parent = byNumber.get(parentNumber);
    if (!parent) {
      const issue: TextImportIssue = { severity: 'error', code: 'no_parent', path: ['id'], row: e.row, message: `new id ${e.id}: its parent ${parentNumber} is not in ${base.catalog} ${base.edition}` };
      issue.column = input.table.columns.id.letter;
      if (input.table.file !== undefined) issue.file = input.table.file;
      issues.push(issue);
      continue;
    }
    const kind = firstChild.get(parent.id)?.kind ?? childKind[parent.kind] ?? 'item';
    const suffix = /\.(PB|P|B)$/.exec(e.id)?.[1] ?? '';
    const tier = parent.props['tier'];
    const node = apply(
      { id: e.id, kind, depth: parent.depth + 1, parentId: parent.id, position: childCount.get(parent.id) ?? 0, label: e.id, flags: [...suffix], title: {}, text: {}, textSource: {}, params: [], sourceRefs: [], props: tier !== undefined ? { tier, level: kind } : {} },
      e,
    );
    childCount.set(parent.id, node.position + 1);
    if (!firstChild.has(parent.id)) firstChild.set(parent.id, node);
    byNumber.set(number, node);
    nodes.push(node);
  }
  return { catalog: base.catalog, edition: input.edition, title: base.title, provenance: `${source}, based on ${base.catalog} ${base.edition}`, publishedAt: null, nodes: documentOrder(nodes) };
}
