import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, startTestServer, type Caller, type TestServer } from '../support/server';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { readStatementXlsx, writeStatementXlsx } from '../../src/formats/statement';

const PW = 'statement-files-password-1';

describe('statement exports and workbook import over HTTP', () => {
  let s: TestServer;
  let alice: Caller;
  let statementId: string;

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
    const st = await call(s.app, 'POST', `/cloud-services/${svc.json.id as string}/statements`, {
      as: alice,
      body: { catalog: 'ismap', edition: '2024-07', period: { start: '2025-04-01', end: '2026-03-31' } },
    });
    statementId = st.json.id as string;
    const put = await call(s.app, 'PUT', `/statements/${statementId}/items/5.1.1`, {
      as: alice,
      body: {
        version: 0,
        selection: null,
        reason: null,
        inheritedFrom: null,
        status: 'implemented',
        owner: '山田',
        control: { ja: '=1+1 方針を定める' },
      },
    });
    expect(put.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const raw = (path: string, init: RequestInit = {}) =>
    s.app.request(`/api/v1${path}`, {
      ...init,
      headers: { cookie: alice.cookie, 'x-csrf-token': alice.csrf, ...(init.headers ?? {}) },
    });
  const upload = (bytes: Uint8Array, fields: Record<string, string>) => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]), 'edited.xlsx');
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return call(s.app, 'POST', `/statements/${statementId}/import`, { as: alice, form });
  };

  it('exports the workbook, which reads back with the stored answers; PDF and CSV download too', async () => {
    const res = await raw(`/statements/${statementId}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('statement-acme-saas-2024-07.xlsx');
    const book = await readStatementXlsx(Buffer.from(await res.arrayBuffer()));
    expect(book.issues).toEqual([]);
    expect(book.doc?.items.find((i) => i.criterion.id === '5.1.1')?.answer).toMatchObject({
      control: { ja: '=1+1 方針を定める' },
      version: 1,
    });
    const pdf = await raw(`/statements/${statementId}/report.pdf?lang=ja`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const csv = await raw(`/statements/${statementId}/blockers.csv?lang=en`);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await s.deps.uow.read.audit.count({ action: 'statement.export', targetId: statementId })).toBe(3);
  });

  it('imports an edited workbook: a dry run shows the diff and writes nothing; confirming writes one audit event', async () => {
    const res = await raw(`/statements/${statementId}/export.xlsx`);
    const book = await readStatementXlsx(Buffer.from(await res.arrayBuffer()));
    const doc = book.doc!;
    const edit = (id: string, f: (a: (typeof doc.items)[number]['answer']) => void) =>
      f(doc.items.find((i) => i.criterion.id === id)!.answer);
    edit('5.1.2', (a) => Object.assign(a, { status: 'implemented', control: { ja: '規程を整備' } }));
    edit('3.1.2.1', (a) => Object.assign(a, { owner: '経営企画部' }));
    doc.statement.specialNotes = { ja: '特記事項あり' };
    const edited = await writeStatementXlsx(doc);
    const before = await s.deps.uow.read.audit.count();

    const dry = await upload(edited, { dryRun: 'true' });
    expect(dry.status, JSON.stringify(dry.json).slice(0, 400)).toBe(200);
    const diff = dry.json.diff as { items: { itemId: string }[]; header: { field: string }[] };
    expect(dry.json.applied).toBe(false);
    expect(diff.items.map((i) => i.itemId).sort()).toEqual(['3.1.2.1', '5.1.2']);
    expect(diff.header.map((h) => h.field)).toEqual(['statement.specialNotes.ja']);
    expect(await s.deps.uow.read.statements.item(statementId, '5.1.2')).toBeNull();
    expect(await s.deps.uow.read.audit.count()).toBe(before);

    const done = await upload(edited, { dryRun: 'false' });
    expect(done.status, JSON.stringify(done.json).slice(0, 400)).toBe(200);
    expect(done.json).toMatchObject({ applied: true, written: 2 });
    expect(await s.deps.uow.read.audit.count()).toBe(before + 1);
    expect((await s.deps.uow.read.statements.item(statementId, '5.1.2'))?.control).toEqual({ ja: '規程を整備' });
    expect((await s.deps.uow.read.statements.get(statementId))?.specialNotes).toEqual({ ja: '特記事項あり' });

    // Someone changes 5.1.2 afterwards: the same workbook (exported before) is now stale for it and is refused whole.
    const put = await call(s.app, 'PUT', `/statements/${statementId}/items/5.1.2`, {
      as: alice,
      body: {
        version: 1,
        selection: null,
        reason: null,
        inheritedFrom: null,
        status: 'implemented',
        owner: null,
        control: { ja: '別の人の変更' },
      },
    });
    expect(put.status).toBe(200);
    const stale = await upload(edited, { dryRun: 'false' });
    expect([stale.status, stale.json.error?.code]).toEqual([400, 'validation_failed']);
    expect((stale.json.error as unknown as { issues: { code: string }[] }).issues.map((x) => x.code)).toEqual([
      'item_version_stale',
    ]);
    expect((await s.deps.uow.read.statements.item(statementId, '5.1.2'))?.control).toEqual({ ja: '別の人の変更' });
  });

  it('refuses a file that is not a statement workbook with located issues, and a missing file', async () => {
    const bad = await upload(new TextEncoder().encode('id,text\n1,2\n'), { dryRun: 'true' });
    expect([bad.status, bad.json.error?.code]).toEqual([422, 'import_failed']);
    const form = new FormData();
    form.set('dryRun', 'true');
    const none = await call(s.app, 'POST', `/statements/${statementId}/import`, { as: alice, form });
    expect([none.status, none.json.error?.code]).toEqual([400, 'validation_failed']);
  });
});
