import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPgDatabase, openTestEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { openEngine, type Engine } from '../../src/db/engine';
import { syncBundledCatalogs, type BundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';

/**
 * Servers starting at once on one fresh database each sync the bundled catalogs. Without a lock both find an
 * edition missing and both insert it, and one start-up dies on a duplicate key.
 */
const sys = { actor: systemActor, requestId: 'startup' };
let content: BundledCatalogs;
const open: Engine[] = [];
beforeAll(async () => {
  const all = await loadBundledContent();
  content = { editions: all.editions.slice(0, 2), mappingSets: [] };
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function expectOneWriterEach(engines: [Engine, Engine]) {
  const [a, b] = await Promise.all(engines.map((e) => syncBundledCatalogs(testDeps(e), sys, content)));
  // One did the work, the other found it done; every edition was written (and audited) exactly once.
  expect([a!.written, b!.written].sort()).toEqual([0, content.editions.length]);
  const deps = testDeps(engines[0]);
  expect(await deps.uow.read.audit.count({ action: 'catalog.sync' })).toBe(content.editions.length);
  expect((await deps.uow.read.catalogs.listEditions()).length).toBe(content.editions.length);
}

describe('bundled catalog sync at start-up, two at once', () => {
  it('[pglite] two syncs in the one process that owns the folder run one after the other', async () => {
    const engine = await openTestEngine('pglite');
    open.push(engine);
    await expectOneWriterEach([engine, engine]);
  });

  it.skipIf(!inject('pgUrl'))('[postgres] two servers (two pools) on one fresh database take turns', async () => {
    const url = await createPgDatabase();
    const first = await openEngine({ databaseUrl: url, poolSize: 4 });
    open.push(first);
    const second = await openEngine({ databaseUrl: url, poolSize: 4 });
    open.push(second);
    await expectOneWriterEach([first, second]);
  });
});
