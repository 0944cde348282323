import { access } from 'node:fs/promises';
import { constants } from 'node:fs';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { isDomainError } from '../../core/errors';
import { formatIssues } from '../../core/catalog/text-import-issues';
import { importCatalogText } from '../../app/use-cases/catalogs/import-catalog-text';
import { DUPLICATE_POLICIES, type DuplicatePolicy } from '../../core/catalog/text-import';
import { describeTextTable, loadTextTable, toTextImportTable } from '../../formats/tabular';
import { resolve } from 'node:path';
import { cliContext, withRuntime } from '../with-runtime';
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { enc, remoteFrom, remoteHelp, remoteOptions, type Remote } from '../remote';

type ImportOutcome = Awaited<ReturnType<typeof importCatalogText>> & ReturnType<typeof describeTextTable>;

/** With --server: the file is uploaded and the server reads and imports it (a token with catalogs:write). */
async function uploadText(
  remote: Remote,
  path: string,
  o: {
    catalog: string;
    edition: string;
    lang: string;
    duplicates: string;
    dryRun?: boolean;
    columns?: string;
    sheet?: string;
  },
): Promise<ImportOutcome> {
  const form = new FormData();
  form.set('file', await openAsBlob(path), basename(path));
  form.set('edition', o.edition);
  form.set('lang', o.lang);
  form.set('duplicates', o.duplicates);
  if (o.dryRun) form.set('dryRun', 'true');
  if (o.columns) form.set('columns', o.columns);
  if (o.sheet) form.set('sheet', o.sheet);
  return remote.post<ImportOutcome>(`/catalogs/${enc(o.catalog)}/import-text`, form);
}

