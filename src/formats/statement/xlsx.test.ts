import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { bundledStatementCriteria } from './bundled-criteria';
import { fullStatement, readyStatement, trickyTexts } from './test-support';
import { fromCell, toCell } from './cells';
import { readStatementXlsx } from './read-xlsx';
import { writeStatementXlsx } from './write-xlsx';
import { sheetNames } from './layout';
import { startsLikeFormula } from '../../core/catalog/formula-cells';
import { billionLaughsXlsx, deflatedZeros, skeletonXlsx } from '../tabular/test-fixtures';
import { diffStatementDocuments } from '../../core/statement/diff';
import { answerIssues } from '../../core/statement/selection';
import { storedSelections } from '../../core/statement/model';
import { STATEMENT_ISSUES } from './grid';

const criteria = (await bundledStatementCriteria('ismap', '2024-07'))!;
const generatedAt = new Date('2026-01-15T09:00:00Z');

async function load(bytes: Buffer) {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}
const save = async (wb: ExcelJS.Workbook) => Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

describe('cell escaping', () => {
  it('neutralizes formula-looking text and restores every text exactly, a carriage return too', () => {
    for (const t of [...trickyTexts, "''=x", "'", '', 'plain', '=']) {
      const cell = toCell(t);
      expect(startsLikeFormula(cell), JSON.stringify(t)).toBe(false);
      // What a reader of the XML (Excel, exceljs) gives back for the cell.
      const read = cell.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      expect(fromCell(read), JSON.stringify(t)).toBe(t);
    }
  });
});

describe('STATEMENT_ISSUES', () => {
  it('declares the codes and params of the core structure rules the reader passes on', () => {
    const seen = new Set<string>();
    for (const c of criteria.slice(0, 300))
      for (const selection of [null, ...storedSelections])
        for (const inheritedFrom of [null, 'u1', 'nope'])
          for (const i of answerIssues(c, { selection, inheritedFrom }, new Set(['u1']))) {
            const declared = (STATEMENT_ISSUES as Record<string, readonly string[]>)[i.code!];
            expect(declared, i.code).toBeDefined();
            expect(
              Object.keys(i.params ?? {}).every((k) => declared!.includes(k)),
              i.code,
            ).toBe(true);
            seen.add(i.code!);
          }
    expect(seen.size).toBe(6);
  });
});

