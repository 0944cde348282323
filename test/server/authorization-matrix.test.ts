import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestServer, type Caller, type TestServer } from '../support/server';
import { createOrganization } from '../../src/app/use-cases/create-organization';
import { createUser } from '../../src/app/use-cases/create-user';
import { systemActor } from '../../src/core/identity';

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

interface Row {
  /** Builds the request for one cell; may create throwaway objects first. */
  req: (w: World, where: Where, who: Who, s: TestServer) => Promise<{ path: string; body?: unknown }> | { path: string; body?: unknown };
  /** Expected status for each role, the same inside and outside unless given per place. */
  expect: Record<Who, number | Record<Where, number>>;
}

const member = (inside: number) => ({ inside, outside: 404 });
let seq = 0;
const uniq = () => `${Date.now().toString(36)}${seq++}`;

const rows: Record<string, Row> = {
  'POST /auth/login': { req: () => ({ path: '/auth/login', body: { email: 'viewer@a.test', password: PW } }), expect: { anonymous: 200, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 } },
  'GET /auth/session': { req: () => ({ path: '/auth/session' }), expect: { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 } },
  'POST /auth/logout': { req: () => ({ path: '/auth/logout' }), expect: { anonymous: 401, platformAdmin: 204, admin: 204, editor: 204, viewer: 204 } },
  'PUT /auth/session/organization': { req: (w, where) => ({ path: '/auth/session/organization', body: { orgId: w.org[where] } }), expect: { anonymous: 401, platformAdmin: 404, admin: member(200), editor: member(200), viewer: member(200) } },
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
  'GET /audit-events': { req: (w, where) => ({ path: `/audit-events?orgId=${w.org[where]}` }), expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) } },
  'GET /audit-events/export': { req: (w, where) => ({ path: `/audit-events/export?orgId=${w.org[where]}` }), expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) } },
  'GET /audit-events/verify': { req: () => ({ path: '/audit-events/verify' }), expect: { anonymous: 401, platformAdmin: 200, admin: 403, editor: 403, viewer: 403 } },
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
          const { path, body } = await row.req(world, where, who, s);
          const res = await call(s.app, method!, path, { as: caller, body });
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