export const command: Command = {
  name: 'catalog import-text',
  summary: 'Import criteria texts (Japanese or English) from a CSV/TSV/XLSX file into a catalog edition',
  help: `Usage: ismap catalog import-text <file> --edition <edition> [--catalog ismap] [--lang ja|en]
                                 [--columns <json>] [--sheet <name>] [--duplicates reject|first|last]
                                 [--dry-run] [--json]

Reads the table (UTF-8, UTF-16 or Shift_JIS/CP932 CSV, TSV, or XLSX), finds the id, title and text columns, and
checks every row before writing anything: unknown or duplicate ids, empty ids, bad bytes, over-long texts.
Every problem is printed as "file: row N, column X: message" and nothing is written (exit 1); a long list is
cut after the first 200 with a count per kind of problem.
Columns that describe a parent (domain_title, category_title, control_objective) title the parent nodes, never
the item: with no item title column the items keep their titles.
An edition that does not exist yet is created from the nearest older edition (a name older than all, such as
2022-04 beside 2024-07, from the oldest): its structure and texts are copied, the file's texts applied, and new
ids added under their parent (9.2.3.20 under 9.2.3). It is linked to that edition node by node, in edition order
(mapping set succession:<catalog>:<older>→<newer>), so "ismap map" from either edition still reaches ISO, NIST
and FedRAMP; the output says "will create edition … from …" first.

Options:
  --edition <e>     Target edition (required), e.g. 2024-07; a new name creates the edition
  --catalog <name>  Catalog (default: ismap)
  --lang <ja|en>    Language of the texts (default: ja)
  --columns <json>  Which columns hold what, when detection guesses wrong:
                    '{"id":"A","title":"B","text":"C"}' or '{"id":"管理策番号","text":"本文"}';
                    parents: domainId, domainTitle, categoryId, categoryTitle, objectiveId, objectiveTitle
  --duplicates <p>  A second row for an id: reject (default, the import fails), first or last (keep that row)
  --sheet <name>    XLSX sheet to read (default: the one that looks like the criteria)
  --dry-run         Check and print the plan; write nothing
  --json            Machine-readable output
${remoteHelp}
  -h, --help        Show this help

Example:
  ismap catalog import-text 管理基準.xlsx --edition 2024-07 --lang ja --dry-run`,
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.argv,
      {
        edition: { type: 'string' },
        catalog: { type: 'string' },
        lang: { type: 'string' },
        columns: { type: 'string' },
        sheet: { type: 'string' },
        duplicates: { type: 'string' },
        'dry-run': { type: 'boolean' },
        ...remoteOptions,
      },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('expected exactly one file');
    if (!values.edition) throw new UsageError('--edition is required');
    const lang = values.lang ?? 'ja';
    if (lang !== 'ja' && lang !== 'en') throw new UsageError('--lang must be ja or en');
    const duplicates = (values.duplicates ?? 'reject') as DuplicatePolicy;
    if (!DUPLICATE_POLICIES.includes(duplicates)) throw new UsageError('--duplicates must be reject, first or last');
    const path = resolve(ctx.cwd, positionals[0]!);
    // A file that cannot be read is reported at once, before the database is opened.
    await access(path, constants.R_OK);
    const remote = remoteFrom(ctx, values);
    try {
      const r = remote
        ? await uploadText(remote, path, {
            catalog: values.catalog ?? 'ismap',
            edition: values.edition,
            lang,
            duplicates,
            dryRun: values['dry-run'],
            columns: values.columns,
            sheet: values.sheet,
          })
        : await withRuntime(
            ctx,
            async (runtime) => {
              const loaded = await loadTextTable(path, {
                ...(values.columns ? { columns: values.columns } : {}),
                ...(values.sheet ? { sheet: values.sheet } : {}),
              });
              const table = toTextImportTable(loaded);
              const result = await importCatalogText(runtime.deps, cliContext, {
                catalog: values.catalog ?? 'ismap',
                edition: values.edition!,
                lang,
                duplicates,
                dryRun: values['dry-run'],
                table,
              });
              return { ...result, ...describeTextTable(loaded) };
            },
            { catalogs: true },
          );
      if (values.json) {
        writeJson(ctx.stdout, r);
        return r.ok ? 0 : 1;
      }
      const roles = Object.entries(r.detection.columns)
        .filter(([, c]) => c)
        .map(([role, c]) => `${role} ${c!.letter}`);
      ctx.stdout.write(`${r.file} (${r.format}, ${r.encoding}, sheet "${r.sheet}"): ${roles.join(', ')}\n`);
      for (const u of r.detection.uncertain)
        ctx.stdout.write(
          `check ${u.role}: ${u.reason}${u.candidates.length ? ` (columns ${u.candidates.join(', ')})` : ''}; use --columns to choose\n`,
        );
      if (r.issues.length) ctx.stdout.write(formatIssues(r.issues) + '\n');
      if (r.issueTotal > r.issues.length)
        ctx.stdout.write(`showing ${r.issues.length} of ${r.issueTotal} issues (${countsLine(r.issueCounts)})\n`);
      if (!r.ok) {
        ctx.stderr.write(`${r.counts.errors} problem(s) in ${r.file}; nothing would be imported\n`);
        return 1;
      }
      if (r.editionNote) {
        const sets = r.derivedMappingSets.map((s) => `${s.id} (${s.mappings})`).join(', ');
        ctx.stdout.write(
          `${r.dryRun ? 'Dry run: ' : ''}${r.editionNote}${sets ? `, ${r.dryRun ? 'with' : 'and wrote'} mapping sets ${sets}` : ''}\n`,
        );
      }
      const target = `${r.catalog} ${r.edition}${r.createdEdition ? ` (new, from ${r.baseEdition})` : ''}`;
      ctx.stdout.write(
        `${r.dryRun ? 'Dry run, nothing written' : 'Imported'} into ${target}: ${r.counts.matched} matched, ${r.newIds.length} new id(s), ${r.idsWithoutText.length} id(s) with no text, ${r.missingIds.length} id(s) not in the file\n`,
      );
      if (r.newIds.length) ctx.stdout.write(`New ids: ${r.newIds.join(', ')}\n`);
      return 0;
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'import_failed') throw e;
      if (values.json) writeJson(ctx.stdout, { ok: false, message: e.message, issues: e.issues ?? [], ...e.details });
      else {
        const total = Number(e.details?.['issueTotal'] ?? 0);
        const more =
          total > (e.issues?.length ?? 0)
            ? `showing ${e.issues?.length ?? 0} of ${total} issues (${countsLine(e.details?.['issueCounts'] as Record<string, number>)})\n`
            : '';
        ctx.stderr.write(`${formatIssues(e.issues ?? [])}\n${more}${e.message}\n`);
      }
      return 1;
    }
  },
};

const countsLine = (counts: Record<string, number> | undefined) =>
  Object.entries(counts ?? {})
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
