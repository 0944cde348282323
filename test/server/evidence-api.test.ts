import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, serverOver, type Caller, type TestServer } from '../support/server';
import { openTestEngine } from '../support/engines';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { fsBlobStore } from '../../src/infra/fs-blob-store';
import { verifyEvidenceStore } from '../../src/app/use-cases/evidence/verify-evidence-store';

const PW = 'evidence-api-password-1';
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

function upload(metadata: unknown, bytes: string, name = '方針.pdf', type = 'application/pdf') {
  const form = new FormData();
  if (metadata !== undefined) form.set('metadata', JSON.stringify(metadata));
  form.set('file', new Blob([bytes], { type }), name);
  return form;
}

describe('evidence over HTTP (filesystem store)', () => {
  let s: TestServer;
  let dir: string;
  let alice: Caller;
  let viewer: Caller;
  let rival: Caller;
  let statementId: string;
  let now = new Date('2026-05-01T09:00:00Z');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ismap-evidence-api-'));
    s = serverOver(await openTestEngine('pglite'), { now: () => now });
    s.deps.blobs = fsBlobStore(join(dir, 'blobs'), join(dir, 'tmp'));
    s.deps.logger = pino({ level: process.env.EVIDENCE_TEST_LOG ?? 'silent' });
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
    const svc = await call(s.app, 'POST', '/cloud-services', {
      as: alice,
      body: { name: { ja: 'アクメ SaaS', en: 'Acme SaaS' }, model: 'saas', track: 'ismap' },
    });
    const st = await call(s.app, 'POST', `/cloud-services/${svc.json.id as string}/statements`, {
      as: alice,
      body: { catalog: 'ismap', edition: '2024-07', period: { start: '2026-04-01', end: '2027-03-31' } },
    });
    expect(st.status, JSON.stringify(st.json)).toBe(201);
    statementId = st.json.id as string;
  });
  afterAll(async () => {
    await s?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads an evidence, stores it by SHA-256, and downloads the same bytes with their digest', async () => {
    const bytes = '%PDF-1.4 policy text';
    const res = await call(s.app, 'POST', '/evidence', {
      as: alice,
      form: upload(
        { title: { ja: '情報セキュリティ基本方針', en: 'Security policy' }, kind: 'policy', tags: ['方針'] },
        bytes,
      ),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({
      kind: 'policy',
      reviewFrequency: 'yearly',
      reviewedOn: '2026-05-01',
      currentVersion: 1,
      freshness: { state: 'fresh', reviewDue: '2027-05-01' },
      versions: [
        { number: 1, sha256: sha(bytes), size: bytes.length, fileName: '方針.pdf', mediaType: 'application/pdf' },
      ],
      abilities: { read: true, upload: true },
    });
    const id = res.json.id as string;
    const dl = await s.app.request(`/api/v1/evidence/${id}/versions/1/content?inline=true`, {
      headers: { cookie: alice.cookie },
    });
    expect(dl.status).toBe(200);
    expect(await dl.text()).toBe(bytes);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-disposition')).toContain("filename*=UTF-8''%E6%96%B9%E9%87%9D.pdf");
    expect(dl.headers.get('etag')).toBe(`"${sha(bytes)}"`);
    // Another CSP does not see it at all.
    expect((await call(s.app, 'GET', `/evidence/${id}`, { as: rival })).status).toBe(404);
    expect((await call(s.app, 'GET', '/evidence', { as: rival })).json).toMatchObject({ evidence: [] });
  });

  it('refuses bad metadata before taking the file, with the field; nothing is stored', async () => {
    const before = await verifyEvidenceStore(s.deps);
    const res = await call(s.app, 'POST', '/evidence', {
      as: alice,
      form: upload({ title: { ja: '', en: '' }, kind: 'poster' }, 'x'.repeat(10_000)),
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'validation_failed' });
    const paths = (res.json.error as unknown as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['form.metadata.kind', 'form.metadata.title.ja']));
    const noMeta = await call(s.app, 'POST', '/evidence', { as: alice, form: upload(undefined, 'y') });
    expect(noMeta.status).toBe(400);
    const after = await verifyEvidenceStore(s.deps);
    expect(after.orphaned).toBe(before.orphaned);
    expect(
      (
        await call(s.app, 'POST', '/evidence', {
          as: viewer,
          form: upload({ title: { ja: 'x', en: '' }, kind: 'policy' }, 'z'),
        })
      ).status,
    ).toBe(403);
  });

  it('keeps every version, links items, flags stale after the clock moves, and refuses retiring while the period is open', async () => {
    const created = await call(s.app, 'POST', '/evidence', {
      as: alice,
      form: upload(
        { title: { ja: 'ファイアウォール設定', en: 'Firewall settings' }, kind: 'setting' },
        'v1',
        'fw.png',
        'image/png',
      ),
    });
    const id = created.json.id as string;
    const v2 = await call(s.app, 'POST', `/evidence/${id}/versions`, {
      as: alice,
      form: (() => {
        const f = new FormData();
        f.set('note', '年次見直し');
        f.set('file', new Blob(['v2'], { type: 'image/png' }), 'fw-2026.png');
        return f;
      })(),
    });
    expect(v2.status, JSON.stringify(v2.json)).toBe(201);
    expect((v2.json.versions as { sha256: string }[]).map((v) => v.sha256)).toEqual([sha('v1'), sha('v2')]);
    const one = await s.app.request(`/api/v1/evidence/${id}/versions/1/content`, { headers: { cookie: alice.cookie } });
    expect(await one.text()).toBe('v1');

    const initial = await call(s.app, 'GET', `/statements/${statementId}/evidence-freshness`, { as: alice });
    expect(initial.status, JSON.stringify(initial.json)).toBe(200);
    const itemId = (initial.json.items as { itemId: string }[])[0]!.itemId;
    const link = await call(s.app, 'POST', `/evidence/${id}/links`, {
      as: alice,
      body: { statementId, itemId },
    });
    expect(link.status, JSON.stringify(link.json)).toBe(200);
    expect(link.json.changed).toBe(true);
    const unknownItem = await call(s.app, 'POST', `/evidence/${id}/links`, {
      as: alice,
      body: { statementId, itemId: '99.9' },
    });
    expect(unknownItem.status).toBe(404);
    expect(
      (await call(s.app, 'POST', `/evidence/${id}/links`, { as: rival, body: { statementId, itemId } })).status,
    ).toBe(404);

    const fresh = await call(s.app, 'GET', `/statements/${statementId}/evidence-freshness`, { as: alice });
    const item = (fresh.json.items as { itemId: string; state: string }[]).find((i) => i.itemId === itemId);
    expect(item).toMatchObject({ state: 'fresh' });
    const summary = fresh.json.summary as {
      items: number;
      withoutEvidence: number;
      withStale: number;
      warnings: number;
    };
    expect(summary.withoutEvidence).toBeGreaterThan(100);
    // One item has (fresh) evidence; every other in-scope item is a warning.
    expect(summary).toMatchObject({ withStale: 0, warnings: summary.items - 1 });

    const reviewed = await call(s.app, 'PATCH', `/evidence/${id}`, {
      as: alice,
      body: { version: 2, reviewedOn: '2026-03-01' },
    });
    expect(reviewed.status, JSON.stringify(reviewed.json)).toBe(200);
    // Past the review date (a year after 2026-03-01) but inside the audit period; sessions idle out, so sign in again.
    now = new Date('2027-03-20T09:00:00Z');
    try {
      const late = await login(s.app, 'alice@acme.test', PW);
      const stale = await call(s.app, 'GET', `/evidence/${id}`, { as: late });
      expect(stale.json.freshness).toMatchObject({ state: 'stale', reasons: ['review_overdue'] });
      const later = await call(s.app, 'GET', `/statements/${statementId}/evidence-freshness`, { as: late });
      expect((later.json.items as { itemId: string; state: string }[]).find((i) => i.itemId === itemId)).toMatchObject({
        state: 'stale',
      });
      // The stale item is still a warning, now counted as stale.
      const late2 = later.json.summary as { withoutEvidence: number; withStale: number; warnings: number };
      expect(late2).toMatchObject({ withStale: 1, warnings: late2.withoutEvidence + 1 });
    } finally {
      now = new Date('2026-05-01T09:00:00Z');
    }

    const refused = await call(s.app, 'POST', `/evidence/${id}/retire`, {
      as: alice,
      body: { version: 3, reason: '不要' },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ reason: 'evidence_in_open_period' });
    await call(s.app, 'POST', `/evidence/${id}/links/remove`, { as: alice, body: { statementId, itemId } });
    const retired = await call(s.app, 'POST', `/evidence/${id}/retire`, {
      as: alice,
      body: { version: 3, reason: '不要' },
    });
    expect(retired.status, JSON.stringify(retired.json)).toBe(200);
    expect(retired.json).toMatchObject({ retireReason: '不要', abilities: { upload: false } });
    // Retired, not erased: still readable with every version.
    expect(((await call(s.app, 'GET', `/evidence/${id}`, { as: alice })).json.versions as unknown[]).length).toBe(2);
    const listed = await call(s.app, 'GET', '/evidence', { as: alice });
    expect((listed.json.evidence as { id: string }[]).some((e) => e.id === id)).toBe(false);
  });

  it('refuses and audits a download whose stored bytes were altered; verify reports it', async () => {
    const bytes = 'record of access reviews '.repeat(1000);
    const created = await call(s.app, 'POST', '/evidence', {
      as: alice,
      form: upload(
        { title: { ja: 'アクセスレビュー記録', en: 'Access review log' }, kind: 'record_log' },
        bytes,
        'log.txt',
        'text/plain',
      ),
    });
    const id = created.json.id as string;
    const h = sha(bytes);
    await writeFile(join(dir, 'blobs', 'sha256', h.slice(0, 2), h.slice(2, 4), h), bytes.replace('access', 'ACCESS'));
    // A file that fits in one read is wholly checked before the answer starts: a stable JSON error, no 200.
    const res = await call(s.app, 'GET', `/evidence/${id}/versions/1/content`, { as: alice });
    expect(res.status).toBe(500);
    expect(res.json.error).toMatchObject({ code: 'integrity_failed', reason: 'evidence_blob_corrupted' });
    expect(JSON.stringify(res.json)).not.toMatch(/at .*\.ts|BlobIntegrityError/);
    const events = await s.deps.uow.read.audit.query({ action: 'evidence.integrity_failure', targetId: id, limit: 5 });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ state: 'corrupted', expected: { sha256: h } });
    const report = await verifyEvidenceStore(s.deps);
    expect(report.problems).toContainEqual(expect.objectContaining({ sha256: h, state: 'corrupted' }));
    // A truncated blob is refused before the first byte.
    await writeFile(join(dir, 'blobs', 'sha256', h.slice(0, 2), h.slice(2, 4), h), 'short');
    const cut = await call(s.app, 'GET', `/evidence/${id}/versions/1/content`, { as: alice });
    expect(cut.status).toBe(500);
    expect(cut.json.error).toMatchObject({ code: 'integrity_failed', reason: 'evidence_blob_corrupted' });
  });

  it('cuts a longer altered file short before its last chunk (it cannot be checked before the answer starts)', async () => {
    const bytes = 'x'.repeat(3 * 1024 * 1024);
    const created = await call(s.app, 'POST', '/evidence', {
      as: alice,
      form: upload(
        { title: { ja: '大きな記録', en: 'Large log' }, kind: 'record_log' },
        bytes,
        'big.txt',
        'text/plain',
      ),
    });
    const id = created.json.id as string;
    const h = sha(bytes);
    await writeFile(join(dir, 'blobs', 'sha256', h.slice(0, 2), h.slice(2, 4), h), 'y' + bytes.slice(1));
    const res = await s.app.request(`/api/v1/evidence/${id}/versions/1/content`, { headers: { cookie: alice.cookie } });
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    const events = await s.deps.uow.read.audit.query({ action: 'evidence.integrity_failure', targetId: id, limit: 5 });
    expect(events).toHaveLength(1);
  });
});
