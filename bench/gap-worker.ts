// Child process for gap.bench.ts: one cold run of `ismap gap`'s work on one file, so peak RSS is this run's alone.
import { analyzeGapFile, loadGapContext } from '../src/formats/gap';

const file = process.argv[2]!;
const t0 = performance.now();
const ctx = await loadGapContext();
const t1 = performance.now();
const a = await analyzeGapFile(ctx, file);
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({
    loadMs: t1 - t0,
    analyzeMs: t2 - t1,
    proposals: a.proposals?.proposals.length ?? -1,
    controls: a.posture?.controls.length ?? -1,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
