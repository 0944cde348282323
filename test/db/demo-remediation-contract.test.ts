import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { seedDemo } from '../../src/app/use-cases/platform/seed-demo';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { operatorFor } from '../../src/cli/operator';
import { listRemediationItems } from '../../src/app/use-cases/remediation/list-remediation-items';

describeEachEngine('demo remediation plan', (engine) => {
  it('gives the demo statement a remediation plan with an overdue item linked to a blocker', async () => {
    const deps = testDeps(engine(), () => new Date('2026-12-01T00:00:00Z'));
    await syncBundledCatalogs(deps, { actor: systemActor, requestId: null }, await loadBundledContent());
    await seedDemo(deps, { password: 'demo-password-123' });
    const org = (await deps.uow.read.organizations.getBySlug('demo-cloud'))!;
    const [st] = await deps.uow.read.statements.listForOrg(org.id);
    const plan = await listRemediationItems(deps, operatorFor(org), st!.id);
    expect(plan.entries).toHaveLength(2);
    // Both were created at the same instant: told apart by status, not order.
    const late = plan.entries.find((e) => e.item.status === 'in_progress');
    const next = plan.entries.find((e) => e.item.status === 'open');
    expect(late!.item.status).toBe('in_progress');
    expect(late!.flags).toMatchObject({ overdue: true, daysOverdue: 30 });
    expect(late!.flags.overdueMilestones).toHaveLength(1);
    expect(late!.linked.some((l) => l.link.kind === 'blocker' && !l.cleared)).toBe(true);
    expect(next!.flags.overdue).toBe(false);
  });
});
