import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, login, organizationWithMembers, startTestServer, type Caller, type TestServer } from '../support/server';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { resolveProfileFile, validateOscalDocument } from '../../src/formats/oscal';
import { compareIds } from '../../src/core/catalog/ids';
import { systemActor } from '../../src/core/identity';

const PW = 'catalog-api-password-1';

function upload(name: string, data: Buffer | string, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

describe('catalog and mapping API', () => {
  let s: TestServer;
  let ipa: Caller;
  let csp: Caller;
  beforeAll(async () => {
    s = await startTestServer();
    const sys = { actor: systemActor, requestId: null };
    await organizationWithMembers(
      s,
      { kind: 'secretariat', slug: 'ipa', name: 'IPA' },
      [{ email: 'editor@ipa.test', role: 'editor' }],
      PW,
    );
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'cloud', name: 'Cloud' },
      [{ email: 'editor@csp.test', role: 'editor' }],
      PW,
    );
    await syncBundledCatalogs(s.deps, sys, await loadBundledContent());
    ipa = await login(s.app, 'editor@ipa.test', PW);
    csp = await login(s.app, 'editor@csp.test', PW);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists editions with counts and the caller’s abilities', async () => {
    const r = await call(s.app, 'GET', '/catalogs', { as: csp });
    const body = r.json as {
      editions: { catalog: string; countsByKind: Record<string, number>; mandatoryCount: number }[];
      abilities: Record<string, boolean>;
    };
    expect(body.editions.find((e) => e.catalog === 'ismap')).toMatchObject({
      countsByKind: { objective: 121, detailed: 1081 },
      mandatoryCount: 234,
    });
    expect(body.abilities).toMatchObject({ read: true, importText: false, addMapping: true });
    const mine = await call(s.app, 'GET', '/catalogs', { as: ipa });
    expect((mine.json as { abilities: Record<string, boolean> }).abilities.importText).toBe(true);
  });

  it('answers 422 with every row-level issue for a broken upload and writes nothing', async () => {
    const before = await s.deps.uow.read.audit.count();
    const form = upload('broken.csv', 'id,text\n9.2.3,テキスト\n9.2.3,重複\nxyz,本文\n99.9.9,未知\n', {
      edition: '2024-07',
      lang: 'ja',
    });
    const r = await call(s.app, 'POST', '/catalogs/ismap/import-text', { as: ipa, form });
    expect(r.status).toBe(422);
    const issues = (
      r.json.error as unknown as { issues: { row: number; column: string; code: string; file: string }[] }
    ).issues;
    expect(issues.filter((i) => i.code !== 'language_mismatch').map((i) => [i.file, i.row, i.column, i.code])).toEqual([
      ['broken.csv', 3, 'A', 'duplicate_id'],
      ['broken.csv', 4, 'A', 'invalid_id'],
      ['broken.csv', 5, 'A', 'unknown_id'],
    ]);
    expect(await s.deps.uow.read.audit.count()).toBe(before);
  });

  it('refuses text import to a CSP editor before reading the upload', async () => {
    const r = await call(s.app, 'POST', '/catalogs/ismap/import-text', {
      as: csp,
      form: upload('x.csv', 'id,text\n9.2.3,x\n', { edition: '2024-07' }),
    });
    expect(r.status).toBe(403);
  });

  it('imports Japanese texts (CP932) from an upload, then finds them by a Japanese query and loose ids', async () => {
    const csv = iconv.encode(
      '管理策番号,詳細管理策\r\n9.2.3.11.PB,特権的アクセス権を持つ利用者IDを定期的に棚卸しする。\r\n',
      'cp932',
    );
    const dry = await call(s.app, 'POST', '/catalogs/ismap/import-text', {
      as: ipa,
      form: upload('基準.csv', csv, { edition: '2024-07', lang: 'ja', dryRun: 'true' }),
    });
    expect(dry.status, JSON.stringify(dry.json)).toBe(200);
    expect(dry.json).toMatchObject({
      written: false,
      encoding: 'cp932',
      counts: { matched: 1 },
      detection: { columns: { id: { letter: 'A' }, text: { letter: 'B' } } },
    });
    const r = await call(s.app, 'POST', '/catalogs/ismap/import-text', {
      as: ipa,
      form: upload('基準.csv', csv, { edition: '2024-07', lang: 'ja' }),
    });
    expect(r.json).toMatchObject({ written: true, file: '基準.csv' });

    const ja = await call(s.app, 'GET', `/search?q=${encodeURIComponent('利用者IDを定期的に棚卸し')}&catalog=ismap`, {
      as: csp,
    });
    const hits = (ja.json as { hits: { id: string; matchedIn: string; lang?: string }[] }).hits;
    expect(hits[0]).toMatchObject({ id: '9.2.3.11.PB', matchedIn: 'text', lang: 'ja' });
    const loose = await call(s.app, 'GET', '/search?q=9.2.3.11pb', { as: csp });
    expect((loose.json as { hits: { key: string }[] }).hits[0]?.key).toBe('ismap:2024-07:9.2.3.11.PB');
    const nist = await call(s.app, 'GET', '/search?q=ac-2.1&limit=3', { as: csp });
    expect((nist.json as { hits: { id: string }[] }).hits[0]?.id).toBe('ac-2.1');

    const node = await call(s.app, 'GET', '/catalogs/ismap/editions/2024-07/nodes/9.2.3.11.PB', { as: csp });
    expect(node.json).toMatchObject({
      node: {
        flags: ['P', 'B'],
        text: { ja: '特権的アクセス権を持つ利用者IDを定期的に棚卸しする。' },
        textSource: { ja: expect.stringMatching(/^基準\.csv \(/) },
      },
      mandatory: true,
    });
    expect((node.json as { ancestors: { id: string }[] }).ancestors.map((a) => a.id)).toEqual([
      'tier:controls',
      '9',
      '9.2',
      '9.2.3',
    ]);
  });

  it('returns the tree with descendant counts', async () => {
    const r = await call(s.app, 'GET', '/catalogs/ismap/editions/2024-07/nodes?parent=9', { as: csp });
    const nodes = (r.json as { nodes: { node: { id: string }; descendants: Record<string, number> }[] }).nodes;
    expect(nodes.map((n) => n.node.id)).toEqual(['9.1', '9.2', '9.3', '9.4', '9.5.P']);
    expect(nodes[1]!.descendants.objective).toBe(6);
    expect((await call(s.app, 'GET', '/catalogs/ismap/editions/2024-07/nodes?parent=nope', { as: csp })).status).toBe(
      404,
    );
  });

  it('finds mapping paths with each link’s provenance, grouped by target', async () => {
    const r = await call(s.app, 'GET', '/mappings/paths?from=ismap:9.2.3&to=nist-800-53r5&via=iso27001-2013', {
      as: csp,
    });
    const body = r.json as {
      from: string;
      paths: { links: { provenance: { document: string } }[] }[];
      targets: { target: string; relationship: string }[];
    };
    expect(body.from).toBe('ismap:2024-07:9.2.3');
    expect(body.targets.map((t) => t.target)).toContain('nist-800-53r5:5.1.1:ac-2');
    expect(body.paths[0]!.links[0]!.provenance.document).toBe('content/ismap/criteria-skeleton.json');
    expect((await call(s.app, 'GET', '/mappings/paths?from=99.99&to=nist-800-53r5', { as: csp })).status).toBe(404);
  });

  it('adds and deletes a manual mapping, with audit events and abilities on the node', async () => {
    const add = await call(s.app, 'POST', '/mappings', {
      as: csp,
      body: { source: '9.2.3', target: 'nist-800-53r5:AC-6(5)', relationship: 'intersects-with', note: 'our reading' },
    });
    expect(add.status, JSON.stringify(add.json)).toBe(201);
    expect(add.json).toMatchObject({
      source: 'ismap:2024-07:9.2.3',
      target: 'nist-800-53r5:5.1.1:ac-6.5',
      provenance: { method: 'manual' },
    });
    const node = await call(s.app, 'GET', '/catalogs/ismap/editions/2024-07/nodes/9.2.3', { as: csp });
    const mine = (node.json as { mappingsOut: { id: string; abilities: { delete: boolean } }[] }).mappingsOut.find(
      (m) => m.id === add.json.id,
    );
    expect(mine?.abilities.delete).toBe(false); // an editor records; only the organization's admins delete
    const paths = await call(s.app, 'GET', '/mappings/paths?from=9.2.3&to=nist-800-53r5&via=', { as: csp });
    expect((paths.json as { targets: { target: string }[] }).targets.map((t) => t.target)).toContain(
      'nist-800-53r5:5.1.1:ac-6.5',
    );
    expect((await call(s.app, 'DELETE', `/mappings/${String(add.json.id)}`, { as: csp })).status).toBe(403);
    const pa = await login(s.app, 'editor@ipa.test', PW);
    // Another organization's manual mapping is private to it: not even found.
    expect((await call(s.app, 'DELETE', `/mappings/${String(add.json.id)}`, { as: pa })).status).toBe(404);
    await createUser(
      s.deps,
      { actor: systemActor, requestId: null },
      { email: 'root@x.test', displayName: 'root', password: PW, isPlatformAdmin: true },
    );
    const root = await login(s.app, 'root@x.test', PW);
    expect((await call(s.app, 'DELETE', `/mappings/${String(add.json.id)}`, { as: root })).status).toBe(204);
    const events = await s.deps.uow.read.audit.query({ action: 'mapping.*', order: 'asc', limit: 10 });
    expect(events.map((e) => [e.action, e.targetId])).toEqual([
      ['mapping.create', add.json.id],
      ['mapping.delete', add.json.id],
    ]);
  });

  it('exports a mapping set as a schema-valid OSCAL mapping-collection and imports it back', async () => {
    const exp = await call(s.app, 'GET', '/mapping-sets/ismap-2024-07_iso27001-2013_numbering/export', { as: csp });
    expect(exp.status).toBe(200);
    const v = validateOscalDocument(exp.json);
    expect(v.errors).toEqual([]);
    expect(v).toMatchObject({ valid: true, model: 'mapping-collection', version: '1.2.1' });
    const imp = await call(s.app, 'POST', '/mapping-sets/import', { as: ipa, body: exp.json });
    expect(imp.status, JSON.stringify(imp.json)).toBe(201);
    expect(imp.json).toMatchObject({ mappings: 114, replaced: false });
    const again = await call(s.app, 'POST', '/mapping-sets/import', { as: ipa, body: exp.json });
    expect(again.json).toMatchObject({ replaced: true });
    const broken = structuredClone(exp.json) as {
      'mapping-collection': { mappings: { maps: { sources: { 'id-ref': string }[] }[] }[] };
    };
    broken['mapping-collection'].mappings[0]!.maps[0]!.sources[0]!['id-ref'] = '99.99.99';
    const bad = await call(s.app, 'POST', '/mapping-sets/import', { as: ipa, body: broken });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toMatch(/unknown node ismap:2024-07:99\.99\.99/);
    expect(bad.json.error).toMatchObject({ reason: 'mapping_collection_invalid', params: { count: 1 } });
    expect((bad.json.error as unknown as { issues: unknown[] }).issues).toEqual([
      expect.objectContaining({ code: 'unknown_node', params: { node: 'ismap:2024-07:99.99.99' } }),
    ]);
    // A document the schema rejects: 422 with the reason, and each problem's JSON path, code and params.
    const invalid = structuredClone(exp.json) as { 'mapping-collection': Record<string, unknown> };
    delete invalid['mapping-collection']['uuid'];
    invalid['mapping-collection']['surplus'] = true;
    const schema = await call(s.app, 'POST', '/mapping-sets/import', { as: ipa, body: invalid });
    expect(schema.status).toBe(422);
    expect(schema.json.error).toMatchObject({ reason: 'oscal_invalid', params: { model: 'mapping-collection' } });
    expect((schema.json.error as unknown as { issues: unknown[] }).issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['$.mapping-collection.uuid'], code: 'oscal_required', params: {} }),
        expect.objectContaining({ path: ['$.mapping-collection.surplus'], code: 'oscal_not_allowed' }),
      ]),
    );
  });

  it('exports an edition as OSCAL and diffs two editions', async () => {
    const exp = await call(s.app, 'GET', '/catalogs/ismap/editions/2024-07/export', { as: csp });
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-disposition')).toMatch(/ismap-2024-07\.oscal\.json/);
    expect(Object.keys(exp.json)).toEqual(['catalog']);
    const liu = await call(s.app, 'GET', '/catalogs/ismap/editions/2024-07/export?profile=liu', { as: csp });
    expect(liu.status).toBe(400);
    const diff = await call(s.app, 'GET', '/catalogs/ismap/diff?from=2024-07&to=2024-07', { as: csp });
    expect(diff.json).toMatchObject({ added: [], removed: [], changed: [], unchangedCount: 1371 });
  });

  it('downloads a catalog and its basic-requirements profile that resolve side by side', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ismap-profile-'));
    try {
      const saved: string[] = [];
      for (const query of ['', '?profile=basic']) {
        const r = await call(s.app, 'GET', `/catalogs/ismap/editions/2024-07/export${query}`, { as: csp });
        const name = /filename="([^"]+)"/.exec(r.headers.get('content-disposition') ?? '')![1]!;
        writeFileSync(join(dir, name), JSON.stringify(r.json));
        saved.push(name);
      }
      expect(saved).toEqual(['ismap-2024-07.oscal.json', 'ismap-2024-07-basic-profile.oscal.json']);
      const resolved = await resolveProfileFile(join(dir, saved[1]!));
      const ids: string[] = [];
      const walk = (items: { id: string; controls?: unknown[]; groups?: unknown[] }[] | undefined) => {
        for (const c of items ?? []) {
          if (!('groups' in c) || c.controls) ids.push(c.id);
          walk(c.controls as never);
          walk(c.groups as never);
        }
      };
      walk(resolved.catalog.catalog.groups as never);
      walk(resolved.catalog.catalog.controls as never);
      expect(ids.length).toBeGreaterThan(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists a node’s children and mappings in natural id order', async () => {
    const r = await call(s.app, 'GET', '/catalogs/ismap/editions/2024-07/nodes/9.2.3', { as: csp });
    const body = r.json as { children: { id: string }[]; mappingsIn: { source: string }[] };
    const kids = body.children.map((c) => c.id);
    expect(kids.slice(-3)).toEqual(['9.2.3.9', '9.2.3.10', '9.2.3.11.PB']);
    const sources = body.mappingsIn.map((m) => m.source);
    expect(sources).toEqual([...sources].sort(compareIds));
    expect(sources.indexOf('ismap:2024-07:9.2.3.2')).toBeLessThan(sources.indexOf('ismap:2024-07:9.2.3.10'));
  });

  it('folds baseline copies into their source control in search, unless the filter names the baseline', async () => {
    type Hit = { id: string; catalog: string; baselines?: string[] };
    const r = await call(s.app, 'GET', '/search?q=ac-2(1)', { as: csp });
    const hits = (r.json as { hits: Hit[] }).hits;
    expect(hits.filter((h) => h.id === 'ac-2.1').map((h) => h.catalog)).toEqual(['nist-800-53r4', 'nist-800-53r5']);
    expect(hits.some((h) => /-(low|moderate|high|privacy|li-saas)$/.test(h.catalog))).toBe(false);
    expect(hits.find((h) => h.catalog === 'nist-800-53r5')!.baselines).toEqual(
      expect.arrayContaining(['nist-800-53r5-moderate', 'nist-800-53r5-high', 'fedramp-rev5-high']),
    );
    const named = await call(s.app, 'GET', '/search?q=ac-2(1)&catalog=fedramp-rev5-high', { as: csp });
    expect((named.json as { hits: Hit[] }).hits[0]).toMatchObject({ catalog: 'fedramp-rev5-high', id: 'ac-2.1' });
    const nine = await call(s.app, 'GET', '/search?q=9.2.3', { as: csp });
    expect((nine.json as { hits: Hit[] }).hits[0]).toMatchObject({ catalog: 'ismap', id: '9.2.3' });
  });

  it('says when an upload will create an edition, and paths from the new edition go on through its base', async () => {
    const csv = 'id,text\n9.2.3,Privileged access rights shall be restricted and controlled.\n';
    const dry = await call(s.app, 'POST', '/catalogs/ismap/import-text', {
      as: ipa,
      form: upload('next.csv', csv, { edition: '2025-01', lang: 'en', dryRun: 'true' }),
    });
    expect(dry.json).toMatchObject({
      written: false,
      createdEdition: true,
      baseEdition: '2024-07',
      editionNote: 'will create edition 2025-01 from 2024-07',
    });
    const r = await call(s.app, 'POST', '/catalogs/ismap/import-text', {
      as: ipa,
      form: upload('next.csv', csv, { edition: '2025-01', lang: 'en' }),
    });
    expect(r.json).toMatchObject({
      written: true,
      editionNote: 'created edition 2025-01 from 2024-07',
      derivedMappingSets: [
        { id: 'succession:ismap:2024-07→2025-01', mappings: 1371 },
        { id: 'structure:ismap:2025-01' },
      ],
    });
    const paths = await call(s.app, 'GET', '/mappings/paths?from=ismap:9.2.3&to=fedramp-rev5-moderate', { as: csp });
    const body = paths.json as { from: string; targets: { target: string }[]; hint?: string };
    expect(body.from).toBe('ismap:2025-01:9.2.3');
    expect(body.targets.map((t) => t.target)).toContain('fedramp-rev5-moderate:2.1.0:ac-2');
    expect(body.hint).toBeUndefined();
    const short = await call(s.app, 'GET', '/mappings/paths?from=ismap:9.2.3&to=nist-800-53r5&maxDepth=2', { as: csp });
    expect(short.json).toMatchObject({
      paths: [],
      hint: 'no path from ismap:2025-01:9.2.3 to nist-800-53r5:5.1.1 within 2 links; try a larger maximum depth',
    });
    await s.deps.uow.transaction((t) => t.mappings.deleteSet('succession:ismap:2024-07→2025-01'));
    const orphan = await call(s.app, 'GET', '/mappings/paths?from=ismap:9.2.3&to=nist-800-53r5', { as: csp });
    expect(orphan.json).toMatchObject({
      paths: [],
      hint: 'edition 2025-01 has no mappings to nist-800-53r5; try ismap:2024-07:9.2.3',
    });
  });
});
