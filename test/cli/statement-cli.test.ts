import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, settleCliRuns } from '../support/cli';
import { testDeps } from '../support/fixtures';
import { openEngine } from '../../src/db/engine';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createStatement } from '../../src/app/use-cases/statements/create-statement';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { operatorFor } from '../../src/cli/operator';

const root = join(__dirname, '..', '..');

describe('ismap service and statement commands', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-statement-cli-'));
    const engine = await openEngine({ dataDir: dir });
    const deps = testDeps(engine);
    await createOrganization(
      deps,
      { actor: systemActor, requestId: null },
      {
        kind: 'csp',
        slug: 'cli-csp',
        nameJa: 'CLI社',
        nameEn: 'CLI',
      },
    );
    await engine.close();
  });
  afterEach(() => settleCliRuns());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (argv: string[]) => runCli(argv, { env: { ISMAP_DATA_DIR: dir }, cwd: root });

  // Each run opens the embedded database (seconds on a busy machine): a generous timeout, no timing assertion.
  it(
    'creates and lists services, lists statements and reports readiness with exit 1 on blockers',
    { timeout: 240_000 },
    async () => {
      const created = await run([
        'service',
        'create',
        '--org',
        'cli-csp',
        '--name-ja',
        'CLI SaaS',
        '--name-en',
        'CLI SaaS',
        '--model',
        'saas',
        '--json',
      ]);
      expect(created.code, created.err).toBe(0);
      const service = JSON.parse(created.out) as { id: string; model: string };
      expect(service.model).toBe('saas');
      expect(
        (await run(['service', 'create', '--org', 'cli-csp', '--name-ja', 'x', '--name-en', 'x', '--model', 'xaas']))
          .code,
      ).toBe(2);
      expect((await run(['service', 'list', '--org', 'nope'])).code).toBe(1);
      const listed = await run(['service', 'list', '--org', 'cli-csp', '--json']);
      expect(JSON.parse(listed.out).services.map((s: { id: string }) => s.id)).toEqual([service.id]);

      const engine = await openEngine({ dataDir: dir });
      let statementId: string;
      try {
        const deps = testDeps(engine);
        await syncBundledCatalogs(deps, { actor: systemActor, requestId: null }, await loadBundledContent());
        const org = (await deps.uow.read.organizations.getBySlug('cli-csp'))!;
        statementId = (
          await createStatement(deps, operatorFor(org), service.id, { catalog: 'ismap', edition: '2024-07' })
        ).id;
      } finally {
        await engine.close();
      }
      const statements = await run(['statement', 'list', '--org', 'cli-csp', '--json']);
      expect(statements.code, statements.err).toBe(0);
      expect(JSON.parse(statements.out).statements).toMatchObject([{ id: statementId, state: 'draft', percent: 0 }]);
      const readiness = await run(['statement', 'readiness', statementId, '--json']);
      expect(readiness.code, readiness.err).toBe(1);
      const body = JSON.parse(readiness.out) as { summary: { ready: boolean }; blockers: { rule: string }[] };
      expect(body.summary.ready).toBe(false);
      expect(body.blockers[0]?.rule).toBe('period_missing');
      const text = await run(['statement', 'readiness', statementId]);
      expect(text.out).toMatch(/^0% ready/);
    },
  );
});
