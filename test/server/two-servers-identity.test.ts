import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { createPgDatabase } from '../support/engines';
import { call, login, type Caller } from '../support/server';
import { eventually, inProcessServer, sys, type InProcessServer } from '../support/two-servers';

const PW = 'two-servers-password-2';

/**
 * Each server's session cache lives ten minutes here, so a change made through the other server can only arrive by
 * notification (migration 0011): with the old 5 s TTL alone, or without the triggers, these tests fail (the eventual
 * bound is 30 s). test/server/two-server-processes.test.ts runs the same checks against `ismap serve` processes.
 */
const server = (url: string) => inProcessServer(url, { sessionCacheTtlMs: 600_000, trustProxy: true });

const run = inject('pgUrl') ? describe : describe.skip;

run('two servers on one PostgreSQL: sessions, users and roles', () => {
  let a: InProcessServer;
  let b: InProcessServer;
  let orgId: string;
  let adminOnA: Caller;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const url = await createPgDatabase();
    a = await server(url);
    b = await server(url);
    orgId = (
      await createOrganization(a.deps, sys, { kind: 'csp', slug: 'two-id', nameJa: 'クラウド', nameEn: 'Cloud' })
    ).id;
    for (const [email, role] of [
      ['admin@two-id.test', 'admin'],
      ['revoked@two-id.test', 'editor'],
      ['disabled@two-id.test', 'editor'],
      ['demoted@two-id.test', 'editor'],
    ] as const)
      ids[email] = (
        await createUser(a.deps, sys, { email, displayName: email, password: PW, memberships: [{ orgId, role }] })
      ).id;
    await createUser(a.deps, sys, { email: 'root@two-id.test', displayName: 'R', password: PW, isPlatformAdmin: true });
    adminOnA = await login(a.app, 'admin@two-id.test', PW);
  }, 120_000);
  afterAll(async () => {
    await a?.engine.close();
    await b?.engine.close();
  });

  /** Signs in on A, then uses the same cookie on B until B has it cached. */
  async function cachedOnB(email: string): Promise<Caller> {
    const me = await login(a.app, email, PW);
    expect((await call(b.app, 'GET', '/auth/session', { as: me })).status).toBe(200);
    expect((await call(b.app, 'GET', '/auth/session', { as: me })).status).toBe(200);
    return me;
  }

  it('refuses on B a session signed out on A', async () => {
    const me = await cachedOnB('revoked@two-id.test');
    expect((await call(a.app, 'POST', '/auth/logout', { as: me })).status).toBe(204);
    await eventually(
      'the sign-out on server B',
      () => call(b.app, 'GET', '/auth/session', { as: me }),
      (r) => r.status === 401,
    );
  });

  it('refuses on B a user disabled on A', async () => {
    const me = await cachedOnB('disabled@two-id.test');
    const root = await login(a.app, 'root@two-id.test', PW);
    const res = await call(a.app, 'POST', `/users/${ids['disabled@two-id.test']}/disable`, { as: root });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    await eventually(
      'the disabled user on server B',
      () => call(b.app, 'GET', '/auth/session', { as: me }),
      (r) => r.status === 401,
    );
  });

  it('applies on B a role changed on A', async () => {
    const me = await cachedOnB('demoted@two-id.test');
    const roleOnB = async () =>
      (
        (await call(b.app, 'GET', '/auth/session', { as: me })).json as {
          memberships: { orgId: string; role: string }[];
        }
      ).memberships.find((m) => m.orgId === orgId)?.role;
    expect(await roleOnB()).toBe('editor');
    const res = await call(a.app, 'PATCH', `/organizations/${orgId}/members/${ids['demoted@two-id.test']}`, {
      as: adminOnA,
      body: { role: 'viewer' },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    await eventually('the new role on server B', roleOnB, (r) => r === 'viewer');
  });

  it('shares one sign-in throttle between the servers', async () => {
    const attempt = (s: InProcessServer, password: string) =>
      s.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ email: 'admin@two-id.test', password }),
      });
    // Five free failures per account and address, spread over both servers; the sixth attempt is blocked on either.
    for (const s of [a, b, a, b, a]) expect((await attempt(s, 'wrong-password-xx')).status).toBe(401);
    expect((await attempt(b, 'wrong-password-xx')).status).toBe(429);
    expect((await attempt(a, PW)).status).toBe(429);
  });
});
