import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, startTestServer, type Caller, type TestServer } from '../support/server';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';

const PW = 'statements-api-password-1';

interface Item {
  id: string;
  kind: string;
  basic: boolean;
  selection: string;
  version: number;
  blockers: { rule: string }[];
  control: { ja?: string };
}

describe('cloud services and statements over HTTP', () => {
  let s: TestServer;
  let alice: Caller;
  let bob: Caller;
  let other: Caller;
  let serviceId: string;
  let statementId: string;

  beforeAll(async () => {
    s = await startTestServer();
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'acme', name: 'Acme' },
      [
        { email: 'alice@acme.test', role: 'editor' },
        { email: 'bob@acme.test', role: 'editor' },
      ],
      PW,
    );
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'rival', name: 'Rival' },
      [{ email: 'eve@rival.test', role: 'admin' }],
      PW,
    );
    await syncBundledCatalogs(s.deps, { actor: systemActor, requestId: null }, await loadBundledContent());
    alice = await login(s.app, 'alice@acme.test', PW);
    bob = await login(s.app, 'bob@acme.test', PW);
    other = await login(s.app, 'eve@rival.test', PW);
    const created = await call(s.app, 'POST', '/cloud-services', {
      as: alice,
      body: { name: { ja: 'アクメ SaaS', en: 'Acme SaaS' }, model: 'saas', track: 'ismap' },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    serviceId = created.json.id as string;
    const scoped = await call(s.app, 'PATCH', `/cloud-services/${serviceId}`, {
      as: alice,
      body: {
        version: 1,
        scope: {
          subServices: [{ ja: '本体', en: 'Core' }],
          underlying: [
            { id: 'iaas', name: 'Big IaaS', provider: 'Big', registrationNumber: 'C21-0001-1' },
            { id: 'cdn', name: 'CDN', provider: 'C', registrationNumber: null },
          ],
          regions: ['Tokyo', 'Osaka'],
          systemOverview: { ja: '概要' },
          logicalStructure: {},
          populations: {},
        },
      },
    });
    expect(scoped.status, JSON.stringify(scoped.json)).toBe(200);
    const st = await call(s.app, 'POST', `/cloud-services/${serviceId}/statements`, {
      as: alice,
      body: { catalog: 'ismap', edition: '2024-07', period: { start: '2025-04-01', end: '2026-03-31' } },
    });
    expect(st.status, JSON.stringify(st.json)).toBe(201);
    statementId = st.json.id as string;
  });
  afterAll(async () => {
    await s?.close();
  });

  const items = async () =>
    (await call(s.app, 'GET', `/statements/${statementId}/items`, { as: alice })).json.items as Item[];
  const put = (as: Caller, itemId: string, body: Record<string, unknown>) =>
    call(s.app, 'PUT', `/statements/${statementId}/items/${itemId}`, {
      as,
      body: {
        selection: null,
        reason: null,
        inheritedFrom: null,
        status: 'implemented',
        owner: null,
        control: {},
        ...body,
      },
    });

  it('lists every criteria item of ismap 2024-07 in one request, with blockers', async () => {
    const list = await items();
    expect(list.length).toBe(1284);
    expect(list[0]).toMatchObject({ kind: 'governance_item', selection: 'required', version: 0 });
    expect(list.every((i) => Array.isArray(i.blockers))).toBe(true);
    const one = await call(s.app, 'GET', `/statements/${statementId}/items/9.2.3.11.PB`, { as: alice });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ id: '9.2.3.11.PB', basic: true, cloud: true, revisions: [] });
    expect(
      (await call(s.app, 'GET', `/statements/${statementId}/items/99.99`, { as: alice })).json.error,
    ).toMatchObject({
      code: 'not_found',
      reason: 'statement_item_not_found',
    });
  });

  it('resolves a conflicting edit: the second writer gets 409 with the stored answer', async () => {
    const first = await put(alice, '5.1.1', { version: 0, control: { ja: 'アリスの文' } });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json.version).toBe(1);
    const second = await put(bob, '5.1.1', { version: 0, control: { ja: 'ボブの文' } });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({
      code: 'conflict',
      reason: 'item_version_conflict',
      details: { current: { itemId: '5.1.1', version: 1, control: { ja: 'アリスの文' } } },
    });
    // Bob chooses his text on top of the stored version.
    const resolved = await put(bob, '5.1.1', { version: 1, control: { ja: 'ボブの文' } });
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({ version: 2, control: { ja: 'ボブの文' } });
  });

  it('bulk-changes hundreds of items in one request and one audit event, and the readiness follows', async () => {
    const before = (await call(s.app, 'GET', `/statements/${statementId}/readiness`, { as: alice })).json as {
      summary: { total: { ready: number } };
    };
    const all = await items();
    const ids = [...all.filter((i) => i.kind === 'objective'), ...all.filter((i) => i.kind === 'detailed')]
      .map((i) => i.id)
      .slice(0, 300);
    const events = await s.deps.uow.read.audit.count({ action: 'statement.bulk_update' });
    const res = await call(s.app, 'POST', `/statements/${statementId}/items/bulk`, {
      as: alice,
      body: { itemIds: ids, set: { status: 'implemented', owner: '運用チーム' } },
    });
    expect(res.status, JSON.stringify(res.json).slice(0, 500)).toBe(200);
    expect(res.json.changed).toBe(300);
    expect((res.json.items as Item[]).length).toBe(300);
    expect(await s.deps.uow.read.audit.count({ action: 'statement.bulk_update' })).toBe(events + 1);
    const after = (await call(s.app, 'GET', `/statements/${statementId}/readiness`, { as: alice })).json as {
      summary: { total: { ready: number } };
      blockers: { rule: string; itemId: string }[];
    };
    // Objectives implemented are ready; a basic control implemented without its individual control text is not.
    expect(after.summary.total.ready).toBeGreaterThan(before.summary.total.ready + 100);
    const basic = all.find((i) => i.basic && ids.includes(i.id))!;
    expect(after.blockers.filter((b) => b.itemId === basic.id).map((b) => b.rule)).toEqual(['control_text_missing']);
  });

  it('answers bad input with 4xx and a stable code, never a 500', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['PUT', `/statements/${statementId}/items/9.2.3.1`, { version: 0 }, 400, 'validation_failed'],
      ['PUT', `/statements/${statementId}/items/9.2.3.1`, { version: -1, selection: 'x' }, 400, 'validation_failed'],
      ['POST', `/statements/${statementId}/items/bulk`, { itemIds: [], set: {} }, 400, 'validation_failed'],
      ['POST', `/statements/${statementId}/items/bulk`, { itemIds: ['5.1.1'], set: {} }, 400, 'validation_failed'],
      [
        'PATCH',
        `/statements/${statementId}`,
        { version: 1, period: { start: '2025-02-30', end: 'x' } },
        400,
        'validation_failed',
      ],
      [
        'POST',
        `/cloud-services/${serviceId}/statements`,
        { catalog: 'ismap', edition: '1999-01' },
        400,
        'validation_failed',
      ],
      ['POST', `/statements/${statementId}/transitions`, { to: 'audited' }, 409, 'invalid_transition'],
      ['POST', `/statements/${statementId}/migrate`, { edition: 'nope', dryRun: true }, 400, 'validation_failed'],
      ['PATCH', `/cloud-services/${serviceId}`, { version: 1, name: { ja: 'x', en: 'y' } }, 409, 'conflict'],
      ['GET', '/statements/not-a-uuid', undefined, 400, 'validation_failed'],
      ['GET', '/statements/00000000-0000-4000-8000-000000000000', undefined, 404, 'not_found'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await call(s.app, method, path, { as: alice, body });
      expect([path, res.status, res.json.error?.code]).toEqual([path, status, code]);
    }
    const bad = await put(alice, '9.2.3.1', { version: 0, selection: 'excluded' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      reason: 'answer_invalid',
      issues: [{ code: 'selection_exclude_objective_only' }],
    });
  });

  it('hides a CSP’s services and statements from another CSP (404)', async () => {
    expect((await call(s.app, 'GET', `/cloud-services/${serviceId}`, { as: other })).status).toBe(404);
    expect((await call(s.app, 'GET', `/statements/${statementId}`, { as: other })).status).toBe(404);
    expect((await call(s.app, 'GET', '/cloud-services', { as: other })).json.services).toEqual([]);
    expect((await put(other, '5.1.1', { version: 2 })).status).toBe(404);
  });

  it('freezes an audited statement, and under audit records the change reason', async () => {
    for (const to of ['ready_for_audit', 'under_audit'])
      expect(
        (await call(s.app, 'POST', `/statements/${statementId}/transitions`, { as: alice, body: { to } })).status,
      ).toBe(200);
    const head = await call(s.app, 'GET', `/statements/${statementId}`, { as: alice });
    expect(head.json).toMatchObject({
      state: 'under_audit',
      editMode: 'recorded_change',
      transitions: ['audited', 'ready_for_audit'],
    });
    const gov = (await items())[0]!.id;
    const noReason = await put(alice, gov, { version: 0, control: { ja: '文' } });
    expect(noReason.json.error).toMatchObject({ code: 'validation_failed', reason: 'change_reason_required' });
    // The individual control changes under audit only as a recorded change (dated, with its reason).
    const unrecorded = await put(alice, gov, { version: 0, control: { ja: '文' }, changeReason: '指摘対応' });
    expect(unrecorded.json.error).toMatchObject({ code: 'validation_failed', reason: 'revision_required' });
    const recorded = await put(alice, gov, {
      version: 0,
      control: { ja: '文' },
      changeReason: '指摘対応',
      revision: { effectiveDate: '2025-06-01', note: null },
    });
    expect(recorded.status).toBe(200);
    expect(
      (await call(s.app, 'POST', `/statements/${statementId}/transitions`, { as: alice, body: { to: 'audited' } }))
        .status,
    ).toBe(200);
    const frozen = await put(alice, gov, { version: 1, control: { ja: '変更' }, changeReason: 'x' });
    expect([frozen.status, frozen.json.error?.code]).toEqual([409, 'conflict']);
    const migrate = await call(s.app, 'POST', `/statements/${statementId}/migrate`, {
      as: alice,
      body: { edition: '2024-07', dryRun: true },
    });
    expect(migrate.status).toBe(409);
  });
});
