import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { systemActor } from '../../src/core/identity';
import { emptyScope } from '../../src/core/statement/model';
import { remediationItemOf } from '../../src/core/remediation/test-item';

const sys = { actor: systemActor, requestId: 'test' };
const at = '2026-04-01T00:00:00.000Z';

describeEachEngine('remediation repository', (engine) => {
  const setup = async () => {
    const deps = testDeps(engine());
    const org = await createOrganization(deps, sys, {
      kind: 'csp',
      slug: `csp-${randomUUID().slice(0, 8)}`,
      nameJa: 'CSP',
      nameEn: 'CSP',
    });
    const service = {
      id: randomUUID(),
      orgId: org.id,
      name: { ja: 'サービス', en: 'Service' },
      model: 'saas' as const,
      track: 'ismap' as const,
      scope: emptyScope(),
      owners: [],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const statement = {
      id: randomUUID(),
      orgId: org.id,
      serviceId: service.id,
      catalog: 'ismap',
      edition: '2024-07',
      period: null,
      previousPeriod: null,
      state: 'draft' as const,
      subsequentEvents: {},
      specialNotes: {},
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await deps.uow.transaction(async (r) => {
      await r.cloudServices.insert(service);
      await r.statements.insert(statement);
    });
    const item = (over: Parameters<typeof remediationItemOf>[0] = {}) =>
      remediationItemOf({ id: randomUUID(), orgId: org.id, statementId: statement.id, ...over });
    return { deps, org, statement, item };
  };

  it('stores an item with its milestones and links as written, and lists a statement’s own, oldest first', async () => {
    const { deps, item } = await setup();
    const other = await setup();
    const a = item({
      createdAt: '2026-04-02T00:00:00.000Z',
      milestones: [{ id: 'm1', title: '方針案の作成', plannedDate: '2026-05-01', actualDate: null }],
      links: [
        { kind: 'blocker', rule: 'basic_not_implemented', target: '5.1.1' },
        { kind: 'statement_item', rule: null, target: '5.1.1' },
        { kind: 'blocker', rule: 'period_missing', target: null },
      ],
      oscalUuid: randomUUID(),
    });
    const b = item({ createdAt: '2026-04-01T00:00:00.000Z', owner: null, plannedCompletion: null });
    await deps.uow.transaction(async (r) => {
      await r.remediation.insert(a);
      await r.remediation.insert(b);
      await r.remediation.insert(other.item());
    });
    expect(await deps.uow.read.remediation.get(a.id)).toEqual(a);
    expect(await deps.uow.read.remediation.listForStatement(a.statementId)).toEqual([b, a]);
    expect(await deps.uow.read.remediation.get(randomUUID())).toBeNull();
    const found = await deps.uow.read.remediation.byOscalUuid(a.statementId, [a.oscalUuid!, randomUUID()]);
    expect([...found.keys()]).toEqual([a.oscalUuid]);
    expect(await deps.uow.read.remediation.byOscalUuid(a.statementId, [])).toEqual(new Map());
  });

  it('updates an item under its lock, never its owner or statement, and deletes it', async () => {
    const { deps, item } = await setup();
    const a = item();
    await deps.uow.transaction((r) => r.remediation.insert(a));
    const moved = {
      ...a,
      status: 'completed' as const,
      actualCompletion: '2026-05-01',
      orgId: randomUUID(),
      version: 2,
      updatedAt: '2026-05-01T00:00:00.000Z',
    };
    await deps.uow.transaction(async (r) => {
      expect((await r.remediation.lock(a.id))?.version).toBe(1);
      await r.remediation.update(moved);
    });
    expect(await deps.uow.read.remediation.get(a.id)).toEqual({ ...moved, orgId: a.orgId });
    expect(await deps.uow.transaction((r) => r.remediation.delete(a.id))).toBe(true);
    expect(await deps.uow.transaction((r) => r.remediation.delete(a.id))).toBe(false);
  });

  it('refuses an unknown status or risk, and a second item with the same OSCAL uuid in one statement', async () => {
    const { deps, item } = await setup();
    await expect(
      deps.uow.transaction((r) => r.remediation.insert(item({ status: 'done' as never }))),
    ).rejects.toThrow();
    await expect(
      deps.uow.transaction((r) => r.remediation.insert(item({ risk: 'extreme' as never }))),
    ).rejects.toThrow();
    const uuid = randomUUID();
    await deps.uow.transaction((r) => r.remediation.insert(item({ oscalUuid: uuid })));
    await expect(deps.uow.transaction((r) => r.remediation.insert(item({ oscalUuid: uuid })))).rejects.toThrow();
  });
});
