import type ExcelJS from 'exceljs';
import type { LocalizedText } from '../../core/catalog/model';
import { isDomainError } from '../../core/errors';
import type { Criterion } from '../../core/statement/criteria';
import { statementTiers } from '../../core/statement/criteria';
import {
  type AuditPeriod,
  type ItemAnswer,
  serviceModels,
  type StatementDocument,
  statementStates,
  tracks,
  type UnderlyingService,
} from '../../core/statement/model';
import { inspectZip } from '../tabular/inspect-zip';
import { columnLetter } from '../tabular/table-error';
import { DEFAULT_TABLE_LIMITS, type TableLimits } from '../tabular/types';
import { fromCell, localized, orNull } from './cells';
import {
  type Grid,
  issue,
  mapColumns,
  mb,
  readGrid,
  rowReader,
  type StatementIssue,
  type StatementIssueCode,
  statementIssueCodes,
} from './grid';
import {
  coverColumns,
  coverFields,
  sheetNames,
  STATEMENT_FORMAT,
  STATEMENT_FORMAT_VERSION,
  tierSheet,
  underlyingColumns,
} from './layout';
import { isIsoDate, type ItemRow, readHistory, readItemSheet, structureIssues } from './read-items';

export { STATEMENT_ISSUES, statementIssueCodes, type StatementIssue, type StatementIssueCode } from './grid';

/** Where a part of the document was read from, for messages that point at the workbook (`ismap statement check`). */
export interface WorkbookLocation {
  sheet: string;
  row: number;
}

export interface StatementWorkbook {
  /** null when there is any issue: nothing is half-read. */
  doc: StatementDocument | null;
  issues: StatementIssue[];
  /** Each item's row. */
  items: Map<string, WorkbookLocation>;
  /** The cover row of each header field (`statement.periodStart` …). */
  cover: Map<string, WorkbookLocation>;
  /** Where the criteria came from: given by the caller, or rebuilt from the workbook's own columns. */
  criteriaSource: 'given' | 'workbook';
  /** The workbook's catalog and edition (from its metadata sheet), when it has them. */
  catalog: string | null;
  edition: string | null;
}

/** The criteria to read against, or a function choosing them from the workbook's catalog and edition. */
export type CriteriaSource =
  | readonly Criterion[]
  | ((
      catalog: string,
      edition: string,
    ) => readonly Criterion[] | undefined | Promise<readonly Criterion[] | undefined>);

export interface ReadStatementOptions {
  limits?: Partial<TableLimits>;
  /** The name issues and messages use for the file. */
  file?: string;
}

/** Statement workbooks are small: 1,400 items and their history. Anything far larger is refused before parsing. */
export const STATEMENT_LIMITS: TableLimits = {
  ...DEFAULT_TABLE_LIMITS,
  maxFileBytes: 50 * 1024 * 1024,
  maxRows: 50_000,
};

/**
 * A statement workbook (writeStatementXlsx's layout) → a StatementDocument. With criteria, items are matched to
 * them by id (rows for unknown items and criteria items without a row are issues); without, the criteria are rebuilt
 * from the workbook's id, kind, flags, title, text and digest columns. Every problem is reported at once, each at its
 * sheet, row and column; the document is returned only when there is none.
 */
