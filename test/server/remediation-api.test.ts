import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, startTestServer, type Caller, type TestServer } from '../support/server';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { validateOscalDocument } from '../../src/formats/oscal';

const PW = 'remediation-api-password-1';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const j = (r: { json: unknown }) => r.json as Json;

describe('remediation plan over HTTP', () => {
  let s: TestServer;
  let alice: Caller;
  let vic: Caller;
  let eve: Caller;
  let statementId: string;

  beforeAll(async () => {
    s = await startTestServer();
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
    vic = await login(s.app, 'vic@acme.test', PW);
    eve = await login(s.app, 'eve@rival.test', PW);
    const svc = await call(s.app, 'POST', '/cloud-services', {
      as: alice,
      body: { name: { ja: 'アクメ SaaS', en: 'Acme SaaS' }, model: 'saas', track: 'ismap' },
    });
    const st = await call(s.app, 'POST', `/cloud-services/${svc.json.id}/statements`, {
      as: alice,
      body: { catalog: 'ismap', edition: '2024-07', period: { start: '2025-04-01', end: '2026-03-31' } },
    });
    expect(st.status, JSON.stringify(st.json)).toBe(201);
    statementId = st.json.id as string;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('creates an item from a blocker, refuses to complete it while the blocker stands, and completes it once fixed: readiness moves', async () => {
    const readiness = await call(s.app, 'GET', `/statements/${statementId}/readiness`, { as: alice });
    const blocker = (j(readiness).blockers as Json[]).find(
      (b) => b.itemId === '5.1.1' && b.rule !== 'control_text_missing',
    )!;
    expect(blocker).toBeDefined();
    const before = j(readiness).summary.blockerCount as number;

    const created = await call(s.app, 'POST', `/statements/${statementId}/remediation/from-blocker`, {
      as: alice,
      body: { rule: blocker.rule, itemId: '5.1.1', risk: 'high', plannedCompletion: '2020-01-31' },
    });
    expect(created.status, JSON.stringify(j(created))).toBe(201);
    const item = j(created).item as Json;
    expect(item).toMatchObject({
      title: `5.1.1: ${blocker.rule.replaceAll('_', ' ')}`,
      status: 'open',
      risk: 'high',
      flags: { overdue: true },
      links: [
        { kind: 'blocker', rule: blocker.rule, target: '5.1.1' },
        { kind: 'statement_item', rule: null, target: '5.1.1' },
      ],
      moves: ['in_progress', 'risk_accepted', 'cancelled'],
    });
    expect(item.linked.map((l: Json) => l.cleared)).toEqual([false, false]);

    // Forbidden move straight to completed; then into progress.
    const jump = await call(s.app, 'POST', `/remediation/${item.id}/moves`, {
      as: alice,
      body: { version: 1, to: 'completed' },
    });
    expect(jump.status).toBe(409);
    expect(j(jump).error.reason).toBe('remediation_blockers_remain');
    const started = await call(s.app, 'POST', `/remediation/${item.id}/moves`, {
      as: alice,
      body: { version: 1, to: 'in_progress' },
    });
    expect(started.status, JSON.stringify(started.json)).toBe(200);
    const early = await call(s.app, 'POST', `/remediation/${item.id}/moves`, {
      as: alice,
      body: { version: 2, to: 'completed' },
    });
    expect(early.status).toBe(409);
    expect(j(early).error).toMatchObject({ reason: 'remediation_blockers_remain', params: { count: 2 } });

    // Fix the linked item: implemented with its individual control.
    const fixed = await call(s.app, 'PUT', `/statements/${statementId}/items/5.1.1`, {
      as: alice,
      body: {
        version: 0,
        selection: null,
        reason: null,
        inheritedFrom: null,
        status: 'implemented',
        owner: null,
        control: { ja: '情報セキュリティ基本方針を定め、承認する。' },
      },
    });
    expect(fixed.status, JSON.stringify(fixed.json)).toBe(200);
    const done = await call(s.app, 'POST', `/remediation/${item.id}/moves`, {
      as: alice,
      body: { version: 2, to: 'completed' },
    });
    expect(done.status, JSON.stringify(j(done))).toBe(200);
    expect(j(done).item).toMatchObject({ status: 'completed', flags: { overdue: false }, moves: ['in_progress'] });
    expect(j(done).item.linked.map((l: Json) => l.cleared)).toEqual([true, true]);
    expect(j(done).readiness.blockerCount).toBeLessThan(before);

    const plan = await call(s.app, 'GET', `/statements/${statementId}/remediation`, { as: vic });
    expect(j(plan).items.map((i: Json) => [i.id, i.status, i.abilities.move])).toEqual([[item.id, 'completed', false]]);
    expect(j(plan).abilities).toEqual({ create: false, export: true });
  });

  it('keeps the plan from viewers’ writes and from other organizations', async () => {
    const denied = await call(s.app, 'POST', `/statements/${statementId}/remediation`, {
      as: vic,
      body: { title: 'x' },
    });
    expect(denied.status).toBe(403);
    expect((await call(s.app, 'GET', `/statements/${statementId}/remediation`, { as: eve })).status).toBe(404);
  });

  it('refuses bad input with its field, and a blocker that is not reported', async () => {
    const bad = await call(s.app, 'POST', `/statements/${statementId}/remediation`, {
      as: alice,
      body: { title: 'Policy', plannedCompletion: '31/12/2026' },
    });
    expect(bad.status).toBe(400);
    expect(j(bad).error.issues[0].path).toEqual(['json', 'plannedCompletion']);
    const gone = await call(s.app, 'POST', `/statements/${statementId}/remediation/from-blocker`, {
      as: alice,
      body: { rule: 'period_missing', itemId: null },
    });
    expect(gone.status).toBe(409);
    expect(j(gone).error.reason).toBe('remediation_blocker_gone');
  });

  it('exports a POA&M that validates, re-imports it without duplicates, and imports NIST’s example', async () => {
    const exported = await call(s.app, 'GET', `/statements/${statementId}/remediation/export.oscal.json`, { as: vic });
    expect(exported.status).toBe(200);
    expect(validateOscalDocument(j(exported)).errors).toEqual([]);
    const again = await call(s.app, 'POST', `/statements/${statementId}/remediation/import`, {
      as: alice,
      body: j(exported),
    });
    expect(j(again)).toEqual({ created: 0, updated: 1, dryRun: false });
    const ifa = JSON.parse(
      readFileSync(
        new URL('../fixtures/oscal/examples/ifa_plan-of-action-and-milestones.json', import.meta.url),
        'utf8',
      ),
    ) as Json;
    const dry = await call(s.app, 'POST', `/statements/${statementId}/remediation/import?dryRun=true`, {
      as: alice,
      body: ifa,
    });
    expect(j(dry)).toEqual({ created: 2, updated: 0, dryRun: true });
    const imported = await call(s.app, 'POST', `/statements/${statementId}/remediation/import`, {
      as: alice,
      body: ifa,
    });
    expect(j(imported)).toEqual({ created: 2, updated: 0, dryRun: false });
    const plan = await call(s.app, 'GET', `/statements/${statementId}/remediation`, { as: alice });
    expect(j(plan).items).toHaveLength(3);
    // A poam-item without its (optional) uuid was a 500: it imports, and again updates instead of duplicating.
    delete ifa['plan-of-action-and-milestones']['poam-items'][0].uuid;
    for (const created of [1, 0]) {
      const noUuid = await call(s.app, 'POST', `/statements/${statementId}/remediation/import`, {
        as: alice,
        body: ifa,
      });
      expect(j(noUuid)).toEqual({ created, updated: 2 - created, dryRun: false });
    }
    delete ifa['plan-of-action-and-milestones']['poam-items'][0].title;
    const broken = await call(s.app, 'POST', `/statements/${statementId}/remediation/import`, { as: alice, body: ifa });
    expect(broken.status).toBe(422);
    const error = j(broken).error as Json;
    expect(error.reason).toBe('oscal_invalid');
    expect(error.issues[0].path).toEqual(['$.plan-of-action-and-milestones.poam-items[0].title']);
    expect((await call(s.app, 'GET', `/statements/${statementId}/remediation`, { as: alice })).json.items).toHaveLength(
      4,
    );
  });
});
