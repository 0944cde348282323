import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine } from '../src/db/engine';
import { appDeps } from '../src/cli/runtime';
import { systemActor } from '../src/core/identity';
import { syncBundledCatalogs } from '../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { importCatalogText } from '../src/app/use-cases/catalogs/import-catalog-text';
import { loadBundledContent } from '../src/formats/bundled';
import { describeTextTable, loadTextTable, toTextImportTable } from '../src/formats/tabular';
import type { BenchResult } from './types';

const round = (x: number) => Math.round(x * 10) / 10;

/** A criteria file at the row limit, all one id: the dry-run answer stays small (issues capped) and quick. */
export async function bench(): Promise<BenchResult[]> {
  const engine = await openEngine({});
  const dir = await mkdtemp(join(tmpdir(), 'ismap-bench-import-'));
  try {
    const deps = appDeps(engine, { fastHashing: true });
    const ctx = { actor: systemActor, requestId: 'bench' };
    await syncBundledCatalogs(deps, ctx, await loadBundledContent());
    const rows = [
      'control_id,control_text',
      ...Array.from({ length: 99_999 }, (_, i) => `9.2.3.1,Restrict administrator rights (${i}).`),
    ];
    const path = join(dir, 'dups.csv');
    await writeFile(path, rows.join('\n'));
    await deps.catalogCache.get(deps.uow); // the catalog load is measured in catalog.bench.ts
    const t = performance.now();
    const loaded = await loadTextTable(path);
    const result = await importCatalogText(deps, ctx, {
      catalog: 'ismap',
      edition: '2024-07',
      lang: 'en',
      dryRun: true,
      table: toTextImportTable(loaded),
    });
    const bytes = JSON.stringify({ ...result, ...describeTextTable(loaded) }).length;
    const ms = performance.now() - t;
    if (result.issueTotal !== 99_998) throw new Error(`expected 99998 issues, got ${result.issueTotal}`);
    return [
      {
        name: 'text import: dry run of 99,998 duplicate ids (the row limit is 100,000) (read + validate)',
        value: round(ms),
        unit: 'ms',
        target: '≤ 3000 ms',
        ok: ms <= 3000,
      },
      {
        name: 'text import: its response body (issues capped at 200)',
        value: round(bytes / 1024),
        unit: 'KiB',
        target: '≤ 100 KiB',
        ok: bytes <= 100 * 1024,
      },
    ];
  } finally {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
}
