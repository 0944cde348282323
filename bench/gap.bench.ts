import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGapReport } from '../src/core/gap/gap-report';
import { buildProposals } from '../src/core/gap/proposals';
import { analyzeGapFile, loadGapContext } from '../src/formats/gap';
import { fedrampSizedSsp, soa2013Rows, toCsv } from '../src/formats/gap/test-fixtures';
import type { BenchResult } from './types';

const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const here = dirname(fileURLToPath(import.meta.url));

/** `ismap gap` work: an SoA of 114 rows and a FedRAMP-sized SSP (320 implemented requirements) to proposals. */
export async function bench(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ismap-bench-gap-'));
  try {
    const soa = join(dir, 'soa.csv');
    await writeFile(soa, toCsv(soa2013Rows()));
    const ssp = join(dir, 'ssp.json');
    await writeFile(ssp, JSON.stringify(fedrampSizedSsp(320)));
    const ctx = await loadGapContext();
    await analyzeGapFile(ctx, soa); // warm-up
    const full: number[] = [];
    const core: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const a = await analyzeGapFile(ctx, soa);
      full.push(performance.now() - t);
      const t2 = performance.now();
      const r = buildProposals(a.posture!, ctx.graph, ctx.ismap);
      buildGapReport(a.posture!, r, ctx.ismap);
      core.push(performance.now() - t2);
    }
    const soaMs = median(full);
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'gap-worker.ts'), ssp], {
      encoding: 'utf8',
      cwd: join(here, '..'),
    });
    const s = JSON.parse(out) as { loadMs: number; analyzeMs: number; maxRssMB: number; controls: number };
    if (s.controls !== 320) throw new Error(`expected 320 implemented requirements, got ${s.controls}`);
    return [
      {
        name: 'gap: SoA of 114 rows → proposals + gap report (read + validate + map)',
        value: round(soaMs),
        unit: 'ms',
        target: '≤ 200 ms',
        ok: soaMs <= 200,
      },
      { name: '  … of which proposals + gap report (core only)', value: round(median(core)), unit: 'ms' },
      {
        name: 'gap: FedRAMP-sized SSP (320 reqs) → proposals + report, cold (profile resolved)',
        value: round(s.analyzeMs),
        unit: 'ms',
        target: '≤ 2000 ms',
        ok: s.analyzeMs <= 2000,
      },
      {
        name: '  … loading the bundled catalogs and mappings first (once per run)',
        value: round(s.loadMs),
        unit: 'ms',
      },
      {
        name: '  … peak RSS of that whole process (catalogs + SSP)',
        value: round(s.maxRssMB),
        unit: 'MB',
        target: '≤ 300 MB',
        ok: s.maxRssMB <= 300,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
