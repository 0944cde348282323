import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { call, login, organizationWithMembers, startTestServer, type Caller, type TestServer } from '../support/server';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';

const PW = 'import-text-api-password-1';
const THIRD_PARTY = readFileSync(
  new URL('../fixtures/third-party/ismap-criteria-2022-04-en.csv', import.meta.url),
  'utf8',
);

function upload(name: string, data: string, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set('file', new Blob([data]), name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

interface Result {
  ok: boolean;
  issues: { code: string; row?: number }[];
  issueTotal: number;
  issueCounts: Record<string, number>;
  counts: Record<string, number>;
  sample: {
    id: string;
    titleBefore: string | null;
    titleAfter: string | null;
    parents: { id: string; titleAfter: string }[];
  }[];
  detection: { columns: Record<string, { header: string } | null>; uncertain: { role: string; reason: string }[] };
  derivedMappingSets: { id: string }[];
  editionNote: string;
  olderThanBase: boolean;
}

describe('criteria text import of a third-party extraction', () => {
  let s: TestServer;
  let ipa: Caller;
  beforeAll(async () => {
    s = await startTestServer();
    const sys = { actor: systemActor, requestId: null };
    await organizationWithMembers(
      s,
      { kind: 'secretariat', slug: 'ipa', name: 'IPA' },
      [{ email: 'editor@ipa.test', role: 'editor' }],
      PW,
    );
    await syncBundledCatalogs(s.deps, sys, await loadBundledContent());
    ipa = await login(s.app, 'editor@ipa.test', PW);
  });
  afterAll(async () => {
    await s?.close();
  });

  const post = (name: string, data: string, fields: Record<string, string>) =>
    call(s.app, 'POST', '/catalogs/ismap/import-text', { as: ipa, form: upload(name, data, fields) });

  it('keeps item titles, titles the parents, and creates 2022-04 as the older edition', async () => {
    const dry = await post('criteria.csv', THIRD_PARTY, { edition: '2022-04', lang: 'en', dryRun: 'true' });
    expect(dry.status, JSON.stringify(dry.json).slice(0, 500)).toBe(200);
    const d = dry.json as unknown as Result;
    expect(d.ok).toBe(true);
    expect(d.issues.map((i) => [i.code, i.row])).toEqual([['unknown_parent', 2]]);
    expect(d.detection.columns['title']).toBeNull();
    expect(d.detection.columns['domainTitle']?.header).toBe('domain_title');
    expect(d.detection.uncertain).toEqual([{ role: 'title', reason: 'missing', candidates: [] }]);
    expect(d.counts).toMatchObject({ matched: 207, newIds: 0, duplicates: 0 });
    expect(d.sample.map((x) => [x.id, x.titleAfter])).toEqual([
      ['3.1.2.1', null],
      ['3.1.2.2', null],
      ['3.1.2.3', null],
    ]);
    expect(d.sample[0]!.parents.map((p) => [p.id, p.titleAfter])).toEqual([['3.1.2', 'Evaluate']]);
    expect(d).toMatchObject({
      olderThanBase: true,
      editionNote: 'will create edition 2022-04 from 2024-07 (older than 2024-07)',
    });

    const r = await post('criteria.csv', THIRD_PARTY, { edition: '2022-04', lang: 'en' });
    expect(r.status).toBe(200);
    expect((r.json as unknown as Result).derivedMappingSets.map((x) => x.id)).toEqual([
      'succession:ismap:2022-04→2024-07',
      'structure:ismap:2022-04',
    ]);
    const node = async (edition: string, id: string) =>
      (await call(s.app, 'GET', `/catalogs/ismap/editions/${edition}/nodes/${id}`, { as: ipa })).json as {
        node: { title: Record<string, string>; text: Record<string, string> };
      };
    expect((await node('2022-04', '9.2.3.1')).node.title.en).toBeUndefined();
    expect((await node('2022-04', '9.2.3.1')).node.text.en).toMatch(/\(9\.2\.3\.1\)\.$/);
    expect((await node('2022-04', '9')).node.title.en).toBe('Access control');
    expect((await node('2022-04', '9.2.3')).node.title.en).toBe('Management of privileged access rights');
    const list = (await call(s.app, 'GET', '/catalogs', { as: ipa })).json as {
      editions: { catalog: string; edition: string; newest: boolean }[];
    };
    expect(list.editions.filter((e) => e.catalog === 'ismap').map((e) => [e.edition, e.newest])).toEqual(
      expect.arrayContaining([
        ['2024-07', true],
        ['2022-04', false],
      ]),
    );
    const paths = await call(s.app, 'GET', '/mappings/paths?from=ismap:2022-04:9.2.3&to=nist-800-53r5', { as: ipa });
    expect((paths.json as { targets: { target: string }[] }).targets.map((t) => t.target)).toContain(
      'nist-800-53r5:5.1.1:ac-2',
    );
  });

  it('caps the issue list of a file with thousands of duplicates, with the total and counts per code', async () => {
    const [header, first] = THIRD_PARTY.split('\n');
    const csv = [header, ...Array.from({ length: 3000 }, () => first)].join('\n');
    const dry = await post('dups.csv', csv, { edition: '2024-07', lang: 'en', dryRun: 'true' });
    const d = dry.json as unknown as Result;
    expect(dry.status).toBe(200);
    expect(d.ok).toBe(false);
    expect(d.issues).toHaveLength(200);
    // The governance row's domain 3.1 has no node in the criteria: one warning besides the duplicates.
    expect(d.issueTotal).toBe(3000);
    expect(d.issueCounts).toEqual({ duplicate_id: 2999, unknown_parent: 1 });
    const r = await post('dups.csv', csv, { edition: '2024-07', lang: 'en' });
    expect(r.status).toBe(422);
    const err = r.json.error as unknown as {
      issues: unknown[];
      details: { issueTotal: number; issueCounts: Record<string, number> };
    };
    expect(err.issues).toHaveLength(200);
    expect(err.details).toEqual({ issueTotal: 3000, issueCounts: { duplicate_id: 2999, unknown_parent: 1 } });
    expect(r.json.error).toMatchObject({ reason: 'text_import_failed', params: { count: 2999, file: 'dups.csv' } });
    const keepLast = await post('dups.csv', csv, {
      edition: '2024-07',
      lang: 'en',
      duplicates: 'last',
      dryRun: 'true',
    });
    expect(keepLast.json).toMatchObject({ ok: true, duplicates: 'last', counts: { matched: 1, duplicates: 2999 } });
    expect((await post('dups.csv', csv, { edition: '2024-07', duplicates: 'newest' })).status).toBe(400);
  });

  it('answers a Japanese dry run with a code and the params to say each problem in Japanese', async () => {
    const csv = [
      '管理策番号,管理策',
      '9.2.3.1,特権的アクセス権の割当てを管理する。',
      '9.2.3.1,同じ ID の二つ目の行。',
      'abc,ID ではないセルに本文がある行。',
    ].join('\n');
    const columns = JSON.stringify({ id: 1, text: 2, headerRow: 1 });
    const dry = await post('重複.csv', csv, { edition: '2024-07', lang: 'ja', columns, dryRun: 'true' });
    expect(dry.status, JSON.stringify(dry.json).slice(0, 500)).toBe(200);
    const d = dry.json as unknown as Omit<Result, 'issues'> & {
      issues: { code: string; row?: number; params?: Record<string, unknown>; message: string }[];
    };
    expect(d.ok).toBe(false);
    expect(d.issues.map(({ code, row, params }) => ({ code, row, params }))).toEqual([
      { code: 'duplicate_id', row: 3, params: { id: '9.2.3.1', policy: 'reject', firstRow: 2, keptRow: 2 } },
      { code: 'invalid_id', row: 4, params: { value: 'abc' } },
    ]);
    // The English sentence stays for the CLI and for clients that do not translate.
    expect(d.issues[0]!.message).toBe('duplicate id 9.2.3.1 (first at row 2)');
    const failed = await post('重複.csv', csv, { edition: '2024-07', lang: 'ja', columns });
    expect(failed.status).toBe(422);
    const err = failed.json.error as unknown as { issues: { code: string; params?: Record<string, unknown> }[] };
    expect(err.issues[0]).toMatchObject({ code: 'duplicate_id', params: { id: '9.2.3.1', firstRow: 2 } });

    // A file that cannot be read as the table asked for: the table problem's code and params, and no 500.
    const beyond = await post('重複.csv', csv, { edition: '2024-07', lang: 'ja', columns: '{"id":"Z","text":"B"}' });
    expect(beyond.status).toBe(422);
    expect((beyond.json.error as unknown as { issues: unknown[] }).issues).toEqual([
      expect.objectContaining({ code: 'unknown_column', params: { role: 'id', column: 'Z' } }),
    ]);
  });
});
