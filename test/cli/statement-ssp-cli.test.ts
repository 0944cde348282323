import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, settleCliRuns } from '../support/cli';
import { testDeps } from '../support/fixtures';
import { openEngine } from '../../src/db/engine';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createCloudService } from '../../src/app/use-cases/cloud-services/create-cloud-service';
import { createStatement } from '../../src/app/use-cases/statements/create-statement';
import { putStatementItem } from '../../src/app/use-cases/statements/put-statement-item';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { validateOscalDocument } from '../../src/formats/oscal';
import { systemActor } from '../../src/core/identity';
import { operatorFor } from '../../src/cli/operator';

const root = join(__dirname, '..', '..');

describe('ismap statement export --format oscal-ssp and import of the SSP', () => {
  let dir: string;
  let first: string;
  let second: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-ssp-cli-'));
    const engine = await openEngine({ dataDir: dir });
    try {
      const deps = testDeps(engine);
      const sys = { actor: systemActor, requestId: null };
      await createOrganization(deps, sys, { kind: 'csp', slug: 'ssp-csp', nameJa: 'SSP社', nameEn: 'SSP' });
      await syncBundledCatalogs(deps, sys, await loadBundledContent());
      const org = (await deps.uow.read.organizations.getBySlug('ssp-csp'))!;
      const op = operatorFor(org);
      const service = await createCloudService(deps, op, { name: { ja: 'SSP SaaS', en: 'SSP SaaS' }, model: 'saas' });
      first = (await createStatement(deps, op, service.id, { catalog: 'ismap', edition: '2024-07' })).id;
      second = (await createStatement(deps, op, service.id, { catalog: 'ismap', edition: '2024-07' })).id;
      const blank = { version: 0, selection: null, reason: null, inheritedFrom: null, owner: null };
      await putStatementItem(deps, op, first, '5.1.1', {
        ...blank,
        status: 'implemented',
        control: { ja: '方針を定める', en: 'A policy.' },
      });
      await putStatementItem(deps, op, first, '5.1.2', {
        ...blank,
        selection: 'excluded',
        reason: '該当なし',
        status: 'not_started',
        control: {},
      });
    } finally {
      await engine.close();
    }
  }, 240_000);
  afterEach(() => settleCliRuns());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (argv: string[]) => runCli(argv, { env: { ISMAP_DATA_DIR: dir }, cwd: root });

  // Each run opens the embedded database (seconds on a busy machine): a generous timeout, no timing assertion.
  it(
    'exports a valid SSP, re-imports it into another statement (dry run, then --apply), refuses bad JSON',
    { timeout: 240_000 },
    async () => {
      const file = join(dir, 'ssp.json');
      const exported = await run(['statement', 'export', first, '--format', 'oscal-ssp', '--out', file, '--json']);
      expect(exported.code, exported.err).toBe(0);
      expect(JSON.parse(exported.out)).toMatchObject({ file, format: 'oscal-ssp' });
      const doc = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      expect(validateOscalDocument(doc)).toMatchObject({ valid: true, model: 'system-security-plan' });

      const dry = await run(['statement', 'import', second, file, '--json']);
      expect(dry.code, dry.err).toBe(0);
      const diff = JSON.parse(dry.out) as { applied: boolean; diff: { items: { itemId: string }[] } };
      expect(diff.applied).toBe(false);
      expect(diff.diff.items.map((i) => i.itemId)).toEqual(['5.1.1', '5.1.2']);
      const applied = await run(['statement', 'import', second, file, '--apply', '--json']);
      expect(applied.code, applied.err).toBe(0);
      expect(JSON.parse(applied.out)).toMatchObject({ applied: true, written: 2 });
      const again = await run(['statement', 'import', second, file, '--json']);
      expect((JSON.parse(again.out) as { diff: { empty: boolean } }).diff.empty).toBe(true);

      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{"system-security-plan": [');
      const refused = await run(['statement', 'import', second, bad]);
      expect(refused.code).not.toBe(0);
      expect(refused.err).toContain('bad.json');
    },
  );
});