export async function readStatementXlsx(
  input: Buffer | Uint8Array,
  criteria?: CriteriaSource,
  opts: ReadStatementOptions = {},
): Promise<StatementWorkbook> {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const limits = { ...STATEMENT_LIMITS, ...opts.limits };
  const file = opts.file ?? 'statement.xlsx';
  const result: StatementWorkbook = {
    doc: null,
    issues: [],
    items: new Map(),
    cover: new Map(),
    criteriaSource: 'workbook',
    catalog: null,
    edition: null,
  };
  const { issues } = result;
  if (bytes.length > limits.maxFileBytes) {
    issues.push(
      issue(
        'file_too_large',
        `the workbook is ${mb(bytes.length)} MB, more than the limit of ${mb(limits.maxFileBytes)} MB`,
        {},
        { sizeMB: mb(bytes.length), maxMB: mb(limits.maxFileBytes) },
      ),
    );
    return result;
  }
  let wb: ExcelJS.Workbook;
  try {
    await inspectZip(bytes, file, limits);
    const { default: Excel } = await import('exceljs');
    wb = new Excel.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    if (isDomainError(e)) {
      const first = e.issues?.[0];
      const code = (statementIssueCodes as readonly string[]).includes(first?.code ?? '')
        ? (first!.code as StatementIssueCode)
        : 'unreadable';
      // inspectZip's refusals carry TABLE_ISSUES' params, which STATEMENT_ISSUES declares alike for these codes.
      const params = (first?.params ?? {}) as { max: number };
      issues.push(issue(code as 'too_many_rows', first?.message ?? e.message, {}, params));
    } else
      issues.push(
        issue('corrupt_zip', `the workbook could not be read (${(e as Error).message}); save it again from Excel`),
      );
    return result;
  }

  const grids = new Map<string, Grid>();
  const get = (name: string, required = true): Grid | undefined => {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      if (required)
        issues.push(issue('sheet_missing', `the workbook has no sheet "${name}"`, { sheet: name }, { sheet: name }));
      return undefined;
    }
    let g = grids.get(name);
    if (!g) grids.set(name, (g = readGrid(ws, limits, issues)));
    return g;
  };

  const meta = readMeta(get(sheetNames.meta, false), issues);
  if (!meta) return result;
  result.catalog = meta.catalog;
  result.edition = meta.edition;

  const given = typeof criteria === 'function' ? await criteria(meta.catalog, meta.edition) : criteria;
  result.criteriaSource = given ? 'given' : 'workbook';
  const known = given ? new Map(given.map((c) => [c.id, c])) : null;

  const coverGrid = get(sheetNames.cover);
  const header = coverGrid ? readCover(coverGrid, result.cover, issues) : null;
  const underlyingGrid = get(sheetNames.underlying);
  const underlying = underlyingGrid ? readUnderlying(underlyingGrid, issues) : [];

  const rows: ItemRow[] = [];
  const byId = new Map<string, ItemRow>();
  const withRow = new Set<string>();
  for (const tier of statementTiers) {
    const g = get(tierSheet[tier]);
    if (!g) continue;
    for (const r of readItemSheet(g, tier, known, issues, withRow)) {
      const seen = byId.get(r.criterion.id);
      if (seen) {
        issues.push(
          issue('duplicate_item', `${r.criterion.id} appears again (first on row ${seen.row})`, r.at('id'), {
            item: r.criterion.id,
            firstRow: seen.row,
          }),
        );
        continue;
      }
      byId.set(r.criterion.id, r);
      rows.push(r);
    }
  }
  const history = get(sheetNames.history);
  if (history) readHistory(history, byId, issues);
  structureIssues(rows, new Set(underlying.map((u) => u.id)), issues);

  let items: { criterion: Criterion; answer: ItemAnswer }[];
  if (given) {
    items = [];
    for (const c of given) {
      const r = byId.get(c.id);
      if (r) items.push({ criterion: c, answer: r.answer });
      else if (!withRow.has(c.id))
        issues.push(
          issue(
            'item_missing',
            `${c.id} has no row (every criteria item of the edition needs one)`,
            { sheet: tierSheet[c.tier] },
            { item: c.id },
          ),
        );
    }
  } else {
    items = rows.map((r, order) => ({ criterion: { ...r.criterion, order }, answer: r.answer }));
  }
  for (const r of rows) result.items.set(r.criterion.id, { sheet: r.sheet, row: r.row });
  if (issues.length > 0 || !header) return result;
  result.doc = {
    statement: { id: meta.statementId, catalog: meta.catalog, edition: meta.edition, ...header.statement },
    service: { ...header.service, scope: { ...header.scope, underlying } },
    items,
  };
  return result;
}

interface Meta {
  statementId: string;
  catalog: string;
  edition: string;
}

function readMeta(grid: Grid | undefined, issues: StatementIssue[]): Meta | null {
  if (!grid) {
    issues.push(
      issue(
        'not_a_statement_workbook',
        `no "${sheetNames.meta}" sheet: this workbook was not exported by ISMAP Hub as a statement`,
      ),
    );
    return null;
  }
  const values = new Map<string, string>();
  for (const cells of grid.rows.values()) values.set(cells[0] ?? '', fromCell(cells[1] ?? ''));
  if (values.get('format') !== STATEMENT_FORMAT) {
    issues.push(issue('not_a_statement_workbook', 'this workbook is not an ISMAP Hub statement', { sheet: grid.name }));
    return null;
  }
  const version = Number(values.get('formatVersion'));
  if (!Number.isInteger(version) || version > STATEMENT_FORMAT_VERSION) {
    issues.push(
      issue(
        'unsupported_format_version',
        `format version ${values.get('formatVersion') ?? '?'} is newer than this ISMAP Hub reads (${STATEMENT_FORMAT_VERSION})`,
        { sheet: grid.name },
        { version: values.get('formatVersion') ?? null, supported: STATEMENT_FORMAT_VERSION },
      ),
    );
    return null;
  }
  const catalog = values.get('catalog') ?? '';
  const edition = values.get('edition') ?? '';
  if (catalog === '' || edition === '') {
    issues.push(issue('not_a_statement_workbook', 'the metadata names no catalog or edition', { sheet: grid.name }));
    return null;
  }
  return { statementId: values.get('statementId') ?? '', catalog, edition };
}

