import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, serverOver, type Caller, type TestServer } from '../support/server';
import { openTestEngine } from '../support/engines';
import { softAuthenticator } from '../support/soft-authenticator';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';

// Passwordless sign-in with a discoverable passkey, over HTTP with the real @simplewebauthn/server checks, against
// a software authenticator (test/support/soft-authenticator.ts). Platform administrators must use a second factor
// here (mfaForPlatformAdmins), so a passkey sign-in that counts as one is tested where it matters.
const PW = 'passkey-password-123';
const ORIGIN = 'http://localhost';
const sys = { actor: systemActor, requestId: null };

describe('signing in with a passkey', () => {
  let s: TestServer;
  let ipSeq = 0;
  beforeAll(async () => {
    s = serverOver(await openTestEngine('pglite'), { trustProxy: true, mfaForPlatformAdmins: true });
  });
  afterAll(async () => s?.close());

  /** A new address per test: the address throttle counts every failure from one. */
  const freshIp = () => `198.51.100.${++ipSeq}`;

  async function userWithPasskey(email: string, opts: { platformAdmin?: boolean } = {}) {
    await createUser(s.deps, sys, { email, displayName: email, password: PW, isPlatformAdmin: opts.platformAdmin });
    const me = await login(s.app, email, PW);
    const auth = softAuthenticator(ORIGIN);
    const options = await call(s.app, 'POST', '/auth/mfa/passkeys/options', { as: me, body: {} });
    expect(options.status, JSON.stringify(options.json)).toBe(200);
    // Registered for passwordless sign-in (the default): a discoverable credential that verifies its user.
    expect(options.json.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    });
    const done = await call(s.app, 'POST', '/auth/mfa/passkeys', {
      as: me,
      body: { name: 'Laptop', response: auth.register(options.json) },
    });
    expect(done.status, JSON.stringify(done.json)).toBe(201);
    const user = (await s.deps.uow.read.users.getByEmail(email))!;
    return { auth, user, me };
  }

  /** The browser's first step: options and the cookie that binds the challenge to it. */
  async function start(ip: string) {
    const res = await s.app.request('/api/v1/auth/passkey/options', {
      method: 'POST',
      headers: { 'x-forwarded-for': ip },
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ismap_passkey='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    return { options: (await res.json()) as Record<string, unknown>, cookie: cookie.split(';')[0]! };
  }

  async function finish(response: unknown, cookie: string | null, ip: string) {
    const res = await s.app.request('/api/v1/auth/passkey', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ response }),
    });
    const json = (await res.json()) as Record<string, unknown> & { error?: { code: string; reason?: string } };
    const session = res.headers.getSetCookie().find((c) => c.startsWith('ismap_session='));
    return { status: res.status, json, session: session?.split(';')[0] ?? null };
  }

  const lastFailure = async () =>
    (await s.deps.uow.read.audit.query({ action: 'session.sign_in_failed', order: 'desc', limit: 1 }))[0]!;

  it('signs a platform administrator in with the passkey alone: no password, no second step', async () => {
    const { auth, user } = await userWithPasskey('pa@passkey.test', { platformAdmin: true });
    const ip = freshIp();
    const { options, cookie } = await start(ip);
    // Discoverable: no credentials listed; user verification required.
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe('required');
    const r = await finish(auth.assert(options), cookie, ip);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ user: { id: user.id }, signInStep: null });
    const opened = (await s.deps.uow.read.sessions.listForUser(user.id)).find((x) => !x.revokedAt && x.mfaMethod);
    expect(opened).toMatchObject({ signInStep: null, mfaMethod: 'passkey' });
    // A signed-in session: a sensitive action needs no re-authentication right after.
    const as: Caller = { cookie: r.session!, csrf: r.json.csrfToken as string };
    expect((await call(s.app, 'GET', '/organizations', { as })).status).toBe(200);
    expect((await call(s.app, 'GET', '/audit-events/export', { as })).status).toBe(200);
    const [created] = await s.deps.uow.read.audit.query({ action: 'session.create', order: 'desc', limit: 1 });
    expect(created!.actorUserId).toBe(user.id);
    expect(created!.details).toMatchObject({ method: 'passkey', passkey: 'Laptop', ip });
    expect((await s.deps.uow.read.mfa.getPasskey(auth.credentialId))!.counter).toBe(auth.counter);
  });

  it('refuses a credential nobody registered, and audits it', async () => {
    const ip = freshIp();
    const stranger = softAuthenticator(ORIGIN);
    stranger.register({ user: { id: Buffer.from('someone').toString('base64url') }, challenge: 'x' });
    const { options, cookie } = await start(ip);
    const r = await finish(stranger.assert(options), cookie, ip);
    expect(r.status).toBe(401);
    expect(r.json.error).toMatchObject({ code: 'invalid_credentials', reason: 'passkey_not_accepted' });
    expect(r.session).toBeNull();
    expect((await lastFailure()).details).toMatchObject({ method: 'passkey', reason: 'unknown_passkey', ip });
  });

  it('refuses an answer to another challenge, a replayed answer, and an answer without the browser cookie', async () => {
    const { auth, user } = await userWithPasskey('kim@passkey.test');
    const ip = freshIp();
    // Another browser's challenge, answered here.
    const other = await start(ip);
    const mine = await start(ip);
    const wrong = await finish(
      auth.assert(mine.options, { challenge: other.options.challenge as string }),
      mine.cookie,
      ip,
    );
    expect(wrong.status).toBe(401);
    expect(await lastFailure()).toMatchObject({ targetId: user.id, details: { reason: 'passkey_not_verified' } });
    // The refused answer used the challenge up.
    const again = await start(ip);
    const ok = auth.assert(again.options);
    expect((await finish(ok, again.cookie, ip)).status).toBe(200);
    const replay = await finish(ok, again.cookie, ip);
    expect(replay.status).toBe(400);
    expect(replay.json.error).toMatchObject({ reason: 'passkey_challenge_expired' });
    expect((await lastFailure()).details).toMatchObject({ reason: 'no_challenge' });
    // The same answer with a fresh challenge cookie: it signed the old challenge.
    const fresh = await start(ip);
    expect((await finish(ok, fresh.cookie, ip)).status).toBe(401);
    // No cookie at all (another browser, or an expired one).
    const next = await start(ip);
    expect((await finish(auth.assert(next.options), null, ip)).json.error).toMatchObject({
      reason: 'passkey_challenge_expired',
    });
  });

  it('refuses an assertion without user verification: a passkey alone is one factor', async () => {
    const { auth } = await userWithPasskey('uv@passkey.test');
    const ip = freshIp();
    auth.verifiesUser = false;
    const { options, cookie } = await start(ip);
    const r = await finish(auth.assert(options), cookie, ip);
    expect(r.status).toBe(401);
    expect((await lastFailure()).details).toMatchObject({ reason: 'user_not_verified' });
  });

  it('refuses a signature counter that did not grow (a cloned authenticator)', async () => {
    const { auth } = await userWithPasskey('clone@passkey.test');
    const ip = freshIp();
    const first = await start(ip);
    expect((await finish(auth.assert(first.options), first.cookie, ip)).status).toBe(200);
    const second = await start(ip);
    const r = await finish(auth.assert(second.options, { counter: auth.counter }), second.cookie, ip);
    expect(r.status).toBe(401);
    expect((await lastFailure()).details).toMatchObject({ reason: 'counter_not_increased' });
  });

  it('refuses a user handle that is not the passkey’s user', async () => {
    const { auth } = await userWithPasskey('handle@passkey.test');
    const ip = freshIp();
    const { options, cookie } = await start(ip);
    const other = Buffer.from('00000000-0000-4000-8000-000000000000').toString('base64url');
    expect((await finish(auth.assert(options, { userHandle: other }), cookie, ip)).status).toBe(401);
    expect((await lastFailure()).details).toMatchObject({ reason: 'user_handle_mismatch' });
  });

  it('refuses a disabled user and an SSO-only user', async () => {
    const { auth, user } = await userWithPasskey('gone@passkey.test');
    const ip = freshIp();
    await s.deps.uow.read.users.update(user.id, { disabledAt: new Date() });
    const a = await start(ip);
    expect((await finish(auth.assert(a.options), a.cookie, ip)).status).toBe(401);
    expect((await lastFailure()).details).toMatchObject({ reason: 'account_disabled' });
    // A user whom the organization's identity provider governs (no password) signs in there, not with a passkey.
    await s.deps.uow.read.users.update(user.id, { disabledAt: null, passwordHash: null });
    const b = await start(ip);
    const r = await finish(auth.assert(b.options), b.cookie, ip);
    expect(r.status).toBe(401);
    expect(r.json.error).toMatchObject({ reason: 'sso_only_account' });
    expect((await lastFailure()).details).toMatchObject({ reason: 'sso_only' });
  });

  it('goes through the password sign-in throttle: failed passwords block the passkey too, and are recorded', async () => {
    const { auth } = await userWithPasskey('busy@passkey.test');
    const ip = freshIp();
    const password = (pw: string) =>
      s.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ email: 'busy@passkey.test', password: pw }),
      });
    for (let i = 0; i < 5; i++) expect((await password('wrong-password-123')).status).toBe(401);
    const { options, cookie } = await start(ip);
    const r = await finish(auth.assert(options), cookie, ip);
    expect(r.status).toBe(429);
    expect(r.json.error).toMatchObject({ reason: 'sign_in_throttled' });
  });

  it('registers a second-factor-only passkey when asked (no resident key, user verification preferred)', async () => {
    const { me } = await userWithPasskey('key@passkey.test');
    const options = await call(s.app, 'POST', '/auth/mfa/passkeys/options', {
      as: me,
      body: { passwordless: false },
    });
    expect(options.status).toBe(200);
    expect(options.json.authenticatorSelection).toMatchObject({
      residentKey: 'preferred',
      userVerification: 'preferred',
    });
  });
});