describe('statement workbook', () => {
  it('round-trips a full statement over the bundled ISMAP criteria without loss', async () => {
    expect(criteria.length).toBe(1284);
    const doc = fullStatement(criteria);
    const kinds = new Set(doc.items.map((i) => i.answer.selection));
    expect(kinds).toEqual(new Set([null, 'selected', 'not_selected', 'excluded', 'inherited']));
    const bytes = await writeStatementXlsx(doc, { generatedAt });
    const given = await readStatementXlsx(bytes, criteria);
    expect(given.issues).toEqual([]);
    expect(given.criteriaSource).toBe('given');
    expect(given.doc).toEqual(doc);
    // Without the catalog, the criteria come back from the workbook's own columns.
    const own = await readStatementXlsx(bytes);
    expect(own.issues).toEqual([]);
    expect(own.criteriaSource).toBe('workbook');
    expect(own.doc).toEqual(doc);
  });

  it('writes no cell a spreadsheet would run, and bilingual headers', async () => {
    const wb = await load(await writeStatementXlsx(fullStatement(criteria), { generatedAt }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(sheetNames));
    expect(wb.getWorksheet(sheetNames.meta)!.state).toBe('hidden');
    const controls = wb.getWorksheet(sheetNames.controls)!;
    expect(controls.getRow(1).getCell(12).value).toBe('個別管理策 (日本語)');
    expect(controls.getRow(2).getCell(12).value).toBe('Individual control (ja)');
    let formulaLike = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && /^'[=+\-@\t\r]/.test(cell.value)) formulaLike++;
          expect(typeof cell.value === 'string' && startsLikeFormula(cell.value), `${ws.name}!${cell.address}`).toBe(
            false,
          );
        }),
      );
    expect(formulaLike).toBeGreaterThan(10);
  });

  it('reports every bad cell with sheet, row and column, and gives no document', async () => {
    const wb = await load(await writeStatementXlsx(fullStatement(criteria), { generatedAt }));
    const gov = wb.getWorksheet(sheetNames.governance)!;
    gov.getCell('F3').value = 'maybe';
    gov.getCell('J4').value = 'done-ish';
    gov.getCell('A5').value = '99.9.9';
    const controls = wb.getWorksheet(sheetNames.controls)!;
    let detailedRow = 0;
    controls.eachRow((row, r) => {
      if (!detailedRow && r > 2 && row.getCell(2).value === 'detailed') detailedRow = r;
    });
    controls.getCell(`F${detailedRow}`).value = 'excluded';
    controls.getCell('H10').value = { formula: 'A1&A2', result: 'x' };
    const cover = wb.getWorksheet(sheetNames.cover)!;
    cover.eachRow((row) => {
      if (row.getCell(1).value === 'statement.periodEnd') row.getCell(3).value = '2026-02-30';
    });
    const r = await readStatementXlsx(await save(wb), criteria);
    expect(r.doc).toBeNull();
    const found = r.issues.map((i) => `${i.code}@${i.sheet}!${i.column ?? ''}${i.row ?? ''}`);
    expect(found).toEqual(
      expect.arrayContaining([
        `unknown_selection@${sheetNames.governance}!F3`,
        `unknown_status@${sheetNames.governance}!J4`,
        `unknown_item@${sheetNames.governance}!A5`,
        `selection_exclude_objective_only@${sheetNames.controls}!F${detailedRow}`,
        `formula_cell@${sheetNames.controls}!H10`,
        `item_missing@${sheetNames.governance}!`,
        expect.stringMatching(new RegExp(`^invalid_date@${sheetNames.cover}!C\\d+$`)),
      ]),
    );
    const one = r.issues.find((i) => i.code === 'unknown_selection')!;
    expect(one.params).toMatchObject({ sheet: sheetNames.governance, row: 3, column: 'F', value: 'maybe' });
  });

  it('accepts the Japanese words for selection and status', async () => {
    const wb = await load(await writeStatementXlsx(fullStatement(criteria), { generatedAt }));
    const controls = wb.getWorksheet(sheetNames.controls)!;
    let row = 0;
    controls.eachRow((r, n) => {
      if (!row && n > 2 && r.getCell(2).value === 'detailed' && r.getCell(3).value === '') row = n;
    });
    controls.getCell(`F${row}`).value = '非選択';
    controls.getCell(`H${row}`).value = '不要';
    controls.getCell(`J${row}`).value = '実施済';
    const r = await readStatementXlsx(await save(wb), criteria);
    expect(r.issues).toEqual([]);
    const id = String(controls.getCell(`A${row}`).value);
    expect(r.doc!.items.find((i) => i.criterion.id === id)!.answer).toMatchObject({
      selection: 'not_selected',
      reason: '不要',
      status: 'implemented',
    });
  });

  it('reads the data of a sheet whose English header row was deleted, instead of skipping its first item', async () => {
    const doc = readyStatement(criteria); // no CRs: exceljs's own save writes them raw (see below)
    const wb = await load(await writeStatementXlsx(doc, { generatedAt }));
    wb.getWorksheet(sheetNames.governance)!.spliceRows(2, 1);
    const r = await readStatementXlsx(await save(wb), criteria);
    expect(r.issues).toEqual([]);
    expect(r.doc!.items.map((i) => i.answer)).toEqual(doc.items.map((i) => i.answer));
    expect(r.items.get(doc.items[0]!.criterion.id)).toEqual({ sheet: sheetNames.governance, row: 2 });
  });

  it('gives the diff of an edited workbook against the stored statement, to confirm before writing', async () => {
    // exceljs (unlike Excel) saves a decoded CR raw, which XML reads back as LF: edit a statement without CRs.
    const stored = readyStatement(criteria);
    const wb = await load(await writeStatementXlsx(stored, { generatedAt }));
    const gov = wb.getWorksheet(sheetNames.governance)!;
    const id = String(gov.getCell('A3').value);
    gov.getCell('J3').value = 'implemented';
    gov.getCell('L3').value = '=改訂した個別管理策\n二行目';
    const history = wb.getWorksheet(sheetNames.history)!;
    history.addRow([id, '2026-01-10', '', '', '', 'New text', 'edited in Excel']);
    const read = await readStatementXlsx(await save(wb), criteria);
    expect(read.issues).toEqual([]);
    const diff = diffStatementDocuments(stored, read.doc!);
    const before = stored.items.find((i) => i.criterion.id === id)!.answer;
    expect(diff.header).toEqual([]);
    expect(diff.items).toHaveLength(1);
    expect(diff.items[0]).toMatchObject({ itemId: id, stale: false });
    expect(diff.items[0]!.changes.map((c) => c.field)).toEqual([
      ...(before.status === 'implemented' ? [] : ['status']),
      'control.ja',
      'revisions',
    ]);
    // A cell typed as text keeps its leading '=' (the reader takes no quote off text the user typed without one).
    expect(diff.items[0]!.changes.find((c) => c.field === 'control.ja')!.after).toBe('=改訂した個別管理策\n二行目');
  });

  it('refuses what is not a statement workbook, and a hostile archive, as issues', async () => {
    const { default: Excel } = await import('exceljs');
    const plain = new Excel.Workbook();
    plain.addWorksheet('Sheet1').addRow(['a']);
    expect((await readStatementXlsx(await save(plain))).issues.map((i) => i.code)).toEqual([
      'not_a_statement_workbook',
    ]);
    expect((await readStatementXlsx(Buffer.from('PK\u0003\u0004 not really'))).issues.map((i) => i.code)).toEqual([
      'corrupt_zip',
    ]);
    // The tabular reader's hostile-input limits, on bytes held in memory (an upload).
    const bomb = skeletonXlsx('<worksheet/>', [{ name: 'xl/media/zeros.bin', deflated: deflatedZeros(300) }]);
    expect((await readStatementXlsx(bomb)).issues.map((i) => i.code)).toEqual(['zip_bomb']);
    expect((await readStatementXlsx(billionLaughsXlsx())).issues.map((i) => i.code)).toEqual(['xml_entities']);
    const big = await writeStatementXlsx(fullStatement(criteria), { generatedAt });
    const r = await readStatementXlsx(big, criteria, { limits: { maxRows: 100 } });
    expect(r.issues.map((i) => i.code)).toEqual(['too_many_rows']);
  });
});
