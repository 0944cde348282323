import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestServer, type Caller, type TestServer } from '../support/server';
import { createOrganization } from '../../src/app/use-cases/create-organization';
import { createUser } from '../../src/app/use-cases/create-user';
import { systemActor, type Actor } from '../../src/core/identity';
import { syncBundledCatalogs } from '../../src/app/use-cases/sync-bundled-catalogs';
import { addMapping } from '../../src/app/use-cases/add-mapping';
import { loadBundledContent } from '../../src/formats/bundled';
import { mappingSetToOscal } from '../../src/formats/oscal-mapping';

// Authorization matrix: every API endpoint × every built-in role × a target inside / outside the caller's
// organization. The expected status of every cell is written out below; an endpoint in the OpenAPI document
// without a row here fails the test, so new endpoints cannot skip the matrix.

type Who = 'anonymous' | 'platformAdmin' | 'admin' | 'editor' | 'viewer';
type Where = 'inside' | 'outside';
const whos: Who[] = ['anonymous', 'platformAdmin', 'admin', 'editor', 'viewer'];
const PW = 'matrix-password-123';

interface World {
  org: Record<Where, string>;
  users: Record<string, string>;
}

interface Req {
  path: string;
  body?: unknown;
  form?: FormData;
}

interface Row {
  /** Builds the request for one cell; may create throwaway objects first. */
  req: (w: World, where: Where, who: Who, s: TestServer) => Promise<Req> | Req;
  /** Expected status for each role, the same inside and outside unless given per place. */
  expect: Record<Who, number | Record<Where, number>>;
}

const member = (inside: number) => ({ inside, outside: 404 });
let seq = 0;
const uniq = () => `${Date.now().toString(36)}${seq++}`;
const signedIn = { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 };
// Distinct ISMAP objectives, one per POST /mappings cell (a second identical mapping would be a 409).
let objective = 0;
let cmControl = 0;
const objectives = ['5.1.1', '5.1.2', '6.1.1', '6.1.2', '6.1.3', '6.1.4', '6.1.5', '6.2.1', '6.2.2', '7.1.1', '7.1.2', '7.2.1'];
const textUpload = () => {
  const form = new FormData();
  form.set('file', new Blob(['id,text\n9.2.3,テキスト\n'], { type: 'text/csv' }), 'matrix.csv');
  form.set('edition', '2024-07');
  form.set('dryRun', 'true');
  return form;
};
const actorOf = (w: World, email: string, where: Where): Actor => ({ userId: w.users[email]!, isPlatformAdmin: false, memberships: [{ orgId: w.org[where], orgKind: where === 'inside' ? 'csp' : 'audit_firm', role: 'admin' }], activeOrgId: w.org[where] });
const collection = mappingSetToOscal({ id: 'matrix', title: 'Matrix import', description: 'One mapping', provenance: 'test' }, [
  { source: 'ismap:2024-07:5.1.1', target: 'nist-800-53r5:5.1.1:pl-1', relationship: 'intersects-with', provenance: { document: 'test', method: 'community' }, confidence: 0.4 },
]);

/** A fresh member of the given organization, so user-changing cells never touch the callers themselves. */
async function throwawayUser(s: TestServer, orgId: string): Promise<string> {
  const email = `victim-${uniq()}@x.test`;
  return (await createUser(s.deps, { actor: systemActor, requestId: null }, { email, displayName: 'v', password: PW, memberships: [{ orgId, role: 'viewer' }] })).id;
}

