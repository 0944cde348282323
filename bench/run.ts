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
for (const f of files) {
  const suite = f.replace('.bench.ts', '');
  console.log(`\n== ${suite}`);
  const mod = (await import(join(here, f))) as { bench: () => Promise<BenchResult[]> };
  for (const r of await mod.bench()) {
    all.push({ ...r, suite });
    const mark = r.ok === undefined ? '' : r.ok ? '  ✓' : '  ✗ MISSED';
    console.log(
      `  ${r.name.padEnd(62)} ${String(Math.round(r.value * 100) / 100).padStart(10)} ${r.unit.padEnd(6)} ${r.target ? `(target ${r.target})` : ''}${mark}`,
    );
  }
}
const missed = all.filter((r) => r.ok === false);
console.log(`\n${all.length} results, ${missed.length} missed target(s)`);
process.exit(0);
