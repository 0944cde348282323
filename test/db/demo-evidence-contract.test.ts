import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { seedDemo } from '../../src/app/use-cases/platform/seed-demo';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { operatorFor } from '../../src/cli/operator';
import { statementEvidenceFreshness } from '../../src/app/use-cases/evidence/statement-evidence';
import { verifyEvidenceStore } from '../../src/app/use-cases/evidence/verify-evidence-store';

describeEachEngine('demo evidence', (engine) => {
  it('gives the demo CSP a few evidence files in the store, linked to items, one stale for the audit period', async () => {
    const deps = testDeps(engine(), () => new Date('2026-12-01T00:00:00Z'));
    await syncBundledCatalogs(deps, { actor: systemActor, requestId: null }, await loadBundledContent());
    await seedDemo(deps, { password: 'demo-password-123' });
    const org = (await deps.uow.read.organizations.getBySlug('demo-cloud'))!;
    const library = await deps.uow.read.evidence.listForOrg(org.id);
    expect(library.length).toBeGreaterThanOrEqual(3);
    const [st] = await deps.uow.read.statements.listForOrg(org.id);
    const f = await statementEvidenceFreshness(deps, operatorFor(org), st!.id);
    expect(f.evidence.filter((e) => e.freshness.state === 'stale').map((e) => e.title.en)).toEqual([
      'Information security policy',
    ]);
    expect(f.items.filter((i) => i.state === 'fresh').length).toBeGreaterThanOrEqual(3);
    expect(f.summary.withStale).toBeGreaterThanOrEqual(1);
    expect(await verifyEvidenceStore(deps)).toMatchObject({
      referenced: library.length,
      ok: library.length,
      orphaned: 0,
    });
  });
});
