import type { AppDeps, RequestContext } from '../../src/app/context';
import { importCatalogText, type ImportCatalogTextInput } from '../../src/app/use-cases/catalogs/import-catalog-text';
import { describeTextTable, loadTextTable, toTextImportTable } from '../../src/formats/tabular';

/** What the server and the CLI do for a text file: read the table, then run the use case (for tests and scripts). */
export async function importTextFile(
  deps: AppDeps,
  ctx: RequestContext,
  opts: Omit<ImportCatalogTextInput, 'table'> & {
    path: string;
    columns?: string;
    sheet?: string;
    displayName?: string;
  },
) {
  const { path, columns, sheet, displayName, ...rest } = opts;
  const loaded = await loadTextTable(path, {
    ...(columns ? { columns } : {}),
    ...(sheet ? { sheet } : {}),
    ...(displayName ? { displayName } : {}),
  });
  const result = await importCatalogText(deps, ctx, { ...rest, table: toTextImportTable(loaded) });
  return { ...result, ...describeTextTable(loaded) };
}
