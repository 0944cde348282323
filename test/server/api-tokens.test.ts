import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, serverOver, type TestServer } from '../support/server';
import { openTestEngine } from '../support/engines';
import { captureLogs } from '../support/log-capture';
import { createApiToken, type CreateApiTokenInput } from '../../src/app/use-cases/api-tokens/create-api-token';
import { setUserDisabled } from '../../src/app/use-cases/users/set-user-disabled';
import { removeMembership } from '../../src/app/use-cases/organizations/remove-membership';
import { systemActor } from '../../src/core/identity';

const PW = 'token-test-password-1';
const sys = { actor: systemActor, requestId: null };
const all = {
  access: ['read', 'write'] as const,
  resources: ['catalogs', 'mappings', 'organizations', 'audit', 'cloud-services', 'statements', 'evidence'] as const,
};

describe('API tokens over HTTP', () => {
  let s: TestServer;
  let orgId: string;
  let now = Date.parse('2026-05-01T00:00:00.000Z');
  let n = 0;
  const userId = async (email: string) => (await s.deps.uow.read.users.getByEmail(email))!.id;
  const mint = async (email: string, over: Partial<CreateApiTokenInput> = {}) =>
    (
      await createApiToken(s.deps, sys, await userId(email), {
        name: `t${n++}`,
        access: [...all.access],
        resources: [...all.resources],
        expiresInDays: 30,
        ...over,
      })
    ).token;

  beforeAll(async () => {
    s = serverOver(await openTestEngine('pglite'), { now: () => new Date(now) });
    orgId = await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'tok-http', name: 'Tokens' },
      [
        { email: 'admin@tok.test', role: 'admin' },
        { email: 'gone@tok.test', role: 'viewer' },
        { email: 'off@tok.test', role: 'viewer' },
      ],
      PW,
    );
  });
  afterAll(async () => s?.close());

  it('creates a token from the account after a recent sign-in, shows it once and lists its hint', async () => {
    const c = await login(s.app, 'admin@tok.test', PW);
    const body = { name: 'CI', access: ['read'], resources: ['catalogs'], expiresInDays: 90 };
    const tooLong = await call(s.app, 'POST', '/auth/tokens', { as: c, body: { ...body, expiresInDays: 400 } });
    expect(tooLong.status).toBe(400);
    const res = await call(s.app, 'POST', '/auth/tokens', { as: c, body });
    expect(res.status).toBe(201);
    const token = res.json.token as string;
    expect(token).toMatch(/^ismap_pat_[A-Za-z0-9_-]{43}$/);
    expect(res.json.apiToken).toMatchObject({ orgId, scopes: ['catalogs:read'], state: 'active', lastUsedAt: null });
    const list = await call(s.app, 'GET', '/auth/tokens', { as: c });
    expect(JSON.stringify(list.json)).not.toContain(token.slice(14));
    expect((list.json.tokens as { hint: string }[])[0]!.hint).toBe(token.slice(0, 14));
    expect((await call(s.app, 'GET', '/catalogs', { bearer: token })).status).toBe(200);
  });

  it('asks for a fresh proof of identity before creating a token, not for the password in the body', async () => {
    const c = await login(s.app, 'admin@tok.test', PW);
    const body = { name: 'stale', access: ['read'], resources: ['catalogs'], expiresInDays: 7 };
    now += 11 * 60_000;
    const stale = await call(s.app, 'POST', '/auth/tokens', { as: c, body });
    expect(stale.status).toBe(403);
    expect(stale.json.error).toMatchObject({ reason: 'reauthentication_required' });
    // The old way (the current password in the body) no longer stands in for re-authentication.
    const withPassword = await call(s.app, 'POST', '/auth/tokens', { as: c, body: { ...body, currentPassword: PW } });
    expect(withPassword.status).not.toBe(201);
    const tokensBefore = (await call(s.app, 'GET', '/auth/tokens', { as: c })).json.tokens as { name: string }[];
    expect(tokensBefore.some((t) => t.name === 'stale')).toBe(false);
    const re = await call(s.app, 'POST', '/auth/reauthenticate', { as: c, body: { password: PW } });
    expect(re.status).toBe(200);
    const ok = await call(s.app, 'POST', '/auth/tokens', { as: c, body });
    expect(ok.status).toBe(201);
    const events = await s.deps.uow.read.audit.query({ action: 'api_token.create', limit: 50, order: 'asc' });
    expect(events.filter((e) => e.targetId === (ok.json.apiToken as { id: string }).id)).toHaveLength(1);
  });

  it('accepts a bearer token without CSRF and never sets a cookie; a cookie write still needs CSRF', async () => {
    const token = await mint('admin@tok.test');
    const res = await call(s.app, 'PATCH', `/organizations/${orgId}`, { bearer: token, body: { nameEn: 'Renamed' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    const c = await login(s.app, 'admin@tok.test', PW);
    const noCsrf = await call(s.app, 'PATCH', `/organizations/${orgId}`, { as: c, csrf: false, body: { nameEn: 'x' } });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.json.error?.code).toBe('csrf_failed');
    // A bearer header with a cookie: the token decides, and the session is neither needed nor touched.
    const both = await call(s.app, 'GET', '/auth/session', { as: c, bearer: token });
    expect(both.status).toBe(403);
    expect(both.json.error).toMatchObject({ reason: 'token_not_allowed' });
  });

  it('refuses sign-in with a bearer header (no session cookie comes of it)', async () => {
    const token = await mint('admin@tok.test');
    const res = await s.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ email: 'admin@tok.test', password: PW }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a token without the scope with 403 and the missing scope', async () => {
    const token = await mint('admin@tok.test', { access: ['read'], resources: ['catalogs'] });
    const write = await call(s.app, 'POST', '/mappings', {
      bearer: token,
      body: { source: 'ismap:5.1.1', target: 'nist-800-53r5:ac-1', relationship: 'intersects-with' },
    });
    expect(write.status).toBe(403);
    expect(write.json.error).toMatchObject({ reason: 'token_scope_missing', params: { scope: 'mappings:write' } });
    const org = await call(s.app, 'GET', `/organizations/${orgId}`, { bearer: token });
    expect(org.json.error).toMatchObject({
      reason: 'token_scope_missing',
      params: { scope: 'organizations:read', refusal: 'resource_not_granted' },
    });
  });

  it('answers 401 for an expired, revoked, unknown or malformed token, for a disabled user and a removed member', async () => {
    const expired = await mint('admin@tok.test', { expiresInDays: 1 });
    const revoked = await mint('admin@tok.test');
    const off = await mint('off@tok.test');
    const gone = await mint('gone@tok.test');
    const c = await login(s.app, 'admin@tok.test', PW);
    const list = (await call(s.app, 'GET', '/auth/tokens', { as: c })).json.tokens as { id: string; hint: string }[];
    const id = list.find((t) => t.hint === revoked.slice(0, 14))!.id;
    expect((await call(s.app, 'DELETE', `/auth/tokens/${id}`, { as: c })).status).toBe(204);
    await setUserDisabled(s.deps, sys, await userId('off@tok.test'), true);
    await removeMembership(s.deps, sys, orgId, await userId('gone@tok.test'));
    now += 2 * 86_400_000;
    const reasons = async (token: string) => {
      const r = await call(s.app, 'GET', '/catalogs', { bearer: token });
      return [r.status, r.json.error && (r.json.error as { reason?: string }).reason];
    };
    expect(await reasons(expired)).toEqual([401, 'token_expired']);
    expect(await reasons(revoked)).toEqual([401, 'token_revoked']);
    expect(await reasons(off)).toEqual([401, 'token_invalid']);
    expect(await reasons(gone)).toEqual([401, 'token_invalid']);
    expect(await reasons(`ismap_pat_${'A'.repeat(43)}`)).toEqual([401, 'token_invalid']);
    expect(await reasons('not-a-token')).toEqual([401, 'token_invalid']);
    // Another scheme (a proxy's Basic credentials) is not a token: the request is simply not signed in.
    const basic = await s.app.request('/api/v1/catalogs', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    expect(((await basic.json()) as { error: { reason: string } }).error.reason).toBe('sign_in_first');
  });

  it('records the last use at most once a minute', async () => {
    const token = await mint('admin@tok.test');
    const c = await login(s.app, 'admin@tok.test', PW);
    const lastUsed = async () =>
      (
        (await call(s.app, 'GET', '/auth/tokens', { as: c })).json.tokens as { hint: string; lastUsedAt: string }[]
      ).find((t) => t.hint === token.slice(0, 14))!.lastUsedAt;
    const first = new Date(now).toISOString();
    await call(s.app, 'GET', '/catalogs', { bearer: token });
    now += 30_000;
    await call(s.app, 'GET', '/catalogs', { bearer: token });
    await call(s.app, 'GET', '/catalogs', { bearer: token });
    expect(await lastUsed()).toBe(first);
    now += 30_000;
    await call(s.app, 'GET', '/catalogs', { bearer: token });
    expect(await lastUsed()).toBe(new Date(now).toISOString());
  });

  it('audits refused tokens at most once a minute per address, and never logs a token', async () => {
    const logs = captureLogs(s);
    now += 120_000;
    const bogus = `ismap_pat_${'Z'.repeat(43)}`;
    const before = await s.deps.uow.read.audit.count({ action: 'api_token.auth_failed' });
    for (let i = 0; i < 5; i++) await call(s.app, 'GET', '/catalogs', { bearer: bogus });
    expect(await s.deps.uow.read.audit.count({ action: 'api_token.auth_failed' })).toBe(before + 1);
    const [event] = await s.deps.uow.read.audit.query({ action: 'api_token.auth_failed', order: 'desc', limit: 1 });
    expect(event!.details).toMatchObject({ reason: 'unknown' });
    expect(JSON.stringify(event)).not.toContain('ZZZZ');
    const good = await mint('admin@tok.test');
    await call(s.app, 'GET', '/catalogs', { bearer: good });
    expect(logs.text()).toContain('"tokenId"');
    expect(logs.text()).not.toContain('ismap_pat_');
  });

  it('declares the bearer scheme and each operation’s scope in the OpenAPI document', async () => {
    const doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as {
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    };
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/catalogs']!.get!.security).toEqual([{ cookieAuth: [] }, { bearerAuth: ['catalogs:read'] }]);
    expect(doc.paths['/auth/tokens']!.post!.security).toEqual([{ cookieAuth: [] }]);
    expect(doc.paths['/auth/login']!.post!.security).toEqual([{}]);
  });
});
