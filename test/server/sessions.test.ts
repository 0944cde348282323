import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestServer, type TestServer } from '../support/server';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';
import { verifyAuditChain } from '../../src/app/use-cases/audit/verify-audit-chain';

const PW = 'session-password-123';

describe('sessions, caching and throttling over HTTP', () => {
  let s: TestServer;
  let orgId: string;
  beforeAll(async () => {
    s = await startTestServer();
    const sys = { actor: systemActor, requestId: null };
    orgId = (
      await createOrganization(s.deps, sys, { kind: 'csp', slug: 'sess', nameJa: 'セッション社', nameEn: 'Sess' })
    ).id;
    await createUser(s.deps, sys, {
      email: 'admin@sess.test',
      displayName: 'A',
      password: PW,
      memberships: [{ orgId, role: 'admin' }],
    });
    await createUser(s.deps, sys, {
      email: 'member@sess.test',
      displayName: 'M',
      password: PW,
      memberships: [{ orgId, role: 'viewer' }],
    });
  });
  afterAll(async () => s?.close());

  it('stops accepting a session the moment it is signed out, although sessions are cached', async () => {
    const c = await login(s.app, 'member@sess.test', PW);
    expect((await call(s.app, 'GET', '/auth/session', { as: c })).status).toBe(200);
    expect((await call(s.app, 'GET', '/auth/session', { as: c })).status).toBe(200); // now from the cache
    expect((await call(s.app, 'POST', '/auth/logout', { as: c })).status).toBe(204);
    expect((await call(s.app, 'GET', '/auth/session', { as: c })).status).toBe(401);
  });

  it('takes an organization away from a removed member on the next request', async () => {
    const member = await login(s.app, 'member@sess.test', PW);
    const admin = await login(s.app, 'admin@sess.test', PW);
    expect((await call(s.app, 'GET', `/organizations/${orgId}`, { as: member })).status).toBe(200);
    const memberId = (await s.deps.uow.read.users.getByEmail('member@sess.test'))!.id;
    expect((await call(s.app, 'DELETE', `/organizations/${orgId}/members/${memberId}`, { as: admin })).status).toBe(
      204,
    );
    expect((await call(s.app, 'GET', `/organizations/${orgId}`, { as: member })).status).toBe(404);
  });

  it('rotates the session at sign-in: the previous cookie stops working', async () => {
    const first = await login(s.app, 'admin@sess.test', PW);
    const res = await s.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first.cookie },
      body: JSON.stringify({ email: 'admin@sess.test', password: PW }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    expect((await call(s.app, 'GET', '/auth/session', { as: first })).status).toBe(401);
  });

  it('throttles repeated failed sign-ins with 429 and Retry-After', async () => {
    const attempt = () =>
      s.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@sess.test', password: 'wrong-password-xx' }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits until the window passes.
    const right = await s.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@sess.test', password: PW }),
    });
    expect(right.status).toBe(429);
    // Five rejected attempts and the moment of blocking are in the audit log; refused (429) attempts are not.
    const adminId = (await s.deps.uow.read.users.getByEmail('admin@sess.test'))!.id;
    const failed = await s.deps.uow.read.audit.query({
      action: 'session.sign_in_failed',
      targetId: adminId,
      order: 'asc',
      limit: 50,
    });
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({
      actorUserId: null,
      actorOrgId: null,
      targetType: 'user',
      details: { email: 'admin@sess.test', reason: 'wrong_password' },
    });
    const blockedEvents = await s.deps.uow.read.audit.query({
      action: 'session.sign_in_blocked',
      targetId: adminId,
      order: 'asc',
      limit: 50,
    });
    expect(blockedEvents).toHaveLength(1);
    // Same browser, same (test) address: the account and address pair is blocked, not the account for everyone.
    expect(blockedEvents[0]!.details).toMatchObject({ scope: 'pair' });
  });

  it('records rejected sign-ins for unknown and disabled accounts, never keeping a password typed as the email', async () => {
    const attempt = (email: string, password: string) =>
      s.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ email, password }),
      });
    expect((await attempt('nobody@sess.test', 'whatever-password')).status).toBe(401);
    expect((await attempt('Tr0ub4dor&3-secret', 'whatever-password')).status).toBe(401);
    const recent = await s.deps.uow.read.audit.query({ action: 'session.sign_in_failed', order: 'desc', limit: 2 });
    const [typedPassword, unknown] = recent;
    expect(unknown).toMatchObject({
      targetId: null,
      details: { email: 'nobody@sess.test', reason: 'unknown_account' },
    });
    expect(typedPassword).toMatchObject({
      targetId: null,
      details: { email: '(not an email address)', reason: 'unknown_account' },
    });
    expect(JSON.stringify(recent)).not.toContain('Tr0ub4dor');
    expect((await verifyAuditChain(s.deps)).ok).toBe(true);
  });

  it('changes the password with the current one and signs out the other sessions', async () => {
    await createUser(
      s.deps,
      { actor: systemActor, requestId: null },
      { email: 'pw@sess.test', displayName: 'P', password: PW },
    );
    const other = await login(s.app, 'pw@sess.test', PW);
    const me = await login(s.app, 'pw@sess.test', PW);
    const wrong = await call(s.app, 'POST', '/auth/password', {
      as: me,
      body: { currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' },
    });
    expect(wrong.status).toBe(400);
    const ok = await call(s.app, 'POST', '/auth/password', {
      as: me,
      body: { currentPassword: PW, newPassword: 'a-brand-new-password' },
    });
    expect(ok.json).toEqual({ revokedSessions: 1 });
    expect((await call(s.app, 'GET', '/auth/session', { as: me })).status).toBe(200);
    expect((await call(s.app, 'GET', '/auth/session', { as: other })).status).toBe(401);
    await login(s.app, 'pw@sess.test', 'a-brand-new-password');
    const events = await s.deps.uow.read.audit.query({ action: 'user.change_password', order: 'desc', limit: 1 });
    expect(JSON.stringify(events[0])).not.toMatch(/argon2/);
  });

  it('lets a platform administrator lock a user out and reset their password', async () => {
    await createUser(
      s.deps,
      { actor: systemActor, requestId: null },
      { email: 'root@sess.test', displayName: 'R', password: PW, isPlatformAdmin: true },
    );
    const victim = await createUser(
      s.deps,
      { actor: systemActor, requestId: null },
      { email: 'leaver@sess.test', displayName: 'L', password: PW },
    );
    const root = await login(s.app, 'root@sess.test', PW);
    const leaver = await login(s.app, 'leaver@sess.test', PW);
    expect((await call(s.app, 'POST', `/users/${victim.id}/disable`, { as: root })).status).toBe(200);
    expect((await call(s.app, 'GET', '/auth/session', { as: leaver })).status).toBe(401);
    const again = await s.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leaver@sess.test', password: PW }),
    });
    expect(again.status).toBe(401);
    expect((await call(s.app, 'POST', `/users/${victim.id}/enable`, { as: root })).status).toBe(200);
    expect(
      (await call(s.app, 'PUT', `/users/${victim.id}/password`, { as: root, body: { password: 'a-reset-password-1' } }))
        .status,
    ).toBe(200);
    await login(s.app, 'leaver@sess.test', 'a-reset-password-1');
    const rootId = (await s.deps.uow.read.users.getByEmail('root@sess.test'))!.id;
    expect((await call(s.app, 'POST', `/users/${rootId}/disable`, { as: root })).status).toBe(403);
  });

  it('answers errors as { error: { code, message } } with a request id', async () => {
    const res = await s.app.request('/api/v1/organizations/not-a-uuid', {
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(res.headers.get('x-request-id')).toBe('trace-12345678');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBeTypeOf('string');
    expect(body.error.message).toBeTypeOf('string');
  });
});
