import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, serverOver, type Caller, type TestServer } from '../support/server';
import { openTestEngine } from '../support/engines';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { soa2013Rows, soa2022Rows, toCsv } from '../../src/formats/gap/test-fixtures';

const PW = 'gap-api-password-123';

function form(bytes: Buffer | string, name: string, fields: Record<string, string> = {}) {
  const f = new FormData();
  f.set('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

interface Proposal {
  id: string;
  itemId: string;
  relationship: string;
  bulkAcceptable: boolean;
  decision: string | null;
  proposed: { selection: string; status: string | null; draft: string };
  paths: { links: { relationship: string; provenance: { method: string } }[] }[];
}

describe('gap imports over HTTP', () => {
  let s: TestServer;
  let alice: Caller;
  let viewer: Caller;
  let rival: Caller;
  let statementId: string;

  const newStatement = async () => {
    const svc = await call(s.app, 'POST', '/cloud-services', {
      as: alice,
      body: { name: { ja: 'アクメ SaaS', en: 'Acme SaaS' }, model: 'saas', track: 'ismap' },
    });
    const st = await call(s.app, 'POST', `/cloud-services/${svc.json.id as string}/statements`, {
      as: alice,
      body: { catalog: 'ismap', edition: '2024-07' },
    });
    expect(st.status, JSON.stringify(st.json)).toBe(201);
    return st.json.id as string;
  };

  beforeAll(async () => {
    s = serverOver(await openTestEngine('pglite'));
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'acme', name: 'Acme' },
      [
        { email: 'alice@acme.test', role: 'editor' },
        { email: 'vic@acme.test', role: 'viewer' },
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
    viewer = await login(s.app, 'vic@acme.test', PW);
    rival = await login(s.app, 'eve@rival.test', PW);
    statementId = await newStatement();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('previews a 2013 SoA without writing: detected columns, edition and counts', async () => {
    const res = await call(s.app, 'POST', `/statements/${statementId}/gap-imports`, {
      as: alice,
      form: form(toCsv(soa2013Rows()), 'soa-2013.csv'),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({
      dryRun: true,
      ok: true,
      kind: 'soa',
      isoEdition: { edition: '2013' },
      import: null,
    });
    expect((res.json.detection as { columns: { id: { header: string } } }).columns.id.header).toBe('管理策番号');
    expect((res.json.counts as { proposals: number }).proposals).toBeGreaterThan(100);
    const list = await call(s.app, 'GET', `/statements/${statementId}/gap-imports`, { as: alice });
    expect(list.json.imports).toEqual([]);
  });

  it('refuses a file with row errors with their locations and writes nothing', async () => {
    const rows = soa2013Rows();
    rows[3]![0] = 'A.99.1.1';
    const res = await call(s.app, 'POST', `/statements/${statementId}/gap-imports`, {
      as: alice,
      form: form(toCsv(rows), 'bad.csv', { dryRun: 'false', isoEdition: '2013' }),
    });
    expect(res.status).toBe(422);
    const error = res.json.error as unknown as { code: string; issues: unknown[] };
    expect(error.code).toBe('import_failed');
    expect(error.issues[0]).toMatchObject({ code: 'unknown_control', row: 4 });
    const list = await call(s.app, 'GET', `/statements/${statementId}/gap-imports`, { as: alice });
    expect(list.json.imports).toEqual([]);
  });

  it('asks for the edition to be confirmed before an SoA is imported', async () => {
    const res = await call(s.app, 'POST', `/statements/${statementId}/gap-imports`, {
      as: alice,
      form: form(toCsv(soa2013Rows()), 'soa.csv', { dryRun: 'false' }),
    });
    expect(res.status).toBe(400);
    expect((res.json.error as { reason?: string }).reason).toBe('iso_edition_unconfirmed');
  });

  it('imports, accepts equal proposals in bulk, decides an intersects-with one, and reports the gaps', async () => {
    const up = await call(s.app, 'POST', `/statements/${statementId}/gap-imports`, {
      as: alice,
      form: form(toCsv(soa2013Rows()), 'soa-2013.csv', { dryRun: 'false', isoEdition: '2013' }),
    });
    expect(up.status, JSON.stringify(up.json)).toBe(200);
    const id = (up.json.import as { id: string }).id;
    const detail = await call(s.app, 'GET', `/gap-imports/${id}`, { as: alice });
    expect(detail.status).toBe(200);
    const groups = detail.json.groups as { relationship: string; proposals: Proposal[] }[];
    expect(groups[0]!.relationship).toBe('equal');
    const all = groups.flatMap((g) => g.proposals);
    expect(all.every((p) => p.paths[0]!.links.every((l) => l.relationship && l.provenance.method))).toBe(true);

    // A weaker mapping cannot ride along in bulk.
    // A 2013 SoA maps through equal / superset-of only; its cloud-specific (.P) items still need a decision each.
    const weak = all.find((p) => !p.bulkAcceptable);
    expect(weak).toBeDefined();
    const refused = await call(s.app, 'POST', `/gap-imports/${id}/accept-bulk`, {
      as: alice,
      body: { proposalIds: [weak!.id] },
    });
    expect(refused.status).toBe(400);
    expect((refused.json.error as unknown as { issues: { code: string }[] }).issues[0]!.code).toBe(
      'proposal_needs_decision',
    );

    const bulk = await call(s.app, 'POST', `/gap-imports/${id}/accept-bulk`, { as: alice, body: {} });
    expect(bulk.status, JSON.stringify(bulk.json)).toBe(200);
    expect(bulk.json.decided).toBe(all.filter((p) => p.bulkAcceptable).length);
    const eq = all.find((p) => p.bulkAcceptable && p.proposed.status)!;
    const item = await call(s.app, 'GET', `/statements/${statementId}/items/${eq.itemId}`, { as: alice });
    expect(item.json.status).toBe(eq.proposed.status);

    const one = await call(s.app, 'POST', `/gap-imports/${id}/decisions`, {
      as: alice,
      body: {
        proposalId: weak!.id,
        decision: 'edit',
        value: { selection: 'selected', status: 'planned', draft: '多要素認証を計画中' },
      },
    });
    expect(one.status, JSON.stringify(one.json)).toBe(200);
    const again = await call(s.app, 'POST', `/gap-imports/${id}/decisions`, {
      as: alice,
      body: { proposalId: weak!.id, decision: 'reject' },
    });
    expect(again.status).toBe(409);

    const decides = await s.deps.uow.read.audit.query({ action: 'gap.decide', limit: 20 });
    expect(decides).toHaveLength(2);
    expect(decides.find((e) => e.details?.['mode'] === 'bulk')?.details?.['count']).toBe(bulk.json.decided);

    const report = await call(s.app, 'GET', `/gap-imports/${id}/report`, { as: alice });
    expect(report.status).toBe(200);
    expect((report.json.byTier as unknown[]).length).toBeGreaterThan(0);
    const csv = await s.app.request(`/api/v1/gap-imports/${id}/report.csv?lang=en`, {
      headers: { cookie: alice.cookie },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });

  it('a 2022 SoA goes through the 2013 ↔ 2022 correspondence set (community, ISO/IEC 27002:2022 Annex B)', async () => {
    const st = await newStatement();
    const up = await call(s.app, 'POST', `/statements/${st}/gap-imports`, {
      as: alice,
      form: form(toCsv(soa2022Rows()), 'soa-2022.csv', { dryRun: 'false', isoEdition: '2022' }),
    });
    expect(up.status, JSON.stringify(up.json)).toBe(200);
    const imp = up.json.import as { id: string; summary: { via: string[]; intersectsOnly: number } };
    expect(imp.summary.via).toEqual(['iso27001-2013']);
    expect(imp.summary.intersectsOnly).toBeGreaterThan(0);
    const detail = await call(s.app, 'GET', `/gap-imports/${imp.id}`, { as: alice });
    const groups = detail.json.groups as { relationship: string; proposals: Proposal[] }[];
    const weak = groups.find((g) => g.relationship === 'intersects-with')!.proposals[0]!;
    expect(weak.bulkAcceptable).toBe(false);
    const bulk = await call(s.app, 'POST', `/gap-imports/${imp.id}/accept-bulk`, { as: alice, body: {} });
    expect(bulk.status).toBe(200);
    const item = await call(s.app, 'GET', `/statements/${st}/items/${weak.itemId}`, { as: alice });
    const res = await call(s.app, 'POST', `/gap-imports/${imp.id}/decisions`, {
      as: alice,
      body: { proposalId: weak.id, decision: 'accept', version: item.json.version as number },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    // A stale version is a conflict, nothing overwritten.
    const other = groups.find((g) => g.relationship === 'intersects-with')!.proposals[1];
    if (other) {
      const stale = await call(s.app, 'POST', `/gap-imports/${imp.id}/decisions`, {
        as: alice,
        body: { proposalId: other.id, decision: 'accept', version: 999 },
      });
      expect(stale.status).toBe(409);
    }
    expect(
      (up.json.import as { summary: { sets: { method: string }[] } }).summary.sets.some(
        (x) => x.method === 'community',
      ),
    ).toBe(true);
  });

  it('is private to the importing organization: viewers read but do not decide, other CSPs see nothing', async () => {
    const list = await call(s.app, 'GET', `/statements/${statementId}/gap-imports`, { as: alice });
    const id = (list.json.imports as { id: string }[])[0]!.id;
    expect((await call(s.app, 'GET', `/gap-imports/${id}`, { as: viewer })).status).toBe(200);
    expect((await call(s.app, 'POST', `/gap-imports/${id}/accept-bulk`, { as: viewer, body: {} })).status).toBe(403);
    expect((await call(s.app, 'GET', `/gap-imports/${id}`, { as: rival })).status).toBe(404);
    expect((await call(s.app, 'GET', `/gap-imports/${id}/report`, { as: rival })).status).toBe(404);
    // Nothing of the import became a mapping anyone can search or walk.
    const sets = await call(s.app, 'GET', '/mapping-sets', { as: rival });
    expect(JSON.stringify(sets.json)).not.toContain('soa-2013');
  });
  it("takes the organization's own mappings into its proposals, and never another organization's", async () => {
    const st = await newStatement();
    // A governance item no SoA row reaches through the bundled sets: a mapping each CSP writes for itself.
    const mine = { source: 'ismap:3.1.2.1', target: 'iso27001-2013:A.5.1.1', relationship: 'intersects-with' };
    const rivals = { source: 'ismap:3.1.2.2', target: 'iso27001-2013:A.5.1.1', relationship: 'intersects-with' };
    for (const [as, body] of [
      [alice, mine],
      [rival, rivals],
    ] as const) {
      const added = await call(s.app, 'POST', '/mappings', { as, body: { ...body, note: 'own judgement' } });
      expect(added.status, JSON.stringify(added.json)).toBe(201);
    }
    const up = await call(s.app, 'POST', `/statements/${st}/gap-imports`, {
      as: alice,
      form: form(toCsv(soa2013Rows()), 'soa-2013.csv', { dryRun: 'false', isoEdition: '2013' }),
    });
    expect(up.status, JSON.stringify(up.json)).toBe(200);
    const id = (up.json.import as { id: string }).id;
    const groups = (await call(s.app, 'GET', `/gap-imports/${id}`, { as: alice })).json.groups as {
      relationship: string;
      proposals: Proposal[];
    }[];
    const weak = groups.find((g) => g.relationship === 'intersects-with')?.proposals ?? [];
    expect(weak.map((p) => p.itemId)).toEqual(['3.1.2.1']);
    expect(weak[0]!.bulkAcceptable).toBe(false);
    expect(weak[0]!.paths[0]!.links.map((l) => l.relationship)).toEqual(['intersects-with']);
    expect(groups.flatMap((g) => g.proposals).some((p) => p.itemId === '3.1.2.2')).toBe(false);
  });
});