interface Header {
  statement: Omit<StatementDocument['statement'], 'id' | 'catalog' | 'edition'>;
  service: Omit<StatementDocument['service'], 'scope'>;
  scope: Omit<StatementDocument['service']['scope'], 'underlying'>;
}

function readCover(
  grid: Grid,
  where: Map<string, { sheet: string; row: number }>,
  issues: StatementIssue[],
): Header | null {
  const cols = mapColumns(grid, coverColumns, ['key', 'value', 'ja', 'en'], issues);
  if (!cols.has('key')) return null;
  const fields = new Map(coverFields.map((f) => [f.key, f]));
  const value = new Map<string, string>();
  const text = new Map<string, LocalizedText>();
  const subServices: LocalizedText[] = [];
  const regions: string[] = [];
  const before = issues.length;
  for (const r of grid.dataRows) {
    const row = rowReader(grid, cols, r);
    const key = row.get('key').trim();
    const f = fields.get(key);
    if (!f || f.kind === 'info') continue;
    if (!where.has(key)) where.set(key, { sheet: grid.name, row: r });
    const t = localized(fromCell(row.get('ja')), fromCell(row.get('en')));
    const v = fromCell(row.get('value')).trim();
    if (f.kind === 'list-text') {
      if (t.ja !== undefined || t.en !== undefined) subServices.push(t);
    } else if (f.kind === 'list-value') {
      if (v !== '') regions.push(v);
    } else if (value.has(key) || text.has(key))
      issues.push(issue('duplicate_field', `${key} appears twice`, row.at('key'), { field: key }));
    else if (f.kind === 'text') text.set(key, t);
    else value.set(key, v);
  }
  const at = (key: string, column: 'value' = 'value') => {
    const w = where.get(key);
    const i = cols.get(column);
    return { sheet: grid.name, row: w?.row ?? null, column: i === undefined ? null : columnLetter(i) };
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const v = value.get(key) ?? '';
    if ((allowed as readonly string[]).includes(v)) return v as T;
    issues.push(
      issue('unknown_value', `${key}: "${v}" is not one of ${allowed.join(', ')}`, at(key), {
        field: key,
        value: v,
        allowed: allowed.join(', '),
      }),
    );
    return fallback;
  };
  const period = (startKey: string, endKey: string): AuditPeriod | null => {
    const start = value.get(startKey) ?? '';
    const end = value.get(endKey) ?? '';
    if (start === '' && end === '') return null;
    let ok = true;
    for (const [k, v] of [
      [startKey, start],
      [endKey, end],
    ] as const) {
      if (!isIsoDate(v)) {
        ok = false;
        issues.push(issue('invalid_date', `${k}: "${v}" is not a date (YYYY-MM-DD)`, at(k), { field: k, value: v }));
      }
    }
    return ok ? { start, end } : null;
  };
  const header: Header = {
    statement: {
      period: period('statement.periodStart', 'statement.periodEnd'),
      previousPeriod: period('statement.previousPeriodStart', 'statement.previousPeriodEnd'),
      state: oneOf('statement.state', statementStates, 'draft'),
      subsequentEvents: text.get('statement.subsequentEvents') ?? {},
      specialNotes: text.get('statement.specialNotes') ?? {},
    },
    service: {
      name: text.get('service.name') ?? {},
      model: oneOf('service.model', serviceModels, 'saas'),
      track: oneOf('service.track', tracks, 'ismap'),
    },
    scope: {
      subServices,
      regions,
      systemOverview: text.get('scope.systemOverview') ?? {},
      logicalStructure: text.get('scope.logicalStructure') ?? {},
      populations: text.get('scope.populations') ?? {},
    },
  };
  return issues.length === before ? header : null;
}

function readUnderlying(grid: Grid, issues: StatementIssue[]): UnderlyingService[] {
  const cols = mapColumns(grid, underlyingColumns, ['id', 'name', 'provider', 'registrationNumber'], issues);
  const out: UnderlyingService[] = [];
  const seen = new Set<string>();
  for (const r of grid.dataRows) {
    const row = rowReader(grid, cols, r);
    const id = fromCell(row.get('id')).trim();
    if (id === '') {
      issues.push(issue('service_id_missing', 'an underlying service without an id', row.at('id')));
      continue;
    }
    if (seen.has(id)) {
      issues.push(issue('duplicate_service', `underlying service ${id} appears twice`, row.at('id'), { service: id }));
      continue;
    }
    seen.add(id);
    out.push({
      id,
      name: fromCell(row.get('name')),
      provider: orNull(fromCell(row.get('provider'))),
      registrationNumber: orNull(fromCell(row.get('registrationNumber')).trim()),
    });
  }
  return out;
}
