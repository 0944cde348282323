import { blankAnswer } from '../src/core/statement/model';
import { Readiness } from '../src/core/statement/readiness';
import type { StatementDocument } from '../src/core/statement/model';
import { bundledStatementCriteria } from '../src/formats/statement/bundled-criteria';
import { readStatementXlsx } from '../src/formats/statement/read-xlsx';
import { renderReadinessPdf } from '../src/formats/statement/report-pdf';
import { fullStatement } from '../src/formats/statement/test-support';
import { writeStatementXlsx } from '../src/formats/statement/write-xlsx';
import type { BenchResult } from './types';

const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(runs: number, f: () => Promise<unknown>): Promise<{ first: number; median: number }> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    all.push(performance.now() - t);
  }
  return { first: all[0]!, median: median(all.slice(1).length ? all.slice(1) : all) };
}

/** A full statement over the bundled ISMAP 2024-07 criteria (1,284 items): xlsx out and back in, and the PDF. */
export async function bench(): Promise<BenchResult[]> {
  const criteria = (await bundledStatementCriteria('ismap', '2024-07'))!;
  const doc = fullStatement(criteria);
  const generatedAt = new Date('2026-01-15T09:00:00Z');
  let bytes: Buffer = Buffer.alloc(0);
  const write = await time(4, async () => (bytes = await writeStatementXlsx(doc, { generatedAt })));
  const read = await time(4, async () => {
    const r = await readStatementXlsx(bytes, criteria);
    if (!r.doc) throw new Error(`round trip failed: ${r.issues[0]?.message}`);
  });
  // The worst case for the report: a new statement with every optional control selected, so every declared item
  // is blocked (not implemented, no individual control text).
  const answers = criteria.map((c) => ({
    ...blankAnswer(c.id),
    selection: c.kind === 'detailed' && !c.basic ? ('selected' as const) : null,
  }));
  const blank: StatementDocument = { ...doc, items: criteria.map((c, i) => ({ criterion: c, answer: answers[i]! })) };
  const r = new Readiness(criteria, answers, [], null, null);
  const blockers = r.blockers();
  let pdfBytes = 0;
  const pdf = await time(4, async () => {
    pdfBytes = (await renderReadinessPdf(blank, r.summary(), blockers, { lang: 'ja', generatedAt })).length;
  });
  const results: BenchResult[] = [
    {
      name: `statement xlsx export, ${criteria.length} items (median of 3 after the first)`,
      value: round(write.median),
      unit: 'ms',
      target: '≤ 2000 ms',
      ok: write.median <= 2000,
    },
    { name: 'statement xlsx export, first run (loads exceljs)', value: round(write.first), unit: 'ms' },
    { name: 'statement xlsx size', value: round(bytes.length / 1024), unit: 'KiB' },
    {
      name: `statement xlsx re-import, ${criteria.length} items (median of 3 after the first)`,
      value: round(read.median),
      unit: 'ms',
      target: '≤ 2000 ms',
      ok: read.median <= 2000,
    },
    {
      name: `readiness PDF, ${blockers.length} blockers, ja (median of 3 after the first)`,
      value: round(pdf.median),
      unit: 'ms',
      target: '≤ 3000 ms',
      ok: pdf.median <= 3000,
    },
    // Once per process: importing pdfkit and fontkit (~0.7 s cold) and reading the two 5 MB fonts.
    { name: 'readiness PDF, first run (imports pdfkit, reads the fonts)', value: round(pdf.first), unit: 'ms' },
    { name: 'readiness PDF size (fonts subset)', value: round(pdfBytes / 1024), unit: 'KiB' },
  ];
  return results;
}
