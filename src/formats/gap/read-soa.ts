import type { CatalogEdition } from '../../core/catalog/model';
import type { IsoEdition } from '../../core/gap/iso-ids';
import { validateSoa, type SoaInput, type SoaResult } from '../../core/gap/soa';
import { readTable } from '../tabular/read-table';
import { tableError } from '../tabular/table-error';
import type { ReadTableOptions, Table } from '../tabular/types';
import { applySoaColumnsOption, detectSoaColumns, parseSoaColumnsOption, type SoaDetection } from './soa-columns';

/** The ISO/IEC 27001 ids an SoA is checked against, from the bundled identifier catalogs. */
export function isoKnownIds(iso2013: CatalogEdition, iso2022: CatalogEdition): SoaInput['known'] {
  const of = (e: CatalogEdition, kind: string) => new Set(e.nodes.filter((n) => n.kind === kind).map((n) => n.id));
  return {
    controls2013: of(iso2013, 'annex-control'),
    objectives2013: of(iso2013, 'objective'),
    clauses2013: of(iso2013, 'clause'),
    controls2022: of(iso2022, 'annex-control'),
    themes2022: of(iso2022, 'theme'),
  };
}

export interface LoadedSoa {
  file: string;
  format: Table['format'];
  encoding: Table['encoding'];
  sheet: string;
  sheetNames: string[];
  detection: SoaDetection;
  result: SoaResult;
}

/**
 * Reads an SoA (CSV UTF-8 with or without BOM, CP932, TSV or XLSX, with the tabular reader's limits), picks the
 * sheet whose columns fit best and validates every row (core/gap/soa.ts).
 * @example const soa = await loadSoa('soa.xlsx', { known }); soa.result.posture // null when any row has an error
 */
export async function loadSoa(
  path: string,
  opts: ReadTableOptions & { columns?: string; edition?: IsoEdition; known: SoaInput['known'] },
): Promise<LoadedSoa> {
  const columns = opts.columns ? parseSoaColumnsOption(opts.columns) : undefined;
  const { known, edition, columns: _c, ...readOpts } = opts;
  const table = await readTable(path, readOpts);
  const file = opts.displayName ?? path.split(/[\\/]/).pop() ?? path;
  let best: { sheet: Table['sheets'][number]; detection: SoaDetection } | null = null;
  let lastError: unknown = null;
  for (const sheet of table.sheets) {
    let detection: SoaDetection | null = null;
    try {
      detection = columns ? applySoaColumnsOption(sheet.rows, columns, file) : detectSoaColumns(sheet.rows);
    } catch (e) {
      lastError = e;
    }
    if (detection && (!best || detection.score > best.detection.score)) best = { sheet, detection };
  }
  if (!best) {
    if (lastError) throw lastError;
    throw tableError(
      'no_id_column',
      'no column of ISO/IEC 27001 control ids: no header like "Control", "管理策番号" and no column of ids such as A.9.2.3 or 5.15 (use --columns)',
      { file },
    );
  }
  const { sheet, detection } = best;
  const input: SoaInput = {
    file,
    rows: sheet.rows,
    columns: detection.columns,
    headerRow: detection.dataStartRow - 1,
    known,
  };
  if (edition) input.edition = edition;
  return {
    file,
    format: table.format,
    encoding: table.encoding,
    sheet: sheet.name,
    sheetNames: table.sheets.map((s) => s.name),
    detection,
    result: validateSoa(input),
  };
}
