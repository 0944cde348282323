import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Criteria text is stored as published, formula-looking cells included (the import warns: formula_payload).
 * Any export a spreadsheet opens (CSV/TSV/XLSX) must write cells through neutralizeFormula
 * (src/core/catalog/formula-cells.ts). Today's exports are OSCAL JSON (catalog, profiles) and JSON Lines (audit
 * log), which spreadsheets do not run; this test makes a new spreadsheet writer use the neutralizer.
 */
const root = resolve(__dirname, '..');
const SPREADSHEET_WRITER = [
  /\.(xlsx|csv)\.write(Buffer|File)?\(/, // exceljs workbook.xlsx.writeBuffer / workbook.csv.write
  /from ['"]csv-stringify/,
  /['"]text\/(csv|tab-separated-values)['"]\s*[,)}]/, // a response declared as CSV/TSV
  /spreadsheetml\.sheet/,
  /\.join\(['"](,|\\t)['"]\)\s*\+\s*['"]\\r?\\n/, // hand-built CSV/TSV lines
];

/**
 * A route that serves a file made by src/formats/statement or src/formats/gap (writeStatementXlsx, blockersCsv,
 * gapReportXlsx) only names the content type: the writer there is the one that must neutralize, and this test checks it like any other file.
 */
const DELEGATES = /from ['"](\.\.\/)+formats\/(statement|gap)['"]/;

/**
 * A file that only names the media type of files people upload and get back byte for byte (the evidence library)
 * says so with this marker and why; it writes no spreadsheet. A writer that carries it is still caught by review.
 */
const STORES_AS_GIVEN = /spreadsheet-rule: stored as given/;

export function unneutralizedSpreadsheetWriters(files: { path: string; text: string }[]): string[] {
  return files
    .filter(
      (f) =>
        // An upload's `accept` attribute names the xlsx type of a file it reads, not one it writes.
        SPREADSHEET_WRITER.some((re) => re.test(f.text.replace(/accept=["'][^"']*["']/g, ''))) &&
        !/neutralizeFormula/.test(f.text) &&
        !DELEGATES.test(f.text) &&
        !STORES_AS_GIVEN.test(f.text),
    )
    .map((f) => f.path);
}

describe('every spreadsheet export neutralizes formula cells', () => {
  it('finds a planted CSV writer that does not neutralize, and accepts one that does', () => {
    const bad = "return rows.map((r) => r.join(',') + '\\n');\nc.header('Content-Type', 'text/csv');";
    const good = `${bad}\nconst cell = neutralizeFormula(text);`;
    expect(
      unneutralizedSpreadsheetWriters([
        { path: 'bad.ts', text: bad },
        { path: 'good.ts', text: good },
      ]),
    ).toEqual(['bad.ts']);
    const xlsx = 'await workbook.xlsx.writeBuffer();';
    expect(unneutralizedSpreadsheetWriters([{ path: 'x.ts', text: xlsx }])).toEqual(['x.ts']);
    const route = `import { blockersCsv } from '../../../formats/statement';\nc.header('Content-Type', 'text/csv');`;
    expect(unneutralizedSpreadsheetWriters([{ path: 'route.ts', text: route }])).toEqual([]);
    const upload = `<FileInput accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />`;
    expect(unneutralizedSpreadsheetWriters([{ path: 'upload.tsx', text: upload }])).toEqual([]);
    const served = `c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');`;
    expect(unneutralizedSpreadsheetWriters([{ path: 'served.ts', text: served }])).toEqual(['served.ts']);
    const types = `const TYPES = { '.csv': 'text/csv', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };`;
    expect(unneutralizedSpreadsheetWriters([{ path: 'types.ts', text: types }])).toEqual(['types.ts']);
    const marked = `// spreadsheet-rule: stored as given (uploaded evidence)\n${types}`;
    expect(unneutralizedSpreadsheetWriters([{ path: 'marked.ts', text: marked }])).toEqual([]);
  });

  it('holds for the product code', () => {
    const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
      // The generated API types describe the responses (content types included); they write nothing.
      .filter((f) => /\.tsx?$/.test(f) && !/(\.test\.tsx?|test-fixtures\.ts|test-support\.ts)$/.test(f))
      .filter((f) => !f.startsWith(join('web', 'api', 'generated')))
      .map((f) => ({ path: relative(root, join(root, 'src', f)), text: readFileSync(join(root, 'src', f), 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    expect(unneutralizedSpreadsheetWriters(files)).toEqual([]);
  });
});
