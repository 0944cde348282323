import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, startTestServer, type Caller, type TestServer } from '../support/server';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { validateOscalDocument } from '../../src/formats/oscal';

const PW = 'statement-ssp-password-1';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('statement as an OSCAL SSP over HTTP: export, import into another statement, errors', () => {
  let s: TestServer;
  let alice: Caller;
  let serviceId: string;
  let first: string;
  let second: string;

  const answer = (body: Json) => ({
    version: 0,
    selection: null,
    reason: null,
    inheritedFrom: null,
    status: 'not_started',
    owner: null,
    control: {},
    ...body,
  });
  const newStatement = async () => {
    const st = await call(s.app, 'POST', `/cloud-services/${serviceId}/statements`, {
      as: alice,
      body: { catalog: 'ismap', edition: '2024-07', period: { start: '2025-04-01', end: '2026-03-31' } },
    });
    expect(st.status, JSON.stringify(st.json)).toBe(201);
    return st.json.id as string;
  };

  beforeAll(async () => {
    s = await startTestServer();
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'acme', name: 'Acme' },
      [{ email: 'alice@acme.test', role: 'editor' }],
      PW,
    );
    await syncBundledCatalogs(s.deps, { actor: systemActor, requestId: null }, await loadBundledContent());
    alice = await login(s.app, 'alice@acme.test', PW);
    const svc = await call(s.app, 'POST', '/cloud-services', {
      as: alice,
      body: { name: { ja: 'アクメ', en: 'Acme SaaS' }, model: 'saas' },
    });
    serviceId = svc.json.id as string;
    const patched = await call(s.app, 'PATCH', `/cloud-services/${serviceId}`, {
      as: alice,
      body: {
        version: 1,
        scope: {
          subServices: [{ ja: '認証基盤', en: 'Identity' }],
          underlying: [
            {
              id: 'u1',
              name: 'Example IaaS',
              provider: 'Example Corp',
              registrationNumber: 'C21-0008-2',
              authorizedOn: '2021-09-01',
            },
            { id: 'u2', name: '未登録サービス', provider: null, registrationNumber: null },
          ],
          regions: ['Tokyo'],
          systemOverview: { ja: '概要\n二行目' },
          logicalStructure: {},
          populations: { en: 'All accounts' },
        },
      },
    });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    first = await newStatement();
    const items: [string, Json][] = [
      ['5.1.1', { status: 'implemented', owner: '山田', control: { ja: '=1+1 方針を定める', en: 'A policy.' } }],
      ['5.1.1.1', { selection: 'not_selected', reason: '物理設備を持たない' }],
      ['5.1.1.2', { selection: 'selected', status: 'in_progress', control: { en: '  spaced  ' } }],
      ['5.1.2', { selection: 'excluded', reason: '該当資産なし\n二行目' }],
      ['6.1.1.13.PB', { selection: 'inherited', inheritedFrom: 'u1', control: { ja: 'IaaS が実施' } }],
    ];
    for (const [id, body] of items) {
      const put = await call(s.app, 'PUT', `/statements/${first}/items/${id}`, { as: alice, body: answer(body) });
      expect(put.status, `${id} ${JSON.stringify(put.json)}`).toBe(200);
    }
    second = await newStatement();
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const exportSsp = async (id: string) => {
    const res = await s.app.request(`/api/v1/statements/${id}/export.oscal.json`, {
      headers: { cookie: alice.cookie },
    });
    expect(res.status).toBe(200);
    return { json: (await res.json()) as Json, disposition: res.headers.get('content-disposition') };
  };
  const upload = (id: string, text: string, fields: Record<string, string>, name = 'ssp.json') => {
    const form = new FormData();
    form.set('file', new Blob([text]), name);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return call(s.app, 'POST', `/statements/${id}/import`, { as: alice, form });
  };
  const strip = (doc: Json) => {
    const ssp = structuredClone(doc['system-security-plan']) as Json;
    return {
      ...ssp,
      uuid: null,
      metadata: { ...ssp.metadata, 'last-modified': null, version: null },
      'system-characteristics': { ...ssp['system-characteristics'], 'system-ids': null },
    };
  };

  it('exports a valid SSP with the items, leveraged authorization and an audit event', async () => {
    const before = await s.deps.uow.read.audit.count({ action: 'statement.export', targetId: first });
    const { json, disposition } = await exportSsp(first);
    expect(disposition).toContain('statement-acme-saas-2024-07.ssp.oscal.json');
    const v = validateOscalDocument(json);
    expect(v.errors).toEqual([]);
    expect(v.model).toBe('system-security-plan');
    const ssp = json['system-security-plan'];
    const reqs = ssp['control-implementation']['implemented-requirements'] as Json[];
    const byId = new Map(reqs.map((r) => [r['control-id'], r]));
    expect(byId.get('ismap-5.1.2')).toMatchObject({ remarks: '該当資産なし\n二行目' });
    expect(byId.get('ismap-5.1.2')!.props).toContainEqual(expect.objectContaining({ value: 'not-applicable' }));
    expect(ssp['system-implementation']['leveraged-authorizations']).toEqual([
      expect.objectContaining({ title: 'Example IaaS', 'date-authorized': '2021-09-01' }),
    ]);
    expect(await s.deps.uow.read.audit.count({ action: 'statement.export', targetId: first })).toBe(before + 1);
  });

  it('imports into a fresh statement (dry run first), and that exports the same plan but for identity and time', async () => {
    const { json } = await exportSsp(first);
    const text = JSON.stringify(json);
    const dry = await upload(second, text, { dryRun: 'true' });
    expect(dry.status, JSON.stringify(dry.json).slice(0, 400)).toBe(200);
    expect(dry.json.applied).toBe(false);
    const diff = dry.json.diff as { items: { itemId: string }[]; mismatch: string[] };
    expect(diff.mismatch).toEqual([]);
    expect(diff.items.map((i) => i.itemId).sort()).toEqual(['5.1.1', '5.1.1.1', '5.1.1.2', '5.1.2', '6.1.1.13.PB']);
    expect(await s.deps.uow.read.statements.item(second, '5.1.1')).toBeNull();

    const done = await upload(second, text, { dryRun: 'false' });
    expect(done.status, JSON.stringify(done.json).slice(0, 400)).toBe(200);
    expect(done.json).toMatchObject({ applied: true, written: 5 });
    const again = await exportSsp(second);
    expect(strip(again.json)).toEqual(strip(json));
  });

  it('refuses bad JSON and a schema error with the JSON path, writing nothing', async () => {
    const target = await newStatement();
    const before = await s.deps.uow.read.audit.count({ action: 'statement.import' });
    const broken = await upload(target, '{"system-security-plan": {', { dryRun: 'false' });
    expect([broken.status, broken.json.error?.code]).toEqual([422, 'import_failed']);
    expect((broken.json.error as unknown as { message: string }).message).toContain('ssp.json');

    const { json } = await exportSsp(first);
    delete json['system-security-plan']['control-implementation']['implemented-requirements'][0]['control-id'];
    const invalid = await upload(target, JSON.stringify(json), { dryRun: 'false' }, 'plan.json');
    expect([invalid.status, invalid.json.error?.code]).toEqual([422, 'import_failed']);
    expect((invalid.json.error as unknown as { issues: unknown[] }).issues).toContainEqual(
      expect.objectContaining({
        path: ['$.system-security-plan.control-implementation.implemented-requirements[0].control-id'],
        code: 'oscal_required',
        file: 'plan.json',
      }),
    );
    expect(await s.deps.uow.read.statements.item(target, '5.1.1')).toBeNull();
    expect(await s.deps.uow.read.audit.count({ action: 'statement.import' })).toBe(before);
  });
});
