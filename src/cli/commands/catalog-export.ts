import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { DomainError } from '../../core/errors';
import { parse, writeJson } from '../args';
import { getCatalogEdition } from '../../app/use-cases/catalogs/get-catalog-edition';
import {
  catalogFileName,
  catalogToOscal,
  profileBasicRequirements,
  profileLiuSubset,
  validateOscalDocument,
} from '../../formats/oscal';
import { cliContext, withRuntime } from '../with-runtime';
import { parseJsonText, readTextFile } from '../../formats/json-file';
import { compareEditions } from '../../core/mapping/graph';
import type { CatalogEdition } from '../../core/catalog/model';
import { enc, remoteFrom, remoteHelp, remoteOptions, type Remote } from '../remote';

/** With --server: the newest edition the server has, when none is named (as the local command does). */
async function remoteEdition(remote: Remote, catalog: string, edition: string | undefined): Promise<string> {
  if (edition) return edition;
  const { editions } = await remote.get<{ editions: { catalog: string; edition: string }[] }>('/catalogs');
  const names = editions.filter((e) => e.catalog === catalog).map((e) => e.edition);
  if (!names.length)
    throw new DomainError('not_found', `The catalog ${catalog} does not exist on ${remote.base}`, undefined, {
      reason: 'catalog_not_found',
      params: { catalog },
    });
  return names.sort(compareEditions).at(-1)!;
}

/** LIU ids file: a JSON array, or ids separated by newlines, commas or spaces ('#' starts a comment line). */
export function parseIdList(text: string, file = 'the ids file'): string[] {
  const t = text.trim();
  if (t.startsWith('[')) {
    const ids = parseJsonText(t, file);
    if (!Array.isArray(ids)) throw new DomainError('import_failed', `${file}: expected a JSON array of ids`);
    return ids.map(String);
  }
  return t
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .join(' ')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export const command: Command = {
  name: 'catalog export',
  summary: 'Export a catalog edition as OSCAL (catalog, or a basic-requirements or LIU profile)',
  help: `Usage: ismap catalog export <catalog> --out <file> [--edition <e>] [--format oscal] [--profile basic|liu]
                            [--liu-ids <file>] [--catalog-href <path>] [--json]

Writes the edition as an OSCAL catalog (JSON), or with --profile an OSCAL profile over it: "basic" selects the
basic statement requirements (基本言明要件), "liu" the ISMAP-LIU external-audit subset listed in --liu-ids.
The written document is validated against NIST's schema. A profile imports the catalog from the file named by
--catalog-href, relative to the profile (default: <catalog>-<edition>.oscal.json, the name the catalog also
downloads as from the web UI); the command says where to write the catalog so the two resolve.

Options:
  --out <file>      Where to write (required)
  --edition <e>     Edition (default: the newest)
  --format oscal    Output format (only oscal)
  --profile <p>     basic | liu
  --liu-ids <file>  Detailed control ids for --profile liu (JSON array, or one per line)
  --catalog-href <path>  Where the profile finds the catalog, relative to the profile (with --profile)
  --json            Machine-readable summary
${remoteHelp}
                    (the server writes the profile's catalog href: no --catalog-href)
  -h, --help        Show this help

Examples:
  ismap catalog export ismap --edition 2024-07 --format oscal --out ismap-2024-07.oscal.json
  ismap catalog export ismap --edition 2024-07 --profile basic --out ismap-2024-07-basic-profile.oscal.json`,
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.argv,
      {
        out: { type: 'string' },
        edition: { type: 'string' },
        format: { type: 'string' },
        profile: { type: 'string' },
        'liu-ids': { type: 'string' },
        'catalog-href': { type: 'string' },
        ...remoteOptions,
      },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('expected exactly one catalog name');
    if (!values.out) throw new UsageError('--out <file> is required');
    if (values.format && values.format !== 'oscal') throw new UsageError('--format must be oscal');
    if (values.profile && values.profile !== 'basic' && values.profile !== 'liu')
      throw new UsageError('--profile must be basic or liu');
    if (values.profile === 'liu' && !values['liu-ids']) throw new UsageError('--profile liu needs --liu-ids <file>');
    if (values['catalog-href'] !== undefined && !values.profile)
      throw new UsageError('--catalog-href goes with --profile');
    const liuIds = values['liu-ids']
      ? parseIdList(await readTextFile(resolve(ctx.cwd, values['liu-ids']), values['liu-ids']), values['liu-ids'])
      : [];
    const remote = remoteFrom(ctx, values);
    if (remote && values['catalog-href'] !== undefined)
      throw new UsageError('--catalog-href cannot be used with --server');
    let edition: Pick<CatalogEdition, 'catalog' | 'edition'>;
    let doc: object;
    let catalogHref: string | null;
    if (remote) {
      const name = await remoteEdition(remote, positionals[0]!, values.edition);
      edition = { catalog: positionals[0]!, edition: name };
      catalogHref = values.profile ? catalogFileName(edition.catalog, edition.edition) : null;
      doc = await remote.get<object>(`/catalogs/${enc(edition.catalog)}/editions/${enc(name)}/export`, {
        profile: values.profile,
        ids: values.profile === 'liu' ? liuIds.join(',') : undefined,
      });
    } else {
      const local = await withRuntime(
        ctx,
        (runtime) => getCatalogEdition(runtime.deps, cliContext, { catalog: positionals[0]!, edition: values.edition }),
        { catalogs: true },
      );
      edition = local;
      catalogHref = values.profile ? (values['catalog-href'] ?? catalogFileName(local.catalog, local.edition)) : null;
      const opts = { ...(catalogHref ? { catalogHref } : {}) };
      doc =
        values.profile === 'basic'
          ? profileBasicRequirements(local, opts)
          : values.profile === 'liu'
            ? profileLiuSubset(local, liuIds, opts)
            : catalogToOscal(local);
    }
    const out = resolve(ctx.cwd, values.out);
    // Where the catalog must be written for the profile to resolve, as the user would type it from here.
    const catalogOut = catalogHref ? relative(ctx.cwd, resolve(dirname(out), catalogHref)) || catalogHref : null;
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(doc, null, 2) + '\n');
    const v = validateOscalDocument(doc);
    const summary = {
      out,
      catalog: edition.catalog,
      edition: edition.edition,
      model: v.model,
      valid: v.valid,
      ...(catalogHref ? { catalogHref, catalogOut } : {}),
      errors: v.errors.slice(0, 20),
    };
    if (values.json) writeJson(ctx.stdout, summary);
    else {
      ctx.stdout.write(
        `Wrote ${v.model} of ${edition.catalog} ${edition.edition} to ${out} (${v.valid ? `valid OSCAL ${v.version}` : 'NOT valid'})\n`,
      );
      for (const e of summary.errors) ctx.stderr.write(`  ${e.path}: ${e.message}\n`);
      if (catalogOut)
        ctx.stdout.write(
          `The profile imports the catalog from ${catalogHref}; write it with: ismap catalog export ${edition.catalog} --edition ${edition.edition} --out ${catalogOut}\n`,
        );
    }
    return v.valid ? 0 : 1;
  },
};
