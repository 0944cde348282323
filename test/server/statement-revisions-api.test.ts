import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, startTestServer, type Caller, type TestServer } from '../support/server';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { readStatementXlsx, writeStatementXlsx } from '../../src/formats/statement';

const PW = 'statement-revisions-password-1';

interface Revision {
  effectiveDate: string;
  before: { ja?: string; en?: string };
  after: { ja?: string; en?: string };
  note: string | null;
}

/** Dated revisions of the individual control (個別管理策) and the readiness in the service's statement list. */
describe('control revisions and the statement list over HTTP', () => {
  let s: TestServer;
  let alice: Caller;
  let serviceId: string;
  let statementId: string;

  beforeAll(async () => {
    s = await startTestServer();
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'rev', name: 'Rev' },
      [{ email: 'alice@rev.test', role: 'editor' }],
      PW,
    );
    await syncBundledCatalogs(s.deps, { actor: systemActor, requestId: null }, await loadBundledContent());
    alice = await login(s.app, 'alice@rev.test', PW);
    const created = await call(s.app, 'POST', '/cloud-services', {
      as: alice,
      body: { name: { ja: '改訂 SaaS', en: 'Rev SaaS' }, model: 'saas', track: 'ismap' },
    });
    serviceId = created.json.id as string;
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

  const put = (itemId: string, body: Record<string, unknown>) =>
    call(s.app, 'PUT', `/statements/${statementId}/items/${itemId}`, {
      as: alice,
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
  const transition = (to: string) =>
    call(s.app, 'POST', `/statements/${statementId}/transitions`, { as: alice, body: { to } });

  it('records a control text change as a dated revision with the stored text as before', async () => {
    expect((await put('5.1.1', { version: 0, control: { ja: '初版' } })).status).toBe(200);
    const res = await put('5.1.1', {
      version: 1,
      control: { ja: '第2版', en: 'Second' },
      revision: { effectiveDate: '2025-06-01', note: '組織変更' },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ version: 2, revisionCount: 1 });
    expect(res.json.revisions).toEqual([
      {
        effectiveDate: '2025-06-01',
        before: { ja: '初版' },
        after: { ja: '第2版', en: 'Second' },
        note: '組織変更',
        recordedBy: expect.any(String),
      },
    ]);
    // Saving without a revision outside an audit keeps the history as it is.
    const plain = await put('5.1.1', { version: 2, control: { ja: '第2版', en: 'Second edition' } });
    expect((plain.json.revisions as Revision[]).length).toBe(1);
    const events = await s.deps.uow.read.audit.query({ action: 'statement.item_update', limit: 5 });
    expect(events.some((e) => (e.details as { revision?: string }).revision === '2025-06-01')).toBe(true);
  });

  it('refuses a revision of an unchanged text, and a revision beside a whole history', async () => {
    const same = await put('5.1.1', {
      version: 3,
      control: { ja: '第2版', en: 'Second edition' },
      revision: { effectiveDate: '2025-07-01', note: null },
    });
    expect([same.status, (same.json.error as { reason?: string })?.reason]).toEqual([400, 'revision_unchanged']);
    const both = await put('5.1.1', {
      version: 3,
      control: { ja: '第3版' },
      revisions: [],
      revision: { effectiveDate: '2025-07-01', note: null },
    });
    expect([both.status, both.json.error?.code]).toEqual([400, 'validation_failed']);
    expect((await call(s.app, 'GET', `/statements/${statementId}/items/5.1.1`, { as: alice })).json.version).toBe(3);
  });

  it('under audit changes the individual control only as a recorded change, noted with the reason and who', async () => {
    for (const to of ['ready_for_audit', 'under_audit']) expect((await transition(to)).status).toBe(200);
    // An autosave-style write that changes the control without a revision is refused, and nothing is written.
    const auto = await put('5.1.1', {
      version: 3,
      control: { ja: '監査中の変更', en: 'Second edition' },
      changeReason: '監査人の指摘',
    });
    expect([auto.status, (auto.json.error as { reason?: string })?.reason]).toEqual([400, 'revision_required']);
    expect((await call(s.app, 'GET', `/statements/${statementId}/items/5.1.1`, { as: alice })).json.version).toBe(3);
    // Other fields still save as they are typed (the control as stored), without a revision.
    const owner = await put('5.1.1', {
      version: 3,
      control: { ja: '第2版', en: 'Second edition' },
      owner: '情報システム部',
      changeReason: '担当変更',
    });
    expect(owner.status, JSON.stringify(owner.json)).toBe(200);
    expect((owner.json.revisions as Revision[]).length).toBe(1);
    // The explicit recorded change: dated, the reason as note, who recorded it.
    const recorded = await put('5.1.1', {
      version: 4,
      control: { ja: '監査中の変更', en: 'Second edition' },
      owner: '情報システム部',
      revision: { effectiveDate: '2025-08-15', note: '監査人の指摘' },
      changeReason: '監査人の指摘',
    });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(200);
    expect((recorded.json.revisions as Revision[]).at(-1)).toEqual({
      effectiveDate: '2025-08-15',
      before: { ja: '第2版', en: 'Second edition' },
      after: { ja: '監査中の変更', en: 'Second edition' },
      note: '監査人の指摘',
      recordedBy: expect.any(String),
    });
    const dated = await put('5.1.1', {
      version: 5,
      control: { ja: '監査中の変更2' },
      owner: '情報システム部',
      revision: { effectiveDate: '2025-09-01', note: '' },
      changeReason: '再指摘',
    });
    expect((dated.json.revisions as Revision[]).at(-1)).toMatchObject({ effectiveDate: '2025-09-01', note: '再指摘' });
    // A status change leaves the history alone; rewriting the history under audit is refused.
    const status = await put('5.1.1', {
      version: 6,
      control: { ja: '監査中の変更2' },
      owner: '情報システム部',
      status: 'in_progress',
      changeReason: '状況',
    });
    expect((status.json.revisions as Revision[]).length).toBe(3);
    const rewrite = await put('5.1.1', {
      version: 7,
      control: { ja: '監査中の変更2' },
      revisions: [],
      changeReason: '消したい',
    });
    expect([rewrite.status, (rewrite.json.error as { reason?: string })?.reason]).toEqual([
      400,
      'revision_history_locked',
    ]);
  });

  it('under audit records a control changed in an imported workbook, and refuses a rewritten history', async () => {
    const exported = await s.app.request(`/api/v1/statements/${statementId}/export.xlsx`, {
      headers: { cookie: alice.cookie },
    });
    const book = await readStatementXlsx(Buffer.from(await exported.arrayBuffer()));
    const answer = () => book.doc!.items.find((i) => i.criterion.id === '5.1.1')!.answer;
    const storedRevisions = structuredClone(answer().revisions);
    expect(storedRevisions).toHaveLength(3);
    answer().control = { ja: 'ワークブックで変更' };
    const upload = async (bytes: Uint8Array, fields: Record<string, string>) => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(bytes)]), 'audit.xlsx');
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return call(s.app, 'POST', `/statements/${statementId}/import`, { as: alice, form });
    };
    // The workbook's history is cut short: refused with the item, nothing written.
    const cut = structuredClone(book.doc!);
    cut.items.find((i) => i.criterion.id === '5.1.1')!.answer.revisions = storedRevisions.slice(0, 1);
    const refused = await upload(await writeStatementXlsx(cut), { dryRun: 'false', changeReason: '監査中の取込' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('revision_history_locked');
    const unchanged = await call(s.app, 'GET', `/statements/${statementId}/items/5.1.1`, { as: alice });
    expect(unchanged.json.control).toEqual({ ja: '監査中の変更2' });
    // The control changed without a revision in the workbook: the import records one, dated today in Japan.
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const done = await upload(await writeStatementXlsx(book.doc!), { dryRun: 'false', changeReason: '監査中の取込' });
    expect(done.status, JSON.stringify(done.json).slice(0, 400)).toBe(200);
    const item = await call(s.app, 'GET', `/statements/${statementId}/items/5.1.1`, { as: alice });
    const revisions = item.json.revisions as Revision[];
    expect(revisions).toHaveLength(4);
    expect(revisions.slice(0, 3)).toEqual(unchanged.json.revisions);
    expect(revisions[3]).toEqual({
      effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      before: { ja: '監査中の変更2' },
      after: { ja: 'ワークブックで変更' },
      note: '監査中の取込',
      recordedBy: expect.any(String),
    });
    // Across midnight in Japan the date may be the next day's; never an older one.
    expect(revisions[3]!.effectiveDate >= today).toBe(true);
  });

  it('lists statements with their readiness percent and blocker count', async () => {
    const list = await call(s.app, 'GET', `/cloud-services/${serviceId}/statements`, { as: alice });
    expect(list.status).toBe(200);
    const head = await call(s.app, 'GET', `/statements/${statementId}`, { as: alice });
    const r = head.json.readiness as { total: { percent: number }; blockerCount: number };
    expect((list.json.statements as { readiness: unknown }[])[0]!.readiness).toEqual({
      percent: r.total.percent,
      blockerCount: r.blockerCount,
      ready: false,
    });
    expect(r.blockerCount).toBeGreaterThan(0);
  });
});
