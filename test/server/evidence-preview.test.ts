import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, serverOver, type Caller, type TestServer } from '../support/server';
import { openTestEngine } from '../support/engines';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { fsBlobStore } from '../../src/infra/fs-blob-store';

// What the evidence library page relies on: previews framed by the app run nothing (a sandboxing policy and
// nosniff on every inline answer), the list says the upload limit and whether the caller may add, and it narrows
// to the evidence of one statement item for the picker.
const PW = 'evidence-preview-password-1';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function upload(title: string, bytes: Uint8Array | string, name: string, type: string) {
  const form = new FormData();
  form.set('metadata', JSON.stringify({ title: { ja: title, en: title }, kind: 'record_log' }));
  form.set('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
  return form;
}
const directives = (header: string | null) =>
  new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k!, v.join(' ')]),
  );

describe('evidence previews and the library list for the web UI', () => {
  let s: TestServer;
  let dir: string;
  let editor: Caller;
  let viewer: Caller;
  let statementId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ismap-evidence-preview-'));
    s = serverOver(await openTestEngine('pglite'));
    s.deps.maxEvidenceBytes = 4096;
    s.deps.blobs = fsBlobStore(join(dir, 'blobs'), join(dir, 'tmp'));
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'preview', name: 'Preview' },
      [
        { email: 'ed@preview.test', role: 'editor' },
        { email: 'vi@preview.test', role: 'viewer' },
      ],
      PW,
    );
    await syncBundledCatalogs(s.deps, { actor: systemActor, requestId: null }, await loadBundledContent());
    editor = await login(s.app, 'ed@preview.test', PW);
    viewer = await login(s.app, 'vi@preview.test', PW);
    const svc = await call(s.app, 'POST', '/cloud-services', {
      as: editor,
      body: { name: { ja: 'プレビュー', en: 'Preview' }, model: 'saas', track: 'ismap' },
    });
    const st = await call(s.app, 'POST', `/cloud-services/${svc.json.id as string}/statements`, {
      as: editor,
      body: { catalog: 'ismap', edition: '2024-07', period: { start: '2026-04-01', end: '2027-03-31' } },
    });
    expect(st.status, JSON.stringify(st.json)).toBe(201);
    statementId = st.json.id as string;
  });
  afterAll(async () => {
    await s?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const content = (id: string, inline: boolean) =>
    s.app.request(`/api/v1/evidence/${id}/versions/1/content${inline ? '?inline=true' : ''}`, {
      headers: { cookie: editor.cookie },
    });

  it('serves inline PDF and image previews with a sandboxing policy and nosniff', async () => {
    for (const [name, type, bytes] of [
      ['policy.pdf', 'application/pdf', '%PDF-1.4 preview'],
      ['diagram.png', 'image/png', PNG],
    ] as const) {
      const up = await call(s.app, 'POST', '/evidence', { as: editor, form: upload(name, bytes, name, type) });
      expect(up.status, JSON.stringify(up.json)).toBe(201);
      const res = await content(up.json.id as string, true);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.has('sandbox')).toBe(true);
      expect(csp.get('sandbox')).toBe('');
      expect(csp.get('default-src')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'self'");
      expect(csp.has('script-src')).toBe(false);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      await res.arrayBuffer();
    }
  });

  it('never previews HTML or SVG: they download as octet-stream under the strict policy, with nosniff', async () => {
    for (const [name, type] of [
      ['page.html', 'text/html'],
      ['drawing.svg', 'image/svg+xml'],
    ] as const) {
      const up = await call(s.app, 'POST', '/evidence', {
        as: editor,
        form: upload(name, '<svg onload="alert(1)"><script>alert(1)</script></svg>', name, type),
      });
      expect(up.status, JSON.stringify(up.json)).toBe(201);
      const res = await content(up.json.id as string, true);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.has('sandbox')).toBe(false);
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      await res.arrayBuffer();
    }
  });

  it('lists the upload limit and who may add; refuses a file over the limit before storing it', async () => {
    const mine = await call(s.app, 'GET', '/evidence', { as: editor });
    expect(mine.json).toMatchObject({ maxFileBytes: 4096, abilities: { read: true, create: true } });
    const theirs = await call(s.app, 'GET', '/evidence', { as: viewer });
    expect(theirs.json).toMatchObject({ maxFileBytes: 4096, abilities: { read: true, create: false } });
    const big = await call(s.app, 'POST', '/evidence', {
      as: editor,
      form: upload('big', 'x'.repeat(5000), 'big.pdf', 'application/pdf'),
    });
    expect(big.status).toBe(413);
    expect(big.json.error).toMatchObject({ code: 'payload_too_large', reason: 'upload_too_large' });
    const after = await call(s.app, 'GET', '/evidence', { as: editor });
    expect((after.json.evidence as unknown[]).length).toBe((mine.json.evidence as unknown[]).length);
  });

  it('narrows the list to the evidence linked to one statement item', async () => {
    const items = await call(s.app, 'GET', `/statements/${statementId}/evidence-freshness`, { as: editor });
    const [first, second] = (items.json.items as { itemId: string }[]).map((i) => i.itemId);
    const a = await call(s.app, 'POST', '/evidence', { as: editor, form: upload('a', 'a', 'a.txt', 'text/plain') });
    const b = await call(s.app, 'POST', '/evidence', { as: editor, form: upload('b', 'b', 'b.txt', 'text/plain') });
    const [idA, idB] = [a.json.id as string, b.json.id as string];
    for (const [id, itemId] of [
      [idA, first],
      [idB, second],
    ] as const) {
      const link = await call(s.app, 'POST', `/evidence/${id}/links`, { as: editor, body: { statementId, itemId } });
      expect(link.status, JSON.stringify(link.json)).toBe(200);
    }
    const linked = async (itemId: string) =>
      (
        (
          await call(s.app, 'GET', `/evidence?statementId=${statementId}&itemId=${encodeURIComponent(itemId)}`, {
            as: viewer,
          })
        ).json.evidence as { id: string }[]
      ).map((e) => e.id);
    expect(await linked(first!)).toEqual([idA]);
    expect(await linked(second!)).toEqual([idB]);
    expect(await linked('99.9')).toEqual([]);
  });
});
