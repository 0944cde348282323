import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { login, organizationWithMembers, serverOver, type Caller, type TestServer } from '../support/server';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';

const PW = 'cached-answers-password-1';
const NODE = '/api/v1/catalogs/ismap/editions/2024-07/nodes/9.2.3';
const PATHS = '/api/v1/mappings/paths?from=ismap:9.2.3&to=nist-800-53r5&maxDepth=1';
const OURS = 'nist-800-53r5:5.1.1:ac-6.7';
const THEIRS = 'nist-800-53r5:5.1.1:ac-6.9';

interface NodePage {
  mappingsOut: { id: string; setId: string; target: string; abilities: { delete: boolean } }[];
}

// Node pages and paths are served as bytes serialized once and kept with the catalog snapshot
// (src/server/cached-json.ts). Each organization's manual mappings are private to it, and abilities differ by
// role: a warm cache must still give every caller exactly their own answer.
describeEachEngine('cached read answers', (engine) => {
  let s: TestServer;
  let aEditor: Caller;
  let aAdmin: Caller;
  let bEditor: Caller;
  let nobody: Caller;
  let ours: string;
  let theirs: string;

  const get = async (path: string, as: Caller) => {
    const res = await s.app.request(path, { headers: { cookie: as.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    return res.text();
  };
  const add = async (as: Caller, target: string) => {
    const res = await s.app.request('/api/v1/mappings', {
      method: 'POST',
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'ismap:9.2.3', target, relationship: 'intersects-with' }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    s = serverOver(engine());
    const sys = { actor: systemActor, requestId: null };
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'alpha', name: 'Alpha' },
      [
        { email: 'editor@alpha.test', role: 'editor' },
        { email: 'admin@alpha.test', role: 'admin' },
      ],
      PW,
    );
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'beta', name: 'Beta' },
      [{ email: 'editor@beta.test', role: 'editor' }],
      PW,
    );
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'gamma', name: 'Gamma' },
      [{ email: 'viewer@gamma.test', role: 'viewer' }],
      PW,
    );
    await syncBundledCatalogs(s.deps, sys, await loadBundledContent());
    aEditor = await login(s.app, 'editor@alpha.test', PW);
    aAdmin = await login(s.app, 'admin@alpha.test', PW);
    bEditor = await login(s.app, 'editor@beta.test', PW);
    nobody = await login(s.app, 'viewer@gamma.test', PW);
    ours = await add(aEditor, OURS);
    theirs = await add(bEditor, THEIRS);
  });

  it('gives two organizations with different private mapping sets different bytes from a warm cache', async () => {
    const callers = [aEditor, bEditor, nobody, aAdmin];
    // Warm: every caller asks twice, in turns, so each answer after the first comes from the cache.
    const first = await Promise.all(callers.map((c) => get(NODE, c)));
    const again = [];
    for (const c of [...callers].reverse()) again.unshift(await get(NODE, c));
    expect(again).toEqual(first);
    const [a, b, none, admin] = again.map((t) => JSON.parse(t) as NodePage);
    const ids = (p: NodePage) => p.mappingsOut.map((m) => m.id);
    expect(ids(a!)).toContain(ours);
    expect(ids(a!)).not.toContain(theirs);
    expect(ids(b!)).toContain(theirs);
    expect(ids(b!)).not.toContain(ours);
    expect(ids(none!)).not.toContain(ours);
    expect(ids(none!)).not.toContain(theirs);
    expect(first[0]).not.toBe(first[1]);
    // The same private sets, other abilities: an editor records, only the organization's admins delete.
    expect(ids(admin!)).toEqual(ids(a!));
    expect(a!.mappingsOut.find((m) => m.id === ours)!.abilities.delete).toBe(false);
    expect(admin!.mappingsOut.find((m) => m.id === ours)!.abilities.delete).toBe(true);
    expect(first[3]).not.toBe(first[0]);
  });

  it('keeps paths to each organization’s own mappings, and follows a write', async () => {
    const has = async (as: Caller, target: string) => (await get(PATHS, as)).includes(`"${target}"`);
    for (let i = 0; i < 2; i++) {
      expect(await has(aEditor, OURS)).toBe(true);
      expect(await has(aEditor, THEIRS)).toBe(false);
      expect(await has(bEditor, THEIRS)).toBe(true);
      expect(await has(bEditor, OURS)).toBe(false);
    }
    const later = 'nist-800-53r5:5.1.1:ac-6.10';
    expect(await has(aEditor, later)).toBe(false);
    expect((await get(NODE, aEditor)).includes(`"${later}"`)).toBe(false);
    await add(aEditor, later);
    expect(await has(aEditor, later)).toBe(true);
    expect((await get(NODE, aEditor)).includes(`"${later}"`)).toBe(true);
    expect((await get(NODE, bEditor)).includes(`"${later}"`)).toBe(false);
  });
});