const rows: Record<string, Row> = {
  'POST /auth/login': { req: () => ({ path: '/auth/login', body: { email: 'viewer@a.test', password: PW } }), expect: { anonymous: 200, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 } },
  'GET /auth/session': { req: () => ({ path: '/auth/session' }), expect: { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 } },
  'POST /auth/logout': { req: () => ({ path: '/auth/logout' }), expect: { anonymous: 401, platformAdmin: 204, admin: 204, editor: 204, viewer: 204 } },
  'PUT /auth/session/organization': { req: (w, where) => ({ path: '/auth/session/organization', body: { orgId: w.org[where] } }), expect: { anonymous: 401, platformAdmin: 404, admin: member(200), editor: member(200), viewer: member(200) } },
  'POST /auth/password': {
    // Changes the caller's own password and straight back, so later cells still sign in with PW.
    req: async (w, _where, who, s) => {
      if (who !== 'anonymous') {
        const email = who === 'platformAdmin' ? 'pa@platform.test' : `${who}@a.test`;
        await s.deps.uow.read.users.update(w.users[email]!, { passwordHash: await s.deps.hasher.hash(`${PW}-tmp`) });
      }
      return { path: '/auth/password', body: { currentPassword: `${PW}-tmp`, newPassword: PW } };
    },
    expect: { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 },
  },
  'GET /auth/sessions': { req: () => ({ path: '/auth/sessions' }), expect: { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 } },
  'DELETE /auth/sessions/{sessionId}': {
    // inside: a session of the caller's own; outside: somebody else's session.
    req: async (w, where, who, s) => {
      const owner = where === 'inside' && who !== 'anonymous' ? who : 'otherAdmin';
      const email = owner === 'platformAdmin' ? 'pa@platform.test' : owner === 'otherAdmin' ? 'admin@b.test' : `${owner}@a.test`;
      await login(s.app, email, PW);
      const list = await s.deps.uow.read.sessions.listForUser(w.users[email]!);
      return { path: `/auth/sessions/${list.find((x) => !x.revokedAt)!.id.slice(0, 16)}` };
    },
    expect: { anonymous: 401, platformAdmin: { inside: 204, outside: 404 }, admin: member(204), editor: member(204), viewer: member(204) },
  },
  'GET /organizations': { req: () => ({ path: '/organizations' }), expect: { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 } },
  'POST /organizations': { req: () => ({ path: '/organizations', body: { kind: 'agency', slug: `m-${uniq()}`, nameJa: '省', nameEn: 'Ministry' } }), expect: { anonymous: 401, platformAdmin: 201, admin: 403, editor: 403, viewer: 403 } },
  'GET /organizations/{id}': { req: (w, where) => ({ path: `/organizations/${w.org[where]}` }), expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(200), viewer: member(200) } },
  'PATCH /organizations/{id}': { req: (w, where) => ({ path: `/organizations/${w.org[where]}`, body: { nameEn: `Renamed ${uniq()}` } }), expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) } },
  'GET /organizations/{id}/members': { req: (w, where) => ({ path: `/organizations/${w.org[where]}/members` }), expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(200), viewer: member(200) } },
  'PUT /organizations/{id}/members': { req: (w, where) => ({ path: `/organizations/${w.org[where]}/members`, body: { email: 'spare@x.test', role: 'viewer' } }), expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) } },
  'DELETE /organizations/{id}/members/{userId}': {
    req: async (w, where, _who, s) => {
      const email = `tmp-${uniq()}@x.test`;
      await createUser(s.deps, { actor: systemActor, requestId: null }, { email, displayName: 'tmp', password: PW, memberships: [{ orgId: w.org[where], role: 'viewer' }] });
      const u = await s.deps.uow.read.users.getByEmail(email);
      return { path: `/organizations/${w.org[where]}/members/${u!.id}` };
    },
    expect: { anonymous: 401, platformAdmin: 204, admin: member(204), editor: member(403), viewer: member(403) },
  },
  'GET /users': { req: () => ({ path: '/users' }), expect: { anonymous: 401, platformAdmin: 200, admin: 403, editor: 403, viewer: 403 } },
  'POST /users': { req: () => ({ path: '/users', body: { email: `u-${uniq()}@x.test`, displayName: 'U', password: PW } }), expect: { anonymous: 401, platformAdmin: 201, admin: 403, editor: 403, viewer: 403 } },
  'POST /users/{id}/disable': { req: async (w, where, _who, s) => ({ path: `/users/${await throwawayUser(s, w.org[where])}/disable` }), expect: { anonymous: 401, platformAdmin: 200, admin: member(403), editor: member(403), viewer: member(403) } },
  'POST /users/{id}/enable': { req: async (w, where, _who, s) => ({ path: `/users/${await throwawayUser(s, w.org[where])}/enable` }), expect: { anonymous: 401, platformAdmin: 200, admin: member(403), editor: member(403), viewer: member(403) } },
  'PUT /users/{id}/password': { req: async (w, where, _who, s) => ({ path: `/users/${await throwawayUser(s, w.org[where])}/password`, body: { password: 'reset-password-4567' } }), expect: { anonymous: 401, platformAdmin: 200, admin: member(403), editor: member(403), viewer: member(403) } },
  'GET /audit-events': { req: (w, where) => ({ path: `/audit-events?orgId=${w.org[where]}` }), expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) } },
  'GET /audit-events/export': { req: (w, where) => ({ path: `/audit-events/export?orgId=${w.org[where]}` }), expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) } },
  'GET /audit-events/verify': { req: () => ({ path: '/audit-events/verify' }), expect: { anonymous: 401, platformAdmin: 200, admin: 403, editor: 403, viewer: 403 } },
  // Catalogs and mappings: reads for everyone signed in; imports for platform administrators and the secretariat.
  'GET /catalogs': { req: () => ({ path: '/catalogs' }), expect: signedIn },
  'GET /catalogs/{catalog}/editions/{edition}/nodes': { req: () => ({ path: '/catalogs/ismap/editions/2024-07/nodes?parent=9.2' }), expect: signedIn },
  'GET /catalogs/{catalog}/editions/{edition}/nodes/{nodeId}': { req: () => ({ path: '/catalogs/ismap/editions/2024-07/nodes/9.2.3.11.PB' }), expect: signedIn },
  'GET /catalogs/{catalog}/diff': { req: () => ({ path: '/catalogs/ismap/diff?from=2024-07&to=2024-07' }), expect: signedIn },
  'GET /catalogs/{catalog}/editions/{edition}/export': { req: () => ({ path: '/catalogs/ismap/editions/2024-07/export?profile=basic' }), expect: signedIn },
  'POST /catalogs/{catalog}/import-text': { req: () => ({ path: '/catalogs/ismap/import-text', form: textUpload() }), expect: { anonymous: 401, platformAdmin: 200, admin: 403, editor: 403, viewer: 403 } },
  'GET /search': { req: () => ({ path: '/search?q=9.2.3.11pb' }), expect: signedIn },
  'GET /mappings/paths': { req: () => ({ path: '/mappings/paths?from=9.2.3&to=iso27001-2013' }), expect: signedIn },
  'POST /mappings': {
    req: () => ({ path: '/mappings', body: { source: `ismap:${objectives[objective++ % objectives.length]}`, target: 'nist-800-53r5:ac-1', relationship: 'intersects-with' } }),
    expect: { anonymous: 401, platformAdmin: 201, admin: 201, editor: 201, viewer: 403 },
  },
  'DELETE /mappings/{id}': {
    // inside: a mapping recorded by the caller's organization; outside: one recorded by another organization.
    req: async (w, where, _who, s) => {
      const email = where === 'inside' ? 'admin@a.test' : 'admin@b.test';
      const m = await addMapping(s.deps, { actor: actorOf(w, email, where), requestId: null }, { source: 'ismap:8.1.1', target: `nist-800-53r5:cm-${(cmControl++ % 14) + 1}`, relationship: 'intersects-with' });
      return { path: `/mappings/${m.id}` };
    },
    expect: { anonymous: 401, platformAdmin: 204, admin: { inside: 204, outside: 403 }, editor: 403, viewer: 403 },
  },
  'GET /mapping-sets': { req: () => ({ path: '/mapping-sets' }), expect: signedIn },
  'GET /mapping-sets/{id}/export': { req: () => ({ path: '/mapping-sets/ismap-2024-07_iso27001-2013_numbering/export' }), expect: signedIn },
  'POST /mapping-sets/import': { req: () => ({ path: '/mapping-sets/import', body: collection }), expect: { anonymous: 401, platformAdmin: 201, admin: 403, editor: 403, viewer: 403 } },
};

