import { validateOscalDocument } from '../src/formats/oscal';
import { oscalSspToStatement, statementToOscalSsp } from '../src/formats/oscal-ssp';
import { bundledStatementCriteria } from '../src/formats/statement/bundled-criteria';
import { fullStatement } from '../src/formats/statement/test-support';
import type { BenchResult } from './types';

const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(runs: number, f: () => unknown): { first: number; median: number } {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    all.push(performance.now() - t);
  }
  return { first: all[0]!, median: median(all.slice(1)) };
}

/**
 * A full statement over the bundled ISMAP 2024-07 criteria as an OSCAL SSP: what GET /statements/{id}/export.oscal.json
 * does after loading the statement (build and serialize the document), and the import (schema validation included).
 */
export async function bench(): Promise<BenchResult[]> {
  const criteria = (await bundledStatementCriteria('ismap', '2024-07'))!;
  const doc = fullStatement(criteria);
  doc.service.scope.underlying[0]!.authorizedOn = '2021-09-01';
  const lastModified = '2026-01-15T09:00:00.000Z';
  let text = '';
  const out = time(6, () => (text = JSON.stringify(statementToOscalSsp({ document: doc, lastModified }))));
  const json = JSON.parse(text) as unknown;
  const validate = time(4, () => {
    if (!validateOscalDocument(json).valid) throw new Error('the SSP does not validate');
  });
  const back = time(4, () => {
    const r = oscalSspToStatement(JSON.parse(text), criteria, doc);
    if (!r.doc) throw new Error(`round trip failed: ${r.issues[0]?.message}`);
  });
  return [
    {
      name: `statement SSP export, ${criteria.length} items (median of 5 after the first)`,
      value: round(out.median),
      unit: 'ms',
      target: '≤ 1000 ms',
      ok: out.median <= 1000,
    },
    { name: 'statement SSP export, first run', value: round(out.first), unit: 'ms' },
    { name: 'statement SSP size', value: round(text.length / 1024), unit: 'KiB' },
    {
      name: 'statement SSP schema validation (median of 3 after the first)',
      value: round(validate.median),
      unit: 'ms',
    },
    {
      name: 'statement SSP schema validation, first run (compiles the schema)',
      value: round(validate.first),
      unit: 'ms',
    },
    {
      name: `statement SSP import incl. validation, ${criteria.length} items (median of 3 after the first)`,
      value: round(back.median),
      unit: 'ms',
      target: '≤ 2000 ms',
      ok: back.median <= 2000,
    },
  ];
}
