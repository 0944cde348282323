import { afterEach, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { importTextFile } from '../support/import-text';
import { seedDemo } from '../../src/app/use-cases/platform/seed-demo';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { operatorFor } from '../../src/cli/operator';
import { getStatement } from '../../src/app/use-cases/statements/get-statement';
import { migrateStatementEdition } from '../../src/app/use-cases/statements/migrate-statement-edition';
import type { AppDeps } from '../../src/app/context';

const sys = { actor: systemActor, requestId: null };

// Answers reference criteria items by id and digest, never by a foreign key: replacing a catalog edition (a re-sync of
// changed bundled content) or creating a new edition (a text import) must leave every statement and answer as it was.
describeEachEngine('statements across catalog re-syncs and edition imports', (engine) => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const state = async (deps: AppDeps) => {
    const org = (await deps.uow.read.organizations.getBySlug('demo-cloud'))!;
    const [service] = await deps.uow.read.cloudServices.listForOrg(org.id);
    const statements = await deps.uow.read.statements.listForService(service!.id);
    const items = await deps.uow.read.statements.items(statements[0]!.id);
    items.sort((a, b) => (a.itemId < b.itemId ? -1 : 1));
    const summary = (await getStatement(deps, operatorFor(org), statements[0]!.id)).view.readiness.summary();
    return { org, statements, items, summary };
  };

  // Loads every bundled catalog twice and seeds the demo: a generous timeout on a busy machine, no timing assertion.
  it(
    'keeps every statement, answer and readiness through a re-sync and a new edition import',
    { timeout: 180_000 },
    async () => {
      const deps = testDeps(engine());
      const content = await loadBundledContent();
      await syncBundledCatalogs(deps, sys, content);
      await seedDemo(deps, { password: 'demo-password-123' });
      const before = await state(deps);
      expect(before.items.length).toBeGreaterThan(800);

      // A changed bundled file: the sync deletes the edition's nodes and writes them again.
      await engine().db.execute(`UPDATE catalog_editions SET content_hash = 'stale' WHERE catalog = 'ismap'`);
      const report = await syncBundledCatalogs(deps, sys, content);
      expect(report.editions.find((e) => e.catalog === 'ismap' && e.edition === '2024-07')?.action).toBe('replaced');
      expect(await state(deps)).toEqual(before);

      // The next official revision imported as a new edition (copied from 2024-07, with one text changed).
      const dir = mkdtempSync(join(tmpdir(), 'ismap-resync-'));
      dirs.push(dir);
      const csv = join(dir, 'ismap-2025-01.csv');
      writeFileSync(csv, 'id,text\n9.2.3,利用者アクセスの管理（改訂版の本文）\n');
      const imported = await importTextFile(deps, sys, { catalog: 'ismap', edition: '2025-01', lang: 'ja', path: csv });
      expect(imported).toMatchObject({ written: true, createdEdition: true, baseEdition: '2024-07' });
      expect(await state(deps)).toEqual(before);

      // The statement can move when its owners choose to: every answer is carried, the changed text is flagged.
      const plan = await migrateStatementEdition(deps, operatorFor(before.org), before.statements[0]!.id, {
        edition: '2025-01',
        dryRun: true,
      });
      expect(plan).toMatchObject({ carried: before.items.length, succession: 'succession:ismap:2024-07→2025-01' });
      expect(plan.attention).toEqual([{ reason: 'text_changed', itemId: '9.2.3', fromId: '9.2.3' }]);
    },
  );
});
