import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bundledStatementCriteria } from '../../src/formats/statement/bundled-criteria';
import { sheetNames } from '../../src/formats/statement/layout';
import { readyStatement } from '../../src/formats/statement/test-support';
import { writeStatementXlsx } from '../../src/formats/statement/write-xlsx';
import { runCli, settleCliRuns } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'ismap-statement-check-'));
afterEach(settleCliRuns);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const criteria = (await bundledStatementCriteria('ismap', '2024-07'))!;
const clean = await writeStatementXlsx(readyStatement(criteria), { generatedAt: new Date('2026-01-15T00:00:00Z') });

async function edited(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.load(clean as unknown as ExcelJS.Buffer);
  edit(wb);
  const file = join(dir, name);
  writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}
/** The first data row whose column B (kind) and column F (stored selection) match. */
function rowWhere(ws: ExcelJS.Worksheet, kind: string, selection: string): number {
  for (let r = 3; r <= ws.rowCount; r++)
    if (ws.getCell(`B${r}`).value === kind && ws.getCell(`F${r}`).value === selection) return r;
  throw new Error(`no ${kind} row with selection ${selection}`);
}

describe('ismap statement check', () => {
  it('passes a workbook with nothing blocking registration (exit 0)', async () => {
    const file = join(dir, 'clean.xlsx');
    writeFileSync(file, clean);
    const data = join(dir, 'data');
    const { code, out } = await runCli(['statement', 'check', 'clean.xlsx'], {
      cwd: dir,
      env: { ISMAP_DATA_DIR: data, DATABASE_URL: undefined },
    });
    // Offline: no database opened, no data folder (or its lock) created.
    expect(existsSync(data)).toBe(false);
    expect(out).toContain('ismap 2024-07, criteria from the bundled catalog');
    expect(out).toContain('0 blocker(s) in 0 item(s); readiness 100.0 %');
    expect(code).toBe(0);
  });

  it('finds the blockers of a hand-broken workbook with sheet and row (exit 1), also as JSON', async () => {
    let govRow = 0;
    let excludedRow = 0;
    let excludedId = '';
    const file = await edited('broken.xlsx', (wb) => {
      const gov = wb.getWorksheet(sheetNames.governance)!;
      govRow = 7;
      gov.getCell(`J${govRow}`).value = 'not_started';
      const controls = wb.getWorksheet(sheetNames.controls)!;
      excludedRow = rowWhere(controls, 'objective', 'excluded');
      excludedId = String(controls.getCell(`A${excludedRow}`).value);
      controls.getCell(`H${excludedRow}`).value = null;
    });
    const govId = String(criteria.filter((c) => c.tier === 'governance')[govRow - 3]!.id);
    const { code, out } = await runCli(['statement', 'check', 'broken.xlsx'], { cwd: dir });
    expect(out).toContain(
      `${sheetNames.governance} row ${govRow}: governance_not_implemented (implement): ${govId}: governance item not implemented`,
    );
    expect(out).toContain(
      `${sheetNames.controls} row ${excludedRow}: exclusion_reason_missing (give_reason): ${excludedId}: excluded without a reason`,
    );
    expect(out).toContain('2 blocker(s) in 2 item(s)');
    expect(code).toBe(1);

    const json = await runCli(['statement', 'check', file, '--json'], { cwd: dir });
    expect(json.code).toBe(1);
    const result = JSON.parse(json.out) as { blockers: { rule: string; sheet: string; row: number }[]; ok: boolean };
    expect(result.ok).toBe(false);
    expect(result.blockers).toEqual([
      expect.objectContaining({ rule: 'governance_not_implemented', sheet: sheetNames.governance, row: govRow }),
      expect.objectContaining({ rule: 'exclusion_reason_missing', sheet: sheetNames.controls, row: excludedRow }),
    ]);
  });

  it('reports an unknown selection word as a read error at its sheet, row and column (exit 1)', async () => {
    let row = 0;
    await edited('word.xlsx', (wb) => {
      const controls = wb.getWorksheet(sheetNames.controls)!;
      row = rowWhere(controls, 'detailed', 'selected');
      controls.getCell(`F${row}`).value = 'perhaps';
    });
    const { code, out } = await runCli(['statement', 'check', 'word.xlsx'], { cwd: dir });
    expect(out).toContain(`${sheetNames.controls} row ${row} column F: unknown_selection:`);
    expect(out).toContain('1 read error(s)');
    expect(code).toBe(1);
  });

  it('reads an edition it does not bundle against the workbook’s own criteria columns, and says so', async () => {
    await edited('other-edition.xlsx', (wb) => {
      const meta = wb.getWorksheet(sheetNames.meta)!;
      meta.eachRow((row) => {
        if (row.getCell(1).value === 'edition') row.getCell(2).value = '2099-01';
      });
    });
    const { code, out } = await runCli(['statement', 'check', 'other-edition.xlsx'], { cwd: dir });
    expect(out).toContain("ismap 2099-01, criteria from the workbook's own columns (ismap 2099-01 is not bundled)");
    expect(out).toContain('0 blocker(s) in 0 item(s); readiness 100.0 %');
    expect(code).toBe(0);
  });

  it('says so when the workbook is missing or not a statement, and exits 2 on a usage error', async () => {
    const missing = await runCli(['statement', 'check', 'nope.xlsx'], { cwd: dir });
    expect(missing.out).toContain('no such file (ENOENT)');
    expect(missing.code).toBe(1);
    writeFileSync(join(dir, 'text.xlsx'), 'not a zip');
    const text = await runCli(['statement', 'check', 'text.xlsx'], { cwd: dir });
    expect(text.out).toMatch(/corrupt_zip/);
    expect(text.code).toBe(1);
    expect((await runCli(['statement', 'check'], { cwd: dir })).code).toBe(2);
  });
});
