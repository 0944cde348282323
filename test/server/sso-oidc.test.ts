import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, serverOver, type TestServer } from '../support/server';
import { openTestEngine } from '../support/engines';
import { startTestIdp, type TestIdp } from '../support/oidc-provider';
import { secretBox } from '../../src/infra/secret-box';

// Single sign-on end to end: the hub (in memory) against a real OpenID Connect provider started in this process on
// 127.0.0.1. Nothing here reaches beyond this machine.
const CALLBACK = 'http://localhost/api/v1/auth/sso/callback';
const PW = 'sso-test-password-123';

describe('OIDC single sign-on', () => {
  let s: TestServer;
  let idp: TestIdp;
  let orgId: string;
  let admin: Awaited<ReturnType<typeof login>>;
  let offsetMs = 0;

  beforeAll(async () => {
    idp = await startTestIdp([CALLBACK]);
    s = serverOver(await openTestEngine('pglite'), { now: () => new Date(Date.now() + offsetMs) });
    s.deps.sso = { ...s.deps.sso!, secrets: secretBox(randomBytes(32)) };
    orgId = await organizationWithMembers(
      s,
      { kind: 'agency', slug: 'digital-agency', name: 'Digital Agency' },
      [{ email: 'admin@agency.go.jp', role: 'admin' }],
      PW,
    );
    admin = await login(s.app, 'admin@agency.go.jp', PW);
    idp.accounts.set('alice-sub', { email: 'alice@agency.go.jp', emailVerified: true, name: 'Alice' });
    idp.accounts.set('mallory-sub', { email: 'mallory@elsewhere.test', emailVerified: true, name: 'Mallory' });
    const res = await call(s.app, 'PUT', `/organizations/${orgId}/sso`, {
      as: admin,
      body: {
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        allowedDomains: ['Agency.go.jp'],
        defaultRole: 'editor',
        jitProvisioning: true,
        enabled: true,
      },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  });
  afterAll(async () => {
    await s?.close();
    await idp?.close();
  });

  /** Starts at the hub, lets the provider sign `account` in, and brings the browser back to the hub's callback. */
  async function signInThroughIdp(account: string, start: object = { email: 'someone@agency.go.jp' }) {
    idp.nextAccount = account;
    const started = await s.app.request('/api/v1/auth/sso/start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(start),
    });
    expect(started.status).toBe(200);
    const ssoCookie = started.headers.get('set-cookie')!.split(';')[0]!;
    let next = ((await started.json()) as { url: string }).url;
    expect(next.startsWith(`${idp.issuer}/`)).toBe(true);
    const jar = new Map<string, string>();
    for (let hop = 0; hop < 10 && !next.startsWith(CALLBACK); hop++) {
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await fetch(next, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        jar.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`provider answered ${res.status} without a redirect: ${await res.text()}`);
      next = new URL(location, next).href;
    }
    const path = next.slice('http://localhost'.length);
    const back = () => s.app.request(path, { headers: { cookie: ssoCookie } });
    const res = await back();
    return { res, location: res.headers.get('location'), cookie: res.headers.get('set-cookie'), again: back };
  }

  const lastRefusal = async () => {
    const [e] = await s.deps.uow.read.audit.query({ action: 'sso.sign_in_failed', order: 'desc', limit: 1 });
    return e;
  };

  it('never returns the client secret, and stores it sealed', async () => {
    const res = await call(s.app, 'GET', `/organizations/${orgId}/sso`, { as: admin });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).not.toContain(idp.clientSecret);
    expect((res.json.configuration as { hasClientSecret: boolean }).hasClientSecret).toBe(true);
    const stored = await s.deps.uow.read.sso.getConfiguration(orgId);
    expect(stored!.clientSecretSealed).not.toContain(idp.clientSecret);
    expect(stored!.allowedDomains).toEqual(['agency.go.jp']);
  });

  it('provisions a new member just in time, and finds the same user on the next sign-in', async () => {
    const first = await signInThroughIdp('alice-sub');
    expect(first.location).toBe('/');
    const session = first.cookie!.split(';')[0]!;
    const me = await s.app.request('/api/v1/auth/session', { headers: { cookie: session } });
    const info = (await me.json()) as { user: { id: string; email: string }; memberships: unknown[] };
    expect(info.user.email).toBe('alice@agency.go.jp');
    expect(info.memberships).toEqual([{ orgId, orgKind: 'agency', role: 'editor' }]);
    const user = await s.deps.uow.read.users.getByEmail('alice@agency.go.jp');
    expect(user!.passwordHash).toBeNull();
    const created = await s.deps.uow.read.audit.query({ action: 'user.create', targetId: user!.id, limit: 5 });
    expect(created[0]!.details).toMatchObject({ via: 'sso' });

    const second = await signInThroughIdp('alice-sub');
    expect(second.location).toBe('/');
    const again = await s.app.request('/api/v1/auth/session', { headers: { cookie: second.cookie!.split(';')[0]! } });
    expect(((await again.json()) as { user: { id: string } }).user.id).toBe(info.user.id);
    expect((await s.deps.uow.read.users.list()).filter((u) => u.email === 'alice@agency.go.jp')).toHaveLength(1);
  });

  it('refuses password sign-in and password change for an SSO-only user, saying why', async () => {
    const res = await call(s.app, 'POST', '/auth/login', { body: { email: 'alice@agency.go.jp', password: PW } });
    expect(res.status).toBe(401);
    expect((res.json.error as unknown as { reason: string }).reason).toBe('sso_only_account');
    const { cookie } = await signInThroughIdp('alice-sub');
    const session = cookie!.split(';')[0]!;
    const me = (await (await s.app.request('/api/v1/auth/session', { headers: { cookie: session } })).json()) as {
      csrfToken: string;
    };
    const change = await call(s.app, 'POST', '/auth/password', {
      as: { cookie: session, csrf: me.csrfToken },
      body: { currentPassword: 'whatever-it-is', newPassword: 'a-new-password-123' },
    });
    expect(change.status).toBe(409);
    expect((change.json.error as unknown as { reason: string }).reason).toBe('sso_only_account');
  });

  it('refuses an ID token issued for another client (wrong audience)', async () => {
    idp.tamper = (c) => ({ ...c, aud: 'some-other-client' });
    const r = await signInThroughIdp('alice-sub');
    expect(r.location).toBe('/?sso_error=wrong_audience');
    expect(r.cookie ?? '').not.toContain('ismap_session=');
    expect((await lastRefusal())!.details).toMatchObject({ reason: 'wrong_audience' });
  });

  it('refuses an ID token from another issuer', async () => {
    idp.tamper = (c) => ({ ...c, iss: 'http://127.0.0.1:1/impostor' });
    const r = await signInThroughIdp('alice-sub');
    expect(r.location).toBe('/?sso_error=issuer_mismatch');
    expect((await lastRefusal())!.details).toMatchObject({ reason: 'issuer_mismatch' });
  });

  it('refuses an expired ID token (the hub clock past its 60-second lifetime)', async () => {
    try {
      // The provider issues the token now; the hub checks it five minutes later, well inside the state's expiry.
      offsetMs = 5 * 60_000;
      const late = await signInThroughIdpLate('alice-sub');
      expect(late.location).toBe('/?sso_error=token_expired');
      expect((await lastRefusal())!.details).toMatchObject({ reason: 'token_expired' });
    } finally {
      offsetMs = 0;
    }
  });

  /** Like signInThroughIdp, but the provider runs at real time while the hub's clock is `offsetMs` ahead. */
  async function signInThroughIdpLate(account: string) {
    const saved = offsetMs;
    offsetMs = 0;
    idp.nextAccount = account;
    const started = await s.app.request('/api/v1/auth/sso/start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@agency.go.jp' }),
    });
    const ssoCookie = started.headers.get('set-cookie')!.split(';')[0]!;
    let next = ((await started.json()) as { url: string }).url;
    const jar = new Map<string, string>();
    for (let hop = 0; hop < 10 && !next.startsWith(CALLBACK); hop++) {
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await fetch(next, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        jar.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      next = new URL(res.headers.get('location')!, next).href;
    }
    offsetMs = saved;
    const res = await s.app.request(next.slice('http://localhost'.length), { headers: { cookie: ssoCookie } });
    return { location: res.headers.get('location') };
  }

  it('refuses a replayed state', async () => {
    const first = await signInThroughIdp('alice-sub');
    expect(first.location).toBe('/');
    const replay = await first.again();
    expect(replay.headers.get('location')).toBe('/?sso_error=state_replayed');
    expect((await lastRefusal())!.details).toMatchObject({ reason: 'state_replayed' });
  });

  it('refuses a user of an unlisted email domain, and provisions nobody', async () => {
    const r = await signInThroughIdp('mallory-sub', { organization: 'digital-agency' });
    expect(r.location).toBe('/?sso_error=domain_not_allowed');
    expect((await lastRefusal())!.details).toMatchObject({
      reason: 'domain_not_allowed',
      email: 'mallory@elsewhere.test',
    });
    expect(await s.deps.uow.read.users.getByEmail('mallory@elsewhere.test')).toBeNull();
  });

  it('refuses when the configuration is disabled', async () => {
    const body = {
      issuer: idp.issuer,
      clientId: idp.clientId,
      allowedDomains: ['agency.go.jp'],
      defaultRole: 'editor',
      jitProvisioning: true,
    };
    // Disabled after the sign-in started: the callback refuses.
    idp.nextAccount = 'alice-sub';
    const put = (enabled: boolean) =>
      call(s.app, 'PUT', `/organizations/${orgId}/sso`, { as: admin, body: { ...body, enabled } });
    const started = await s.app.request('/api/v1/auth/sso/start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organization: 'digital-agency' }),
    });
    expect(started.status).toBe(200);
    const ssoCookie = started.headers.get('set-cookie')!.split(';')[0]!;
    const state = new URL(((await started.json()) as { url: string }).url).searchParams.get('state')!;
    expect((await put(false)).status).toBe(200);
    try {
      const res = await s.app.request(`/api/v1/auth/sso/callback?state=${state}&code=x`, {
        headers: { cookie: ssoCookie },
      });
      expect(res.headers.get('location')).toBe('/?sso_error=sso_disabled');
      expect((await lastRefusal())!.details).toMatchObject({ reason: 'sso_disabled' });
      const again = await call(s.app, 'POST', '/auth/sso/start', { body: { organization: 'digital-agency' } });
      expect(again.status).toBe(404);
      expect((again.json.error as unknown as { reason: string }).reason).toBe('sso_not_offered');
    } finally {
      expect((await put(true)).status).toBe(200);
    }
  });

  it('does not link an existing account of another organization', async () => {
    await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'other-csp', name: 'Other' },
      [{ email: 'bob@agency.go.jp', role: 'viewer' }],
      PW,
    );
    idp.accounts.set('bob-sub', { email: 'bob@agency.go.jp', emailVerified: true, name: 'Bob' });
    const r = await signInThroughIdp('bob-sub');
    expect(r.location).toBe('/?sso_error=existing_account_not_member');
    const bob = await s.deps.uow.read.users.getByEmail('bob@agency.go.jp');
    expect(await s.deps.uow.read.users.memberships(bob!.id)).toHaveLength(1);
  });
  it('asks for a recent re-authentication before the identity provider can be changed', async () => {
    const body = {
      issuer: 'https://idp.attacker.test',
      clientId: idp.clientId,
      allowedDomains: ['agency.go.jp'],
      defaultRole: 'admin',
      jitProvisioning: true,
      enabled: true,
    };
    const before = await s.deps.uow.read.sso.getConfiguration(orgId);
    try {
      // The admin's sign-in is eleven minutes old: a stolen session cannot point sign-in at another provider.
      offsetMs = 11 * 60_000;
      const stale = await call(s.app, 'PUT', `/organizations/${orgId}/sso`, { as: admin, body });
      expect(stale.status).toBe(403);
      expect((stale.json.error as unknown as { reason: string }).reason).toBe('reauthentication_required');
      expect(await s.deps.uow.read.sso.getConfiguration(orgId)).toEqual(before);
      const reauth = await call(s.app, 'POST', '/auth/reauthenticate', { as: admin, body: { password: PW } });
      expect(reauth.status, JSON.stringify(reauth.json)).toBe(200);
      const fresh = await call(s.app, 'PUT', `/organizations/${orgId}/sso`, {
        as: admin,
        body: { ...body, issuer: idp.issuer, defaultRole: 'editor' },
      });
      expect(fresh.status, JSON.stringify(fresh.json)).toBe(200);
    } finally {
      offsetMs = 0;
    }
  });
});
