import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestServer, type TestServer } from '../support/server';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';

const PW = 'invite-password-1234';

// The attack this closes: an organization admin "adds" the platform administrator (or anybody registered) to their
// organization by email, and the victim's next actions are attributed to the attacker's organization.
describe('invitations over HTTP', () => {
  let s: TestServer;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    s = await startTestServer();
    const sys = { actor: systemActor, requestId: null };
    orgA = (
      await createOrganization(s.deps, sys, { kind: 'csp', slug: 'attacker', nameJa: '攻撃社', nameEn: 'Attacker' })
    ).id;
    orgB = (await createOrganization(s.deps, sys, { kind: 'secretariat', slug: 'ipa', nameJa: 'IPA', nameEn: 'IPA' }))
      .id;
    await createUser(s.deps, sys, {
      email: 'boss@attacker.test',
      displayName: 'Boss',
      password: PW,
      memberships: [{ orgId: orgA, role: 'admin' }],
    });
    await createUser(s.deps, sys, {
      email: 'pa@platform.test',
      displayName: 'PA',
      password: PW,
      isPlatformAdmin: true,
    });
    await createUser(s.deps, sys, {
      email: 'ipa@ipa.test',
      displayName: 'IPA staff',
      password: PW,
      memberships: [{ orgId: orgB, role: 'admin' }],
    });
  });
  afterAll(async () => s?.close());

  it('no longer adds a registered user directly: PUT members is gone and inviting changes no membership', async () => {
    const boss = await login(s.app, 'boss@attacker.test', PW);
    const put = await call(s.app, 'PUT', `/organizations/${orgA}/members`, {
      as: boss,
      body: { email: 'pa@platform.test', role: 'admin' },
    });
    expect(put.status).toBe(404);
    const invited = await call(s.app, 'POST', `/organizations/${orgA}/invitations`, {
      as: boss,
      body: { email: 'ipa@ipa.test', role: 'admin' },
    });
    expect(invited.status).toBe(201);
    const pa = (await s.deps.uow.read.users.getByEmail('ipa@ipa.test'))!;
    expect((await s.deps.uow.read.users.memberships(pa.id)).map((m) => m.orgId)).toEqual([orgB]);
    // The victim's next sign-in still acts for their own organization.
    const victim = await login(s.app, 'ipa@ipa.test', PW);
    const session = await call(s.app, 'GET', '/auth/session', { as: victim });
    expect(session.json.activeOrgId).toBe(orgB);
  });

  it('answers an invitation the same whether or not the email is registered', async () => {
    const boss = await login(s.app, 'boss@attacker.test', PW);
    const known = await call(s.app, 'POST', `/organizations/${orgA}/invitations`, {
      as: boss,
      body: { email: 'pa@platform.test', role: 'viewer' },
    });
    const unknown = await call(s.app, 'POST', `/organizations/${orgA}/invitations`, {
      as: boss,
      body: { email: 'nobody@nowhere.test', role: 'viewer' },
    });
    expect([known.status, unknown.status]).toEqual([201, 201]);
    const shape = (j: Record<string, unknown>) =>
      JSON.stringify(j, (k, v) =>
        ['id', 'token', 'link', 'email', 'createdAt', 'expiresAt'].includes(k) ? typeof v : v,
      );
    expect(shape(known.json)).toBe(shape(unknown.json));
    expect(known.json.link).toBe(`/invite#${known.json.token as string}`);
    const list = await call(s.app, 'GET', `/organizations/${orgA}/invitations`, { as: boss });
    const emails = (list.json.invitations as { email: string }[]).map((i) => i.email);
    expect(emails).toEqual(expect.arrayContaining(['pa@platform.test', 'nobody@nowhere.test']));
    expect(JSON.stringify(list.json)).not.toMatch(/token/i);
  });

  it('lets the invitee see, accept and decline invitations after sign-in', async () => {
    const pa = await login(s.app, 'pa@platform.test', PW);
    const mine = await call(s.app, 'GET', '/invitations', { as: pa });
    const inv = (
      mine.json.invitations as { id: string; orgNameEn: string; role: string; abilities: Record<string, boolean> }[]
    )[0]!;
    expect(inv).toMatchObject({ orgNameEn: 'Attacker', role: 'viewer', abilities: { accept: true, decline: true } });
    expect((await call(s.app, 'POST', `/invitations/${inv.id}/decline`, { as: pa })).status).toBe(204);
    expect((await call(s.app, 'POST', `/invitations/${inv.id}/accept`, { as: pa })).json.error?.code).toBe('conflict');
    expect((await call(s.app, 'GET', '/invitations', { as: pa })).json.invitations).toEqual([]);
    const boss = await login(s.app, 'boss@attacker.test', PW);
    const again = await call(s.app, 'POST', `/organizations/${orgA}/invitations`, {
      as: boss,
      body: { email: 'pa@platform.test', role: 'editor' },
    });
    const id = (again.json.invitation as { id: string }).id;
    const accepted = await call(s.app, 'POST', `/invitations/${id}/accept`, { as: pa });
    expect(accepted.json).toEqual({ orgId: orgA, role: 'editor' });
    const audit = await call(s.app, 'GET', `/audit-events?orgId=${orgA}&action=invitation.*`, { as: boss });
    expect((audit.json.events as { action: string }[]).map((e) => e.action)).toEqual(
      expect.arrayContaining(['invitation.create', 'invitation.decline', 'invitation.accept']),
    );
  });

  it('creates an account from a link for a new person, who then signs in', async () => {
    const boss = await login(s.app, 'boss@attacker.test', PW);
    const { token } = (
      await call(s.app, 'POST', `/organizations/${orgA}/invitations`, {
        as: boss,
        body: { email: 'New.Person@x.test', role: 'viewer' },
      })
    ).json as { token: string };
    const view = await call(s.app, 'POST', '/invitations/lookup', { body: { token } });
    expect(view.json).toMatchObject({
      email: 'new.person@x.test',
      needsAccount: true,
      organization: { nameEn: 'Attacker' },
    });
    expect(
      (
        await call(s.app, 'POST', '/invitations/register', {
          body: { token, displayName: '新しい人', password: 'short' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(s.app, 'POST', '/invitations/register', { body: { token, displayName: '新しい人', password: PW } }))
        .status,
    ).toBe(201);
    const me = await login(s.app, 'new.person@x.test', PW);
    expect((await call(s.app, 'GET', '/auth/session', { as: me })).json).toMatchObject({ activeOrgId: orgA });
    expect((await call(s.app, 'POST', '/invitations/lookup', { body: { token } })).status).toBe(404);
    expect((await call(s.app, 'POST', '/invitations/lookup', { body: { token: 'x'.repeat(43) } })).status).toBe(404);
  });

  it('changes the role of existing members only, and keeps the last admin', async () => {
    const boss = await login(s.app, 'boss@attacker.test', PW);
    const stranger = (await s.deps.uow.read.users.getByEmail('ipa@ipa.test'))!;
    expect(
      (
        await call(s.app, 'PATCH', `/organizations/${orgA}/members/${stranger.id}`, {
          as: boss,
          body: { role: 'admin' },
        })
      ).status,
    ).toBe(404);
    const member = (await s.deps.uow.read.users.getByEmail('new.person@x.test'))!;
    expect(
      (
        await call(s.app, 'PATCH', `/organizations/${orgA}/members/${member.id}`, {
          as: boss,
          body: { role: 'editor' },
        })
      ).json,
    ).toMatchObject({ role: 'editor' });
    const self = (await s.deps.uow.read.users.getByEmail('boss@attacker.test'))!;
    const last = await call(s.app, 'PATCH', `/organizations/${orgA}/members/${self.id}`, {
      as: boss,
      body: { role: 'viewer' },
    });
    expect([last.status, last.json.error?.code]).toEqual([409, 'conflict']);
  });
});
