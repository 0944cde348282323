import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { systemActor } from '../../src/core/identity';
import { blankAnswer, emptyScope, type CloudService, type ItemAnswer } from '../../src/core/statement/model';
import type { StoredStatement } from '../../src/app/ports/repositories';

const sys = { actor: systemActor, requestId: 'test' };
const at = '2026-04-01T00:00:00.000Z';

const service = (orgId: string, over: Partial<CloudService> = {}): CloudService => ({
  id: randomUUID(),
  orgId,
  name: { ja: 'デモ SaaS', en: 'Demo SaaS' },
  model: 'saas',
  track: 'ismap',
  scope: {
    ...emptyScope(),
    underlying: [{ id: 'iaas', name: 'Cloud IaaS', provider: 'X', registrationNumber: 'C21-0001-1' }],
    regions: ['Tokyo'],
    systemOverview: { ja: '概要' },
  },
  owners: [],
  version: 1,
  createdAt: at,
  updatedAt: at,
  ...over,
});

const statementOf = (s: CloudService): Omit<StoredStatement, 'itemsRevision'> => ({
  id: randomUUID(),
  orgId: s.orgId,
  serviceId: s.id,
  catalog: 'ismap',
  edition: '2024-07',
  period: { start: '2025-04-01', end: '2026-03-31' },
  previousPeriod: null,
  state: 'draft',
  subsequentEvents: { ja: 'なし' },
  specialNotes: {},
  version: 1,
  createdAt: at,
  updatedAt: at,
});

describeEachEngine('cloud service and statement repositories', (engine) => {
  const setup = async () => {
    const deps = testDeps(engine());
    const org = await createOrganization(deps, sys, {
      kind: 'csp',
      slug: `csp-${randomUUID().slice(0, 8)}`,
      nameJa: 'CSP',
      nameEn: 'CSP',
    });
    return { deps, org };
  };

  it('stores a service with its scope as written and lists an organization’s services only', async () => {
    const { deps, org } = await setup();
    const other = await setup();
    const s = service(org.id, { owners: ['u1', 'u2'] });
    await deps.uow.transaction((r) => r.cloudServices.insert(s));
    await deps.uow.transaction((r) => r.cloudServices.insert(service(other.org.id)));
    expect(await deps.uow.read.cloudServices.get(s.id)).toEqual(s);
    expect((await deps.uow.read.cloudServices.listForOrg(org.id)).map((x) => x.id)).toEqual([s.id]);
    const changed = { ...s, name: { ja: '新', en: 'New' }, version: 2, updatedAt: '2026-04-02T00:00:00.000Z' };
    await deps.uow.transaction(async (r) => {
      expect(await r.cloudServices.lock(s.id)).toEqual(s);
      await r.cloudServices.update(changed);
    });
    expect(await deps.uow.read.cloudServices.get(s.id)).toEqual(changed);
    expect(await deps.uow.read.cloudServices.get(randomUUID())).toBeNull();
  });

  it('stores a statement, raises its items revision, and keeps answers with their digests and revisions', async () => {
    const { deps, org } = await setup();
    const s = service(org.id);
    const st = statementOf(s);
    await deps.uow.transaction(async (r) => {
      await r.cloudServices.insert(s);
      await r.statements.insert(st);
    });
    expect(await deps.uow.read.statements.get(st.id)).toEqual({ ...st, itemsRevision: 0 });
    expect((await deps.uow.read.statements.listForService(s.id)).map((x) => x.id)).toEqual([st.id]);
    expect((await deps.uow.read.statements.listForOrg(org.id)).map((x) => x.id)).toEqual([st.id]);

    const a: ItemAnswer = {
      ...blankAnswer('9.2.3.11.PB'),
      selection: 'inherited',
      inheritedFrom: 'iaas',
      status: 'implemented',
      owner: '山田',
      control: { ja: '個別管理策', en: 'Our control' },
      revisions: [{ effectiveDate: '2025-10-01', before: { ja: '旧' }, after: { ja: '新' }, note: null }],
      criteriaDigest: 'abc',
      version: 1,
    };
    const b: ItemAnswer = { ...blankAnswer('5.1.1'), version: 1 };
    const revision = await deps.uow.transaction(async (r) => {
      await r.statements.putItems(st.id, [a, b], new Date(at), null);
      return r.statements.bumpItemsRevision(st.id);
    });
    expect(revision).toBe(1);
    expect(await deps.uow.read.statements.itemsRevision(st.id)).toBe(1);
    expect(await deps.uow.read.statements.item(st.id, a.itemId)).toEqual(a);
    expect(await deps.uow.read.statements.item(st.id, b.itemId)).toEqual(b);
    expect(await deps.uow.read.statements.item(st.id, 'nope')).toBeNull();
    // Upsert replaces a stored answer.
    const a2 = { ...a, control: { en: 'Only English' }, version: 2, selection: null, inheritedFrom: null };
    await deps.uow.transaction((r) => r.statements.putItems(st.id, [a2], new Date(at), null));
    expect(await deps.uow.read.statements.item(st.id, a.itemId)).toEqual(a2);
    expect((await deps.uow.read.statements.itemsById(st.id, [a.itemId, 'nope'])).map((x) => x.itemId)).toEqual([
      a.itemId,
    ]);
    expect((await deps.uow.read.statements.items(st.id)).length).toBe(2);

    const updated = { ...st, state: 'ready_for_audit' as const, version: 2, edition: '2025-01' };
    await deps.uow.transaction(async (r) => {
      expect((await r.statements.lock(st.id))?.version).toBe(1);
      await r.statements.update(updated);
    });
    expect(await deps.uow.read.statements.get(st.id)).toEqual({ ...updated, itemsRevision: 1 });
    await deps.uow.transaction((r) => r.statements.deleteItems(st.id));
    expect(await deps.uow.read.statements.items(st.id)).toEqual([]);
  });

  it('refuses an unknown selection or status (check constraints) and rolls the batch back', async () => {
    const { deps, org } = await setup();
    const s = service(org.id);
    const st = statementOf(s);
    await deps.uow.transaction(async (r) => {
      await r.cloudServices.insert(s);
      await r.statements.insert(st);
    });
    const bad = { ...blankAnswer('x'), selection: 'required' as never };
    await expect(
      deps.uow.transaction((r) => r.statements.putItems(st.id, [blankAnswer('ok'), bad], new Date(at), null)),
    ).rejects.toThrow();
    expect(await deps.uow.read.statements.items(st.id)).toEqual([]);
  });

  it('writes 1,400 answers in one call (batched under the parameter limit)', async () => {
    const { deps, org } = await setup();
    const s = service(org.id);
    const st = statementOf(s);
    await deps.uow.transaction(async (r) => {
      await r.cloudServices.insert(s);
      await r.statements.insert(st);
    });
    const many = Array.from({ length: 1400 }, (_, i) => ({ ...blankAnswer(`i${i}`), version: 1 }));
    await deps.uow.transaction((r) => r.statements.putItems(st.id, many, new Date(at), null));
    expect((await deps.uow.read.statements.items(st.id)).length).toBe(1400);
    expect(
      (
        await deps.uow.read.statements.itemsById(
          st.id,
          many.map((m) => m.itemId),
        )
      ).length,
    ).toBe(1400);
  });
});
