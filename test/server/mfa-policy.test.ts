import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login, organizationWithMembers, serverOver, type TestServer } from '../support/server';
import { openTestEngine } from '../support/engines';
import { totpCode } from '../support/mfa';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';

const PW = 'mfa-policy-password-1';
const sys = { actor: systemActor, requestId: null };

describe('who must use a second factor', () => {
  let s: TestServer;
  let nowMs = Date.parse('2026-04-01T10:00:05Z');
  const now = () => new Date(nowMs);
  beforeEach(async () => {
    nowMs = Date.parse('2026-04-01T10:00:05Z');
    s = serverOver(await openTestEngine('pglite'), { now, mfaForPlatformAdmins: true });
  });
  afterEach(async () => {
    await s?.close();
  });

  it('makes a platform administrator enrol at sign-in before doing anything else', async () => {
    await createUser(s.deps, sys, { email: 'pa@x.test', displayName: 'PA', password: PW, isPlatformAdmin: true });
    const pa = await login(s.app, 'pa@x.test', PW);
    const info = await call(s.app, 'GET', '/auth/session', { as: pa });
    expect(info.json).toMatchObject({ signInStep: 'enrol', memberships: [], organizations: [] });
    expect(info.json.abilities).toMatchObject({ createOrganization: false });
    for (const [method, path] of [
      ['GET', '/organizations'],
      ['GET', '/users'],
      ['GET', '/auth/sessions'],
    ] as const) {
      const r = await call(s.app, method, path, { as: pa });
      expect(r.status, path).toBe(401);
      expect(r.json.error).toMatchObject({ reason: 'mfa_enrolment_required' });
    }
    expect((await call(s.app, 'GET', '/auth/mfa', { as: pa })).json).toMatchObject({ required: true });
    const start = await call(s.app, 'POST', '/auth/mfa/totp', { as: pa });
    const done = await call(s.app, 'POST', '/auth/mfa/totp/confirm', {
      as: pa,
      body: { code: totpCode(start.json.secret as string, now()) },
    });
    expect(done.status).toBe(200);
    expect(done.json.recoveryCodes).toHaveLength(10);
    const after = await call(s.app, 'GET', '/auth/session', { as: pa });
    expect(after.json).toMatchObject({ signInStep: null, mfaMethod: 'totp' });
    expect((await call(s.app, 'GET', '/users', { as: pa })).status).toBe(200);
    // The last factor of someone who must have one stays.
    const keep = await call(s.app, 'DELETE', '/auth/mfa/totp', { as: pa });
    expect(keep.status).toBe(409);
    expect(keep.json.error).toMatchObject({ reason: 'mfa_required_last_factor' });
  });

  it('lets an organization admin require MFA of the members, audited; an editor may not', async () => {
    const orgId = await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'acme', name: 'Acme' },
      [
        { email: 'admin@acme.test', role: 'admin' },
        { email: 'editor@acme.test', role: 'editor' },
      ],
      PW,
    );
    const editor = await login(s.app, 'editor@acme.test', PW);
    const denied = await call(s.app, 'PUT', `/organizations/${orgId}/mfa-requirement`, {
      as: editor,
      body: { required: true },
    });
    expect(denied.status).toBe(403);
    const admin = await login(s.app, 'admin@acme.test', PW);
    const on = await call(s.app, 'PUT', `/organizations/${orgId}/mfa-requirement`, {
      as: admin,
      body: { required: true },
    });
    expect(on.status).toBe(200);
    expect(on.json).toMatchObject({ requireMfa: true });
    const events = await s.deps.uow.read.audit.query({ action: 'organization.require_mfa', limit: 5 });
    expect(events.map((e) => [e.actorOrgId, e.details])).toEqual([[orgId, { required: true }]]);
    // The editor's open session goes on; the next sign-in must enrol.
    expect((await call(s.app, 'GET', '/organizations', { as: editor })).status).toBe(200);
    const next = await login(s.app, 'editor@acme.test', PW);
    expect((await call(s.app, 'GET', '/auth/session', { as: next })).json).toMatchObject({ signInStep: 'enrol' });
    // The admin too must enrol at the next sign-in; from the session still open, they turn it off again, and a
    // member without a factor signs in with the password.
    const adminAgain = await login(s.app, 'admin@acme.test', PW);
    expect((await call(s.app, 'GET', '/auth/session', { as: adminAgain })).json).toMatchObject({ signInStep: 'enrol' });
    const off = await call(s.app, 'PUT', `/organizations/${orgId}/mfa-requirement`, {
      as: admin,
      body: { required: false },
    });
    expect(off.status).toBe(200);
    const plain = await login(s.app, 'editor@acme.test', PW);
    expect((await call(s.app, 'GET', '/auth/session', { as: plain })).json).toMatchObject({ signInStep: null });
  });
});
