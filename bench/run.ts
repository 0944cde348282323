// npm run bench — runs every bench/*.bench.ts and prints named results. Targets are checked here, not in tests.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const all: (BenchResult & { suite: string })[] = [];
let running = '';
// A suite whose promise can no longer settle (nothing left to wait on) ends the process with code 13 and no word:
// say which one it was.
process.on('exit', (code) => {
  if (code === 13) console.error(`\n✗ ${running} never finished (its server did not start, or a promise was left)`);
});
const failed: string[] = [];
for (const f of files) {
  const suite = f.replace('.bench.ts', '');
  running = suite;
  console.log(`\n== ${suite}`);
  const mod = (await import(join(here, f))) as { bench: () => Promise<BenchResult[]> };
  let results: BenchResult[];
  try {
    results = await mod.bench();
  } catch (e) {
    // One broken suite does not hide the others' numbers; it is reported as failed below.
    console.log(`  ✗ FAILED: ${(e as Error).message}`);
    failed.push(suite);
    continue;
  }
  for (const r of results) {
    all.push({ ...r, suite });
    const mark = r.ok === undefined ? '' : r.ok ? '  ✓' : '  ✗ MISSED';
    console.log(
      `  ${r.name.padEnd(62)} ${String(Math.round(r.value * 100) / 100).padStart(10)} ${r.unit.padEnd(6)} ${r.target ? `(target ${r.target})` : ''}${mark}`,
    );
  }
}
const missed = all.filter((r) => r.ok === false);
console.log(
  `\n${all.length} results, ${missed.length} missed target(s)${failed.length ? `, ${failed.length} suite(s) failed: ${failed.join(', ')}` : ''}`,
);
process.exit(0);
