import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, startTestServer, type Caller, type TestServer } from '../support/server';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { mappingSetToOscal } from '../../src/formats/oscal-mapping';
import { systemActor } from '../../src/core/identity';

const PW = 'visibility-password-1';
const NODE = '/catalogs/ismap/editions/2024-07/nodes/9.2.3';
const PATHS = '/mappings/paths?from=ismap:9.2.3&to=nist-800-53r5&maxDepth=1';
const TARGET = 'nist-800-53r5:5.1.1:ac-6.7';

interface SetRow {
  id: string;
  orgId: string | null;
  published: boolean;
  abilities: { read: boolean; publish: boolean };
}

// Manual and imported mapping sets belong to their organization (and the platform) until a platform administrator
// publishes them: node pages, paths, the set list and exports show other callers only global sets and their own.
describe('mapping sets private to their organization', () => {
  let s: TestServer;
  let mine: Caller;
  let theirs: Caller;
  let secretariat: Caller;
  let root: Caller;
  let cloudSet: string;

  const setIds = async (as: Caller) =>
    ((await call(s.app, 'GET', '/mapping-sets', { as })).json as { sets: SetRow[] }).sets.map((x) => x.id);
  const nodeHas = async (as: Caller) =>
    ((await call(s.app, 'GET', NODE, { as })).json as { mappingsOut: { target: string }[] }).mappingsOut.some(
      (m) => m.target === TARGET,
    );
  const pathsHave = async (as: Caller) =>
    ((await call(s.app, 'GET', PATHS, { as })).json as { targets: { target: string }[] }).targets.some(
      (t) => t.target === TARGET,
    );

  beforeAll(async () => {
    s = await startTestServer();
    const sys = { actor: systemActor, requestId: null };
    const cloud = await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'cloud', name: 'Cloud' },
      [{ email: 'editor@cloud.test', role: 'editor' }],
      PW,
    );
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'other', name: 'Other' },
      [{ email: 'admin@other.test', role: 'admin' }],
      PW,
    );
    await organizationWithMembers(
      s,
      { kind: 'secretariat', slug: 'ipa', name: 'IPA' },
      [{ email: 'editor@ipa.test', role: 'editor' }],
      PW,
    );
    await createUser(s.deps, sys, { email: 'root@x.test', displayName: 'R', password: PW, isPlatformAdmin: true });
    await syncBundledCatalogs(s.deps, sys, await loadBundledContent());
    mine = await login(s.app, 'editor@cloud.test', PW);
    theirs = await login(s.app, 'admin@other.test', PW);
    secretariat = await login(s.app, 'editor@ipa.test', PW);
    root = await login(s.app, 'root@x.test', PW);
    cloudSet = `user:${cloud}`;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows an organization’s manual mapping to its members and platform administrators only', async () => {
    // Warm every caller's view first: the snapshot must follow the write, not be built after it.
    for (const c of [mine, theirs, root]) expect(await nodeHas(c)).toBe(false);
    const add = await call(s.app, 'POST', '/mappings', {
      as: mine,
      body: { source: 'ismap:9.2.3', target: TARGET, relationship: 'intersects-with' },
    });
    expect(add.status, JSON.stringify(add.json)).toBe(201);
    expect([await nodeHas(mine), await pathsHave(mine), (await setIds(mine)).includes(cloudSet)]).toEqual([
      true,
      true,
      true,
    ]);
    expect([await nodeHas(root), await pathsHave(root), (await setIds(root)).includes(cloudSet)]).toEqual([
      true,
      true,
      true,
    ]);
    expect([await nodeHas(theirs), await pathsHave(theirs), (await setIds(theirs)).includes(cloudSet)]).toEqual([
      false,
      false,
      false,
    ]);
    const exported = await call(s.app, 'GET', `/mapping-sets/${encodeURIComponent(cloudSet)}/export`, { as: theirs });
    expect(exported.status).toBe(404);
    expect(exported.json.error?.code).toBe('not_found');
    expect(
      (await call(s.app, 'GET', `/mapping-sets/${encodeURIComponent(cloudSet)}/export`, { as: mine })).status,
    ).toBe(200);
  });

  it('publishes a set for everyone (platform administrators only, audited), and takes it back', async () => {
    expect(
      (
        await call(s.app, 'PATCH', `/mapping-sets/${encodeURIComponent(cloudSet)}`, {
          as: mine,
          body: { published: true },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(s.app, 'PATCH', `/mapping-sets/${encodeURIComponent(cloudSet)}`, {
          as: theirs,
          body: { published: true },
        })
      ).status,
    ).toBe(404);
    const bad = await call(s.app, 'PATCH', `/mapping-sets/${encodeURIComponent(cloudSet)}`, {
      as: root,
      body: { published: 'yes' },
    });
    expect(bad.status).toBe(400);
    const pub = await call(s.app, 'PATCH', `/mapping-sets/${encodeURIComponent(cloudSet)}`, {
      as: root,
      body: { published: true },
    });
    expect(pub.status, JSON.stringify(pub.json)).toBe(200);
    expect(pub.json).toMatchObject({
      id: cloudSet,
      published: true,
      count: 1,
      abilities: { read: true, publish: true },
    });
    expect([await nodeHas(theirs), await pathsHave(theirs), (await setIds(theirs)).includes(cloudSet)]).toEqual([
      true,
      true,
      true,
    ]);
    const listed = ((await call(s.app, 'GET', '/mapping-sets', { as: theirs })).json as { sets: SetRow[] }).sets.find(
      (x) => x.id === cloudSet,
    );
    expect(listed).toMatchObject({ published: true, abilities: { read: true, publish: false } });
    await call(s.app, 'PATCH', `/mapping-sets/${encodeURIComponent(cloudSet)}`, {
      as: root,
      body: { published: false },
    });
    expect(await nodeHas(theirs)).toBe(false);
    const events = await s.deps.uow.read.audit.query({
      action: 'mapping_set.*',
      targetId: cloudSet,
      order: 'asc',
      limit: 10,
    });
    expect(events.map((e) => e.action)).toEqual(['mapping_set.publish', 'mapping_set.unpublish']);
  });

  it('keeps an import private to the importing organization, and its id to its owner', async () => {
    const doc = mappingSetToOscal({ id: 'ipa-private', title: 'IPA draft', description: 'draft', provenance: 'test' }, [
      {
        source: 'ismap:2024-07:5.1.1',
        target: 'nist-800-53r5:5.1.1:pl-1',
        relationship: 'intersects-with',
        provenance: { document: 'test', method: 'community' },
        confidence: 0.4,
      },
    ]);
    const imported = await call(s.app, 'POST', '/mapping-sets/import', { as: secretariat, body: doc });
    expect(imported.status).toBe(201);
    const id = String(imported.json.id);
    expect(await setIds(secretariat)).toContain(id);
    expect(await setIds(mine)).not.toContain(id);
    expect((await call(s.app, 'GET', `/mapping-sets/${encodeURIComponent(id)}/export`, { as: mine })).status).toBe(404);
    const again = await call(s.app, 'POST', '/mapping-sets/import', { as: secretariat, body: doc });
    expect(again.json).toMatchObject({ replaced: true });
    // A platform administrator's re-import keeps the owner: the set stays private to the secretariat.
    expect((await call(s.app, 'POST', '/mapping-sets/import', { as: root, body: doc })).json).toMatchObject({
      replaced: true,
    });
    expect(await setIds(mine)).not.toContain(id);
  });
});