describe('authorization matrix', () => {
  let s: TestServer;
  let world: World;
  let endpoints: string[] = [];

  beforeAll(async () => {
    s = await startTestServer();
    const sys = { actor: systemActor, requestId: null };
    const a = await createOrganization(s.deps, sys, { kind: 'csp', slug: 'org-a', nameJa: 'A社', nameEn: 'A' });
    const b = await createOrganization(s.deps, sys, { kind: 'audit_firm', slug: 'org-b', nameJa: 'B監査法人', nameEn: 'B' });
    const users: Record<string, string> = {};
    const mk = async (email: string, extra: Parameters<typeof createUser>[2] extends infer T ? Partial<T> : never) => {
      users[email] = (await createUser(s.deps, sys, { email, displayName: email, password: PW, ...extra })).id;
    };
    await mk('pa@platform.test', { isPlatformAdmin: true });
    await mk('admin@a.test', { memberships: [{ orgId: a.id, role: 'admin' }] });
    await mk('editor@a.test', { memberships: [{ orgId: a.id, role: 'editor' }] });
    await mk('viewer@a.test', { memberships: [{ orgId: a.id, role: 'viewer' }] });
    await mk('admin@b.test', { memberships: [{ orgId: b.id, role: 'admin' }] });
    await mk('spare@x.test', {});
    world = { org: { inside: a.id, outside: b.id }, users };
    await syncBundledCatalogs(s.deps, sys, await loadBundledContent());
    const doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    endpoints = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('has a row for every endpoint in the OpenAPI document, and no stale rows', () => {
    expect(endpoints.length).toBeGreaterThan(10);
    expect([...endpoints].sort()).toEqual(Object.keys(rows).sort());
  });

  const emailOf = (who: Who) => (who === 'platformAdmin' ? 'pa@platform.test' : `${who}@a.test`);
  for (const [endpoint, row] of Object.entries(rows)) {
    for (const who of whos) {
      for (const where of ['inside', 'outside'] as const) {
        it(`${endpoint} as ${who}, ${where} own organization`, async () => {
          const [method] = endpoint.split(' ');
          // A fresh session per cell: logout and session revocation must not spoil the next cell.
          const caller: Caller | null = who === 'anonymous' ? null : await login(s.app, emailOf(who), PW);
          const { path, body, form } = await row.req(world, where, who, s);
          const res = await call(s.app, method!, path, { as: caller, body, ...(form ? { form } : {}) });
          const e = row.expect[who];
          const expected = typeof e === 'number' ? e : e[where];
          expect(res.status, JSON.stringify(res.json)).toBe(expected);
          if (expected >= 400) expect(res.json.error?.code).toBeTypeOf('string');
        });
      }
    }
  }

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const caller = await login(s.app, 'pa@platform.test', PW);
    const res = await call(s.app, 'POST', '/organizations', { as: caller, csrf: false, body: { kind: 'agency', slug: `csrf-${uniq()}`, nameJa: 'x', nameEn: 'x' } });
    expect(res.status).toBe(403);
    expect(res.json.error?.code).toBe('csrf_failed');
  });

  it('returns abilities with each organization', async () => {
    const caller = await login(s.app, 'editor@a.test', PW);
    const res = await call(s.app, 'GET', `/organizations/${world.org.inside}`, { as: caller });
    expect(res.json.abilities).toEqual({ read: true, viewMembers: true, update: false, manageMembers: false, viewAudit: false });
  });
});
