import type ExcelJS from 'exceljs';
import type { LocalizedText } from '../../core/catalog/model';
import type { ItemAnswer, StatementDocument } from '../../core/statement/model';
import { Readiness } from '../../core/statement/readiness';
import { statementTiers } from '../../core/statement/criteria';
import { neutralizeFormula } from '../../core/catalog/formula-cells';
import { toCell } from './cells';
import {
  type Column,
  coverColumns,
  coverFields,
  effectiveLabels,
  HEADER_ROWS,
  historyColumns,
  itemColumns,
  type ItemColumnKey,
  sheetNames,
  STATEMENT_FORMAT,
  STATEMENT_FORMAT_VERSION,
  tierSheet,
  underlyingColumns,
} from './layout';

export interface WriteStatementOptions {
  /** When the workbook was made (metadata and the cover); defaults to now. */
  generatedAt?: Date;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const READONLY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/**
 * The statement as an xlsx workbook: a cover, the underlying services, one sheet per tier, the change history and a
 * hidden metadata sheet. Every text goes through toCell (formula neutralization, `'` prefix); readStatementXlsx
 * takes the prefix off again, so the round trip is lossless.
 */
export async function writeStatementXlsx(doc: StatementDocument, opts: WriteStatementOptions = {}): Promise<Buffer> {
  // exceljs takes ~0.7 s to load: only when a workbook is written.
  const { default: Excel } = await import('exceljs');
  const generatedAt = opts.generatedAt ?? new Date();
  const wb = new Excel.Workbook();
  wb.creator = 'ISMAP Hub';
  wb.created = generatedAt;
  wb.modified = generatedAt;
  const { statement, service } = doc;
  const readiness = new Readiness(
    doc.items.map((i) => i.criterion),
    doc.items.map((i) => i.answer),
    service.scope.underlying,
    statement.period,
    statement.previousPeriod,
  );
  const summary = readiness.summary();

  const cover = sheet(wb, sheetNames.cover, coverColumns);
  const values: Record<string, string | LocalizedText | (string | LocalizedText)[]> = {
    'service.name': service.name,
    'service.model': service.model,
    'service.track': service.track,
    'statement.catalog': statement.catalog,
    'statement.edition': statement.edition,
    'statement.periodStart': statement.period?.start ?? '',
    'statement.periodEnd': statement.period?.end ?? '',
    'statement.previousPeriodStart': statement.previousPeriod?.start ?? '',
    'statement.previousPeriodEnd': statement.previousPeriod?.end ?? '',
    'statement.state': statement.state,
    'statement.subsequentEvents': statement.subsequentEvents,
    'statement.specialNotes': statement.specialNotes,
    'scope.subService': service.scope.subServices,
    'scope.region': service.scope.regions,
    'scope.systemOverview': service.scope.systemOverview,
    'scope.logicalStructure': service.scope.logicalStructure,
    'scope.populations': service.scope.populations,
    'summary.items': String(summary.total.items),
    'summary.inScope': String(summary.total.inScope),
    'summary.ready': String(summary.total.ready),
    'summary.percent': String(summary.total.percent),
    'summary.blockers': String(summary.blockerCount),
  };
  for (const f of coverFields) {
    const v = values[f.key] ?? '';
    const entries = Array.isArray(v) ? v : [v];
    for (const e of entries) {
      const label = `${f.ja} / ${f.en}`;
      const row =
        typeof e === 'string' ? [f.key, label, toCell(e), '', ''] : [f.key, label, '', toCell(e.ja), toCell(e.en)];
      const r = cover.addRow(row);
      if (f.kind === 'info') r.eachCell((c) => (c.fill = READONLY_FILL));
    }
  }
  wrapColumns(cover, ['ja', 'en'], coverColumns);

  const under = sheet(wb, sheetNames.underlying, underlyingColumns);
  for (const u of service.scope.underlying)
    under.addRow([toCell(u.id), toCell(u.name), toCell(u.provider), toCell(u.registrationNumber)]);

  const states = new Map(readiness.items().map((i) => [i.criterion.id, i.state]));
  for (const tier of statementTiers) {
    const ws = sheet(wb, tierSheet[tier], itemColumns);
    for (const { criterion: c, answer: a } of doc.items) {
      if (c.tier !== tier) continue;
      const state = states.get(c.id);
      const cells: Record<ItemColumnKey, string | number> = {
        id: toCell(c.id),
        kind: c.kind,
        flags: `${c.cloud ? 'P' : ''}${c.basic ? 'B' : ''}`,
        titleJa: toCell(c.title.ja),
        titleEn: toCell(c.title.en),
        selection: a.selection ?? '',
        effective: state ? (effectiveLabels[state.selection] ?? state.selection) : '',
        reason: toCell(a.reason),
        inheritedFrom: toCell(a.inheritedFrom),
        status: a.status,
        owner: toCell(a.owner),
        controlJa: toCell(a.control.ja),
        controlEn: toCell(a.control.en),
        blockers: neutralizeFormula((state?.blockers ?? []).map((b) => b.rule).join('\n')),
        answerDigest: toCell(a.criteriaDigest),
        criteriaDigest: toCell(c.digest),
        version: a.version,
        textJa: toCell(c.text.ja),
        textEn: toCell(c.text.en),
      };
      ws.addRow(itemColumns.map((k) => cells[k.key]));
    }
    wrapColumns(ws, ['titleJa', 'titleEn', 'reason', 'controlJa', 'controlEn', 'blockers'], itemColumns);
    markReadOnly(ws, itemColumns);
    const last = HEADER_ROWS + Math.max(1, doc.items.filter((i) => i.criterion.tier === tier).length);
    validation(ws, itemColumns, 'selection', last, ['selected', 'not_selected', 'excluded', 'inherited']);
    validation(ws, itemColumns, 'status', last, ['not_started', 'planned', 'in_progress', 'implemented']);
  }

  const history = sheet(wb, sheetNames.history, historyColumns);
  for (const { answer } of doc.items) for (const r of revisionsOf(answer)) history.addRow(r);
  wrapColumns(history, ['beforeJa', 'beforeEn', 'afterJa', 'afterEn', 'note'], historyColumns);

  const meta = wb.addWorksheet(sheetNames.meta, { state: 'hidden' });
  meta.addRow(['key', 'value']);
  meta.addRow(['format', STATEMENT_FORMAT]);
  meta.addRow(['formatVersion', STATEMENT_FORMAT_VERSION]);
  meta.addRow(['statementId', toCell(statement.id)]);
  meta.addRow(['catalog', toCell(statement.catalog)]);
  meta.addRow(['edition', toCell(statement.edition)]);
  meta.addRow(['items', doc.items.length]);
  meta.addRow(['generatedAt', generatedAt.toISOString()]);

  // exceljs's typings predate Node's generic Buffer.
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function revisionsOf(a: ItemAnswer): string[][] {
  return a.revisions.map((r) => [
    toCell(a.itemId),
    toCell(r.effectiveDate),
    toCell(r.before.ja),
    toCell(r.before.en),
    toCell(r.after.ja),
    toCell(r.after.en),
    toCell(r.note),
    toCell(r.recordedBy ?? null),
  ]);
}

function sheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROWS }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow(columns.map((c) => c.ja));
  ws.addRow(columns.map((c) => c.en));
  for (let r = 1; r <= HEADER_ROWS; r++) {
    const row = ws.getRow(r);
    row.font = { bold: r === 1 };
    row.eachCell((c) => {
      c.fill = HEADER_FILL;
      c.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return ws;
}

function wrapColumns(ws: ExcelJS.Worksheet, keys: string[], columns: readonly Column[]) {
  for (const k of keys) {
    const i = columns.findIndex((c) => c.key === k);
    if (i >= 0) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  }
}

function markReadOnly(ws: ExcelJS.Worksheet, columns: readonly Column[]) {
  columns.forEach((c, i) => {
    if (!c.readOnly) return;
    ws.getColumn(i + 1).eachCell((cell, row) => {
      if (row > HEADER_ROWS) cell.fill = READONLY_FILL;
    });
  });
}

/** A drop-down of the code words; a warning only, because the Japanese words are accepted too. */
function validation(ws: ExcelJS.Worksheet, columns: readonly Column[], key: string, last: number, words: string[]) {
  const i = columns.findIndex((c) => c.key === key);
  const letter = ws.getColumn(i + 1).letter;
  const v: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${words.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
  };
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
    `${letter}${HEADER_ROWS + 1}:${letter}${last}`,
    v,
  );
}
