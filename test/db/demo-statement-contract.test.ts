import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { seedDemo } from '../../src/app/use-cases/platform/seed-demo';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { operatorFor } from '../../src/cli/operator';
import { getStatement } from '../../src/app/use-cases/statements/get-statement';

// The demo CSP's workspace on first start: a service with a filled scope and a statement part of the way there.
describeEachEngine('demo statement', (engine) => {
  it(
    'seeds one service and a statement at about 60 % readiness with realistic blockers',
    { timeout: 180_000 },
    async () => {
      const deps = testDeps(engine());
      await syncBundledCatalogs(deps, { actor: systemActor, requestId: null }, await loadBundledContent());
      await seedDemo(deps, { password: 'demo-password-123' });
      const org = (await deps.uow.read.organizations.getBySlug('demo-cloud'))!;
      const [service, ...more] = await deps.uow.read.cloudServices.listForOrg(org.id);
      expect(more).toEqual([]);
      expect(service!.scope.underlying.map((u) => u.registrationNumber)).toEqual(['C23-0042-1', null]);
      const [st] = await deps.uow.read.statements.listForService(service!.id);
      const { view } = await getStatement(deps, operatorFor(org), st!.id);
      const summary = view.readiness.summary();
      expect(summary.total.percent).toBeGreaterThanOrEqual(55);
      expect(summary.total.percent).toBeLessThanOrEqual(65);
      const rules = new Set(view.readiness.blockers().map((b) => b.rule));
      for (const r of [
        'governance_not_implemented',
        'management_not_implemented',
        'objective_not_addressed',
        'basic_not_implemented',
        'control_text_missing',
        'exclusion_reason_missing',
        'inherited_without_registration',
      ])
        expect(rules, r).toContain(r);
      // The change history shows changes made during the audit period, with who recorded them.
      const items = await deps.uow.read.statements.itemsById(st!.id, ['9.2.3.11.PB', '12.3.1']);
      const history = items.flatMap((a) => a.revisions.map((r) => [a.itemId, r.effectiveDate, r.recordedBy]));
      expect(history.sort()).toEqual([
        ['12.3.1', '2025-07-15', '山田 花子 (CSP)'],
        ['9.2.3.11.PB', '2025-10-01', '山田 花子 (CSP)'],
      ]);
      for (const a of items) {
        const [r] = a.revisions;
        expect(r!.after).toEqual(a.control);
        const period = st!.period!;
        expect(r!.effectiveDate >= period.start && r!.effectiveDate <= period.end).toBe(true);
      }
      // One audit event for the answers, not one per item.
      expect(await deps.uow.read.audit.count({ action: 'statement.import' })).toBe(1);
    },
  );
});
