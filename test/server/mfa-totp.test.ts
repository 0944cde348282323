import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login, serverOver, type TestServer } from '../support/server';
import { openTestEngine } from '../support/engines';
import { enrolTotp, totpCode } from '../support/mfa';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { systemActor } from '../../src/core/identity';
import { rowsOf } from '../../src/db/migrate';
import { createApiToken } from '../../src/app/use-cases/api-tokens/create-api-token';

const PW = 'mfa-password-12345';
const sys = { actor: systemActor, requestId: null };

describe('TOTP second factor over HTTP', () => {
  let s: TestServer;
  let nowMs = Date.parse('2026-04-01T10:00:05Z');
  const now = () => new Date(nowMs);
  beforeEach(async () => {
    nowMs = Date.parse('2026-04-01T10:00:05Z');
    s = serverOver(await openTestEngine('pglite'), { now });
    await createUser(s.deps, sys, { email: 'kim@x.test', displayName: 'Kim', password: PW });
  });
  afterEach(async () => {
    await s?.close();
  });

  const actions = async (action: string) =>
    (await s.deps.uow.read.audit.query({ action, limit: 50, order: 'asc' })).map((e) => e.details);

  it('enrols with a QR code and a first code, then signs in in two steps', async () => {
    const me = await login(s.app, 'kim@x.test', PW);
    const start = await call(s.app, 'POST', '/auth/mfa/totp', { as: me });
    expect(start.status).toBe(200);
    expect(start.json.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(start.json.uri).toMatch(/^otpauth:\/\/totp\/ISMAP%20Hub:kim%40x\.test\?/);
    const secret = start.json.secret as string;

    const wrong = await call(s.app, 'POST', '/auth/mfa/totp/confirm', { as: me, body: { code: '000000' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatchObject({ reason: 'second_factor_wrong' });

    const ok = await call(s.app, 'POST', '/auth/mfa/totp/confirm', { as: me, body: { code: totpCode(secret, now()) } });
    expect(ok.status).toBe(200);
    const codes = ok.json.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    // The secret never leaves again, and is not stored in the clear.
    const status = await call(s.app, 'GET', '/auth/mfa', { as: me });
    expect(JSON.stringify(status.json)).not.toContain(secret);
    expect(status.json).toMatchObject({ totp: { enrolledAt: expect.any(String) }, recoveryCodesLeft: 10 });
    const stored = rowsOf<{ secret_sealed: string }>(await s.engine.db.execute('SELECT secret_sealed FROM user_totp'));
    expect(stored[0]!.secret_sealed).not.toContain(secret);
    const hashes = rowsOf<{ code_hash: string }>(await s.engine.db.execute('SELECT code_hash FROM recovery_codes'));
    expect(hashes.map((h) => h.code_hash).join()).not.toContain(codes[0]!.replace(/-/g, ''));
    expect(await actions('mfa.totp_enrol')).toHaveLength(1);

    nowMs += 30_000;
    const pending = await login(s.app, 'kim@x.test', PW);
    const info = await call(s.app, 'GET', '/auth/session', { as: pending });
    expect(info.json).toMatchObject({ signInStep: 'second_factor', signInMethods: ['totp', 'recovery_code'] });
    expect(info.json.memberships).toEqual([]);
    const refused = await call(s.app, 'GET', '/organizations', { as: pending });
    expect(refused.status).toBe(401);
    expect(refused.json.error).toMatchObject({ reason: 'second_factor_required' });

    const bad = await call(s.app, 'POST', '/auth/mfa/verify', { as: pending, body: { totpCode: '123456' } });
    expect(bad.status).toBe(400);
    const good = await call(s.app, 'POST', '/auth/mfa/verify', {
      as: pending,
      body: { totpCode: totpCode(secret, now()) },
    });
    expect(good.status).toBe(200);
    expect(good.json).toMatchObject({ signInStep: null, mfaMethod: 'totp' });
    expect((await call(s.app, 'GET', '/organizations', { as: pending })).status).toBe(200);
    const sessions = rowsOf<{ mfa_method: string | null }>(
      await s.engine.db.execute(`SELECT mfa_method FROM sessions WHERE mfa_at IS NOT NULL`),
    );
    expect(sessions.map((r) => r.mfa_method)).toEqual(['totp']);
    expect(await actions('mfa.verify')).toEqual([expect.objectContaining({ method: 'totp', purpose: 'sign_in' })]);
    expect(await actions('mfa.verify_failed')).toEqual([
      expect.objectContaining({ method: 'totp', reason: 'wrong_code', purpose: 'sign_in' }),
    ]);
  });

  it('refuses a code replayed within its time step, and takes the next one', async () => {
    const me = await login(s.app, 'kim@x.test', PW);
    const { secret } = await enrolTotp(s, me, now);
    nowMs += 30_000;
    const code = totpCode(secret, now());
    const first = await login(s.app, 'kim@x.test', PW);
    expect((await call(s.app, 'POST', '/auth/mfa/verify', { as: first, body: { totpCode: code } })).status).toBe(200);
    const second = await login(s.app, 'kim@x.test', PW);
    const replay = await call(s.app, 'POST', '/auth/mfa/verify', { as: second, body: { totpCode: code } });
    expect(replay.status).toBe(400);
    expect(await actions('mfa.verify_failed')).toEqual([expect.objectContaining({ reason: 'replayed' })]);
    nowMs += 30_000;
    const next = await call(s.app, 'POST', '/auth/mfa/verify', {
      as: second,
      body: { totpCode: totpCode(secret, now()) },
    });
    expect(next.status).toBe(200);
  });

  it('takes each recovery code once', async () => {
    const me = await login(s.app, 'kim@x.test', PW);
    const { recoveryCodes } = await enrolTotp(s, me, now);
    const code = recoveryCodes[3]!.toLowerCase();
    const a = await login(s.app, 'kim@x.test', PW);
    const used = await call(s.app, 'POST', '/auth/mfa/verify', { as: a, body: { recoveryCode: code } });
    expect(used.status).toBe(200);
    expect(used.json).toMatchObject({ mfaMethod: 'recovery_code' });
    const b = await login(s.app, 'kim@x.test', PW);
    const again = await call(s.app, 'POST', '/auth/mfa/verify', { as: b, body: { recoveryCode: code } });
    expect(again.status).toBe(400);
    expect((await call(s.app, 'GET', '/auth/mfa', { as: a })).json).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it('throttles wrong second factors per user, and records the block', async () => {
    const me = await login(s.app, 'kim@x.test', PW);
    await enrolTotp(s, me, now);
    const pending = await login(s.app, 'kim@x.test', PW);
    for (let i = 0; i < 5; i++) {
      const r = await call(s.app, 'POST', '/auth/mfa/verify', { as: pending, body: { totpCode: '000001' } });
      expect(r.status).toBe(400);
    }
    // Blocked now, even with a right answer and from a fresh sign-in.
    const again = await login(s.app, 'kim@x.test', PW);
    const blocked = await call(s.app, 'POST', '/auth/mfa/verify', { as: again, body: { totpCode: '000002' } });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect(await actions('mfa.verify_blocked')).toHaveLength(1);
    nowMs += 61_000;
    const later = await call(s.app, 'POST', '/auth/mfa/verify', { as: again, body: { totpCode: '000003' } });
    expect(later.status).toBe(400);
  });

  it('asks for a fresh proof of identity before changing MFA, and takes the second factor, not the password', async () => {
    const me = await login(s.app, 'kim@x.test', PW);
    const { secret } = await enrolTotp(s, me, now);
    nowMs += 11 * 60_000;
    const stale = await call(s.app, 'DELETE', '/auth/mfa/totp', { as: me });
    expect(stale.status).toBe(403);
    expect(stale.json.error).toMatchObject({ reason: 'reauthentication_required' });
    const byPassword = await call(s.app, 'POST', '/auth/reauthenticate', { as: me, body: { password: PW } });
    expect(byPassword.status).toBe(400);
    expect(byPassword.json.error).toMatchObject({ reason: 'use_second_factor' });
    const re = await call(s.app, 'POST', '/auth/reauthenticate', {
      as: me,
      body: { totpCode: totpCode(secret, now()) },
    });
    expect(re.status).toBe(200);
    expect((await call(s.app, 'DELETE', '/auth/mfa/totp', { as: me })).status).toBe(204);
    expect(await actions('session.reauthenticate')).toEqual([expect.objectContaining({ method: 'totp' })]);
    expect(await actions('mfa.totp_remove')).toHaveLength(1);
    // With no factor left the recovery codes go too, and sign-in is one step again.
    expect((await call(s.app, 'GET', '/auth/mfa', { as: me })).json).toMatchObject({
      totp: null,
      recoveryCodesLeft: 0,
    });
    const plain = await login(s.app, 'kim@x.test', PW);
    expect((await call(s.app, 'GET', '/auth/session', { as: plain })).json).toMatchObject({ signInStep: null });
  });

  it('asks for re-authentication before exporting the audit log', async () => {
    await createUser(s.deps, sys, { email: 'pa@x.test', displayName: 'PA', password: PW, isPlatformAdmin: true });
    const pa = await login(s.app, 'pa@x.test', PW);
    expect((await call(s.app, 'GET', '/audit-events/export', { as: pa })).status).toBe(200);
    nowMs += 11 * 60_000;
    const stale = await call(s.app, 'GET', '/audit-events/export', { as: pa });
    expect(stale.status).toBe(403);
    expect(stale.json.error).toMatchObject({ reason: 'reauthentication_required' });
    const wrong = await call(s.app, 'POST', '/auth/reauthenticate', { as: pa, body: { password: 'nope-nope-nope' } });
    expect(wrong.status).toBe(400);
    expect(await actions('session.reauthenticate_failed')).toHaveLength(1);
    expect((await call(s.app, 'POST', '/auth/reauthenticate', { as: pa, body: { password: PW } })).status).toBe(200);
    expect((await call(s.app, 'GET', '/audit-events/export', { as: pa })).status).toBe(200);
  });

  it('lets an API token with audit:read export the audit log without re-authentication, and records which token', async () => {
    await createUser(s.deps, sys, { email: 'siem@x.test', displayName: 'SIEM', password: PW, isPlatformAdmin: true });
    const user = (await s.deps.uow.read.users.getByEmail('siem@x.test'))!;
    const mint = (resources: ('audit' | 'catalogs')[]) =>
      createApiToken(s.deps, sys, user.id, {
        name: 'siem',
        orgId: null,
        access: ['read'],
        resources,
        expiresInDays: 7,
      });
    const audit = await mint(['audit']);
    const catalogs = await mint(['catalogs']);
    // Long after any sign-in: a token has no session to re-authenticate, and audit:read is what it was made for.
    nowMs += 60 * 60_000;
    const res = await call(s.app, 'GET', '/audit-events/export', { bearer: audit.token });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(String(res.json).trim().split('\n').length).toBeGreaterThan(0);
    const [exported] = await s.deps.uow.read.audit.query({ action: 'audit.export', order: 'desc', limit: 1 });
    expect(exported!.actorUserId).toBe(user.id);
    expect(exported!.details).toMatchObject({ format: 'jsonl', apiTokenId: audit.apiToken.id });
    const noScope = await call(s.app, 'GET', '/audit-events/export', { bearer: catalogs.token });
    expect(noScope.status).toBe(403);
    expect(noScope.json.error).toMatchObject({ reason: 'token_scope_missing' });
    // A person's session of the same user still needs a recent proof of identity.
    const pa = await login(s.app, 'siem@x.test', PW);
    nowMs += 11 * 60_000;
    const stale = await call(s.app, 'GET', '/audit-events/export', { as: pa });
    expect(stale.json.error).toMatchObject({ reason: 'reauthentication_required' });
  });
  it("asks for re-authentication before changing an organization's MFA requirement", async () => {
    const org = await createOrganization(s.deps, sys, { kind: 'csp', slug: 'mfa-req', nameJa: '組織', nameEn: 'Org' });
    await createUser(s.deps, sys, {
      email: 'oa@x.test',
      displayName: 'OA',
      password: PW,
      memberships: [{ orgId: org.id, role: 'admin' }],
    });
    const oa = await login(s.app, 'oa@x.test', PW);
    const path = `/organizations/${org.id}/mfa-requirement`;
    expect((await call(s.app, 'PUT', path, { as: oa, body: { required: true } })).status).toBe(200);
    nowMs += 11 * 60_000;
    const stale = await call(s.app, 'PUT', path, { as: oa, body: { required: false } });
    expect(stale.status).toBe(403);
    expect(stale.json.error).toMatchObject({ reason: 'reauthentication_required' });
    expect((await s.deps.uow.read.organizations.get(org.id))!.requireMfa).toBe(true);
    expect((await call(s.app, 'POST', '/auth/reauthenticate', { as: oa, body: { password: PW } })).status).toBe(200);
    expect((await call(s.app, 'PUT', path, { as: oa, body: { required: false } })).status).toBe(200);
    expect(await actions('organization.require_mfa')).toEqual([{ required: true }, { required: false }]);
  });
});
