import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, login, organizationWithMembers, startTestServer, type Caller, type TestServer } from '../support/server';
import { importTextFile } from '../support/import-text';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';

const PW = 'statement-migration-password-1';
const sys = { actor: systemActor, requestId: null };

interface Row {
  seq: number;
  reason: string;
  itemId: string | null;
  fromId: string | null;
  fromEdition: string;
  toEdition: string;
  doneAt: string | null;
  doneBy: string | null;
}

/** Edition migration over HTTP: the dry run writes nothing, applying keeps the attention list to tick off. */
describe('edition migration and its attention list over HTTP', () => {
  let s: TestServer;
  let alice: Caller;
  let vera: Caller;
  let bob: Caller;
  let statementId: string;
  let dir: string;

  beforeAll(async () => {
    s = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'ismap-migration-'));
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'mig', name: 'Mig' },
      [
        { email: 'alice@mig.test', role: 'editor' },
        { email: 'vera@mig.test', role: 'viewer' },
      ],
      PW,
    );
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'oth', name: 'Oth' },
      [{ email: 'bob@oth.test', role: 'admin' }],
      PW,
    );
    await syncBundledCatalogs(s.deps, sys, await loadBundledContent());
    // The next official revision, imported as a new edition: one changed objective text and one new detailed control.
    const csv = join(dir, 'ismap-2025-01.csv');
    writeFileSync(csv, 'id,text\n9.2.3,特権的アクセス権の管理（改訂版の本文）\n9.2.3.20,新しい詳細管理策\n');
    const imported = await importTextFile(s.deps, sys, { catalog: 'ismap', edition: '2025-01', lang: 'ja', path: csv });
    expect(imported).toMatchObject({ written: true, createdEdition: true });
    [alice, vera, bob] = await Promise.all([
      login(s.app, 'alice@mig.test', PW),
      login(s.app, 'vera@mig.test', PW),
      login(s.app, 'bob@oth.test', PW),
    ]);
    const svc = await call(s.app, 'POST', '/cloud-services', {
      as: alice,
      body: { name: { ja: '移行 SaaS', en: 'Migration SaaS' }, model: 'saas', track: 'ismap' },
    });
    const st = await call(s.app, 'POST', `/cloud-services/${svc.json.id as string}/statements`, {
      as: alice,
      body: { catalog: 'ismap', edition: '2024-07' },
    });
    statementId = st.json.id as string;
    const answer = await call(s.app, 'PUT', `/statements/${statementId}/items/9.2.3`, {
      as: alice,
      body: {
        version: 0,
        selection: null,
        reason: null,
        inheritedFrom: null,
        status: 'implemented',
        owner: null,
        control: { ja: '特権は申請と承認で付与する' },
      },
    });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  });
  afterAll(async () => {
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const migrate = (body: Record<string, unknown>, as = alice) =>
    call(s.app, 'POST', `/statements/${statementId}/migrate`, { as, body });
  const attention = (as = alice) => call(s.app, 'GET', `/statements/${statementId}/attention`, { as });

  it('answers the plan on a dry run and writes nothing', async () => {
    const plan = await migrate({ edition: '2025-01' });
    expect(plan.status, JSON.stringify(plan.json)).toBe(200);
    expect(plan.json).toMatchObject({ from: '2024-07', to: '2025-01', applied: false });
    expect(plan.json.attention).toEqual(
      expect.arrayContaining([
        { reason: 'text_changed', itemId: '9.2.3', fromId: '9.2.3' },
        { reason: 'added', itemId: '9.2.3.20', fromId: null },
      ]),
    );
    expect((await attention()).json).toEqual({ attention: [] });
    expect((await call(s.app, 'GET', `/statements/${statementId}`, { as: alice })).json.edition).toBe('2024-07');
  });

  it('keeps the attention list after applying, for the editors to tick off one by one', async () => {
    const applied = await migrate({ edition: '2025-01', dryRun: false });
    expect(applied.status, JSON.stringify(applied.json)).toBe(200);
    expect(applied.json.applied).toBe(true);
    const list = (await attention()).json.attention as Row[];
    expect(list.length).toBe((applied.json.attention as unknown[]).length);
    expect(list.map((r) => r.seq)).toEqual(list.map((_, i) => i));
    expect(list.every((r) => r.fromEdition === '2024-07' && r.toEdition === '2025-01' && r.doneAt === null)).toBe(true);
    const changed = list.find((r) => r.reason === 'text_changed')!;
    // The answer came along with the edition.
    const item = await call(s.app, 'GET', `/statements/${statementId}/items/9.2.3`, { as: alice });
    expect([item.json.control, item.json.stale]).toEqual([{ ja: '特権は申請と承認で付与する' }, true]);

    const tick = await call(s.app, 'PATCH', `/statements/${statementId}/attention/${changed.seq}`, {
      as: alice,
      body: { done: true },
    });
    expect(tick.status, JSON.stringify(tick.json)).toBe(200);
    expect(tick.json).toMatchObject({ seq: changed.seq, reason: 'text_changed', doneBy: expect.any(String) });
    expect(typeof tick.json.doneAt).toBe('string');
    const after = (await attention(vera)).json.attention as Row[];
    expect(after.filter((r) => r.doneAt !== null).map((r) => r.seq)).toEqual([changed.seq]);
    const events = await s.deps.uow.read.audit.query({ action: 'statement.attention_mark', limit: 5 });
    expect(events[0]?.details).toMatchObject({ seq: changed.seq, done: true, itemId: '9.2.3' });
    // Back on the list.
    const untick = await call(s.app, 'PATCH', `/statements/${statementId}/attention/${changed.seq}`, {
      as: alice,
      body: { done: false },
    });
    expect([untick.status, untick.json.doneAt, untick.json.doneBy]).toEqual([200, null, null]);
  });

  it('refuses a viewer (403), hides it from another CSP (404), and names a missing row', async () => {
    const viewer = await call(s.app, 'PATCH', `/statements/${statementId}/attention/0`, {
      as: vera,
      body: { done: true },
    });
    expect(viewer.status).toBe(403);
    expect((await attention(bob)).status).toBe(404);
    expect(
      (await call(s.app, 'PATCH', `/statements/${statementId}/attention/0`, { as: bob, body: { done: true } })).status,
    ).toBe(404);
    const missing = await call(s.app, 'PATCH', `/statements/${statementId}/attention/9999`, {
      as: alice,
      body: { done: true },
    });
    expect([missing.status, (missing.json.error as { reason?: string })?.reason]).toEqual([404, 'attention_not_found']);
    const bad = await call(s.app, 'PATCH', `/statements/${statementId}/attention/x`, {
      as: alice,
      body: { done: 'yes' },
    });
    expect([bad.status, bad.json.error?.code]).toEqual([400, 'validation_failed']);
  });

  it('replaces the list on the next migration (back to 2024-07)', async () => {
    const back = await migrate({ edition: '2024-07', dryRun: false });
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    const list = (await attention()).json.attention as Row[];
    expect(list.every((r) => r.fromEdition === '2025-01' && r.toEdition === '2024-07')).toBe(true);
    expect(list.some((r) => r.reason === 'removed' && r.fromId === '9.2.3.20')).toBe(false);
  });
});
