import { implementationStatuses, type ItemAnswer } from '../src/core/statement/model';
import { Readiness } from '../src/core/statement/readiness';
import { bundledStatementCriteria } from '../src/formats/statement/bundled-criteria';
import { fullStatement } from '../src/formats/statement/test-support';
import type { BenchResult } from './types';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Readiness over the bundled ISMAP 2024-07 criteria: a full build, and keeping it current after one change. */
export async function bench(): Promise<BenchResult[]> {
  const criteria = (await bundledStatementCriteria('ismap', '2024-07'))!;
  const doc = fullStatement(criteria);
  const answers = doc.items.map((i) => i.answer);
  const { underlying } = doc.service.scope;
  const build = () => new Readiness(criteria, answers, underlying, doc.statement.period, doc.statement.previousPeriod);
  for (let i = 0; i < 50; i++) build(); // warm the JIT
  const full: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    build();
    full.push(performance.now() - t);
  }
  // The size: the official criteria run to 1,368 items; the bundled skeleton has fewer, so 1,368 is reached
  // with copies of detailed controls (each under its own objective, answered like the original).
  const extra = criteria.filter((c) => c.kind === 'detailed').slice(0, Math.max(0, 1368 - criteria.length));
  const big = [...criteria, ...extra.map((c) => ({ ...c, id: `${c.id}.copy` }))];
  const bigAnswers = [
    ...answers,
    ...extra.map((c) => ({ ...answers.find((a) => a.itemId === c.id)!, itemId: `${c.id}.copy` })),
  ];
  const buildBig = () => new Readiness(big, bigAnswers, underlying, doc.statement.period, doc.statement.previousPeriod);
  for (let i = 0; i < 50; i++) buildBig();
  const fullBig: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    buildBig();
    fullBig.push(performance.now() - t);
  }
  const live = build();
  // One change at a time, objectives included (an objective recomputes its detailed controls too).
  const edits: ItemAnswer[] = answers.map((a, i) => ({ ...a, status: implementationStatuses[(i + 1) % 4]! }));
  const objectiveEdits = edits.filter((a) => criteria.find((c) => c.id === a.itemId)!.kind === 'objective');
  const one: number[] = [];
  const objective: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const a of edits) {
      const t = performance.now();
      live.apply(a);
      one.push(performance.now() - t);
    }
    for (const a of objectiveEdits) {
      const t = performance.now();
      live.apply({ ...a, selection: round % 2 ? 'excluded' : null, reason: 'bench' });
      objective.push(performance.now() - t);
    }
  }
  // The summary the API answers after a change.
  const summary: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t = performance.now();
    live.apply(edits[i % edits.length]!);
    live.summary();
    summary.push(performance.now() - t);
  }
  const fullMs = median(full);
  const oneUs = median(one) * 1000;
  const objUs = median(objective) * 1000;
  const sumUs = median(summary) * 1000;
  return [
    {
      name: `readiness full build, ${criteria.length} items (median of 200)`,
      value: Math.round(fullMs * 1000) / 1000,
      unit: 'ms',
      target: '≤ 1 ms',
      ok: fullMs <= 1,
    },
    {
      name: `readiness full build, ${big.length} items (median of 200)`,
      value: Math.round(median(fullBig) * 1000) / 1000,
      unit: 'ms',
      target: '≤ 1 ms',
      ok: median(fullBig) <= 1,
    },
    {
      name: `readiness after one change (median of ${one.length})`,
      value: Math.round(oneUs * 10) / 10,
      unit: 'µs',
      target: '≤ 50 µs',
      ok: oneUs <= 50,
    },
    {
      name: `readiness after one objective's exclusion toggled (median of ${objective.length})`,
      value: Math.round(objUs * 10) / 10,
      unit: 'µs',
      target: '≤ 50 µs',
      ok: objUs <= 50,
    },
    { name: 'readiness after one change + summary() (median of 500)', value: Math.round(sumUs * 10) / 10, unit: 'µs' },
  ];
}
