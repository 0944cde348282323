import type { Lang } from '../../core/catalog/model';
import type { AppDeps, RequestContext } from '../../app/context';
import { importCatalogText, type ImportCatalogTextResult } from '../../app/use-cases/import-catalog-text';
import { loadTextTable, toTextImportInput, type LoadedTextTable } from '../tabular';

export interface ImportTextFileOptions {
  /** The file on disk (the server streams an upload to a temporary file first). */
  path: string;
  /** Name shown in issues and recorded as the text source (the upload's original name). */
  displayName?: string | undefined;
  catalog: string;
  edition: string;
  lang: Lang;
  /** The `--columns` JSON override. */
  columns?: string | undefined;
  sheet?: string | undefined;
  dryRun?: boolean | undefined;
}

export interface ImportTextFileResult extends ImportCatalogTextResult {
  file: string;
  format: LoadedTextTable['format'];
  encoding: LoadedTextTable['encoding'];
  sheet: string;
  sheetNames: string[];
  /** The columns found (or given) and the first rows as they will be imported. */
  detection: LoadedTextTable['detection'];
}

/**
 * The one path from a criteria text file to the database, shared by `ismap catalog import-text` and
 * `POST /catalogs/{catalog}/import-text`: read the table safely, find the columns, then the two-phase use case.
 */
export async function importTextFile(deps: AppDeps, ctx: RequestContext, opts: ImportTextFileOptions): Promise<ImportTextFileResult> {
  const loaded = await loadTextTable(opts.path, { ...(opts.columns ? { columns: opts.columns } : {}), ...(opts.sheet ? { sheet: opts.sheet } : {}), ...(opts.displayName ? { displayName: opts.displayName } : {}) });
  const { knownIds: _k, lang: _l, ...table } = toTextImportInput(loaded, { lang: opts.lang, knownIds: null });
  const result = await importCatalogText(deps, ctx, { catalog: opts.catalog, edition: opts.edition, lang: opts.lang, dryRun: opts.dryRun, table });
  return { ...result, file: loaded.file, format: loaded.format, encoding: loaded.encoding, sheet: loaded.sheet.name, sheetNames: loaded.sheetNames, detection: loaded.detection };
}
