import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { setMembership } from '../../src/app/use-cases/organizations/set-membership';
import { changeMemberRole } from '../../src/app/use-cases/organizations/change-member-role';
import { createInvitation } from '../../src/app/use-cases/organizations/create-invitation';
import { acceptInvitation } from '../../src/app/use-cases/organizations/accept-invitation';
import { declineInvitation } from '../../src/app/use-cases/organizations/decline-invitation';
import { revokeInvitation } from '../../src/app/use-cases/organizations/revoke-invitation';
import { listMyInvitations } from '../../src/app/use-cases/organizations/list-invitations';
import { registerByInvitation } from '../../src/app/use-cases/organizations/register-by-invitation';
import { openInvitationLink } from '../../src/app/use-cases/organizations/open-invitation-link';
import { resetUserPassword } from '../../src/app/use-cases/users/reset-user-password';
import { queryAuditLog } from '../../src/app/use-cases/audit/query-audit-log';
import { signIn } from '../../src/app/use-cases/sessions/sign-in';
import { switchOrganization } from '../../src/app/use-cases/sessions/switch-organization';
import { verifyAuditChain } from '../../src/app/use-cases/audit/verify-audit-chain';
import { systemActor, type Actor, type Role } from '../../src/core/identity';
import type { AppDeps } from '../../src/app/context';

const sys = { actor: systemActor, requestId: 'test' };
const PW = 'membership-password-1';
let n = 0;
const uniq = () => `${Date.now().toString(36)}-${n++}`;

async function actorFor(
  deps: AppDeps,
  userId: string,
  activeOrgId: string | null = null,
  isPlatformAdmin = false,
): Promise<{ actor: Actor; requestId: null }> {
  const memberships = await deps.uow.read.users.memberships(userId);
  return {
    actor: { userId, isPlatformAdmin, memberships, activeOrgId: activeOrgId ?? memberships[0]?.orgId ?? null },
    requestId: null,
  };
}

async function orgWith(deps: AppDeps, members: Record<string, Role>, slug = `o-${uniq()}`) {
  const org = await createOrganization(deps, sys, { kind: 'csp', slug, nameJa: '社', nameEn: 'Org' });
  const ids: Record<string, string> = {};
  for (const [email, role] of Object.entries(members)) {
    ids[email] = (
      await createUser(deps, sys, { email, displayName: email, password: PW, memberships: [{ orgId: org.id, role }] })
    ).id;
  }
  return { org, ids };
}

describeEachEngine('memberships by invitation', (engine, name) => {
  it('adds nobody until the invitee accepts, with a single-use token stored only as a digest', async () => {
    const deps = testDeps(engine());
    const { org, ids } = await orgWith(deps, { [`boss-${uniq()}@a.test`]: 'admin' });
    const admin = await actorFor(deps, Object.values(ids)[0]!);
    const victimEmail = `pa-${uniq()}@platform.test`;
    const victim = await createUser(deps, sys, {
      email: victimEmail,
      displayName: 'PA',
      password: PW,
      isPlatformAdmin: true,
    });

    const { invitation, token } = await createInvitation(deps, admin, org.id, { email: victimEmail, role: 'editor' });
    expect(await deps.uow.read.users.getMembership(victim.id, org.id)).toBeNull();
    const stored = await deps.uow.read.invitations.get(invitation.id);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(7 * 24 * 3600_000);

    const me = await actorFor(deps, victim.id, null, true);
    expect((await listMyInvitations(deps, me)).map((i) => [i.id, i.role])).toEqual([[invitation.id, 'editor']]);
    // Nobody answers for the invitee, not the inviting admin.
    await expect(acceptInvitation(deps, admin, invitation.id)).rejects.toMatchObject({ code: 'forbidden' });
    await acceptInvitation(deps, me, invitation.id);
    expect((await deps.uow.read.users.getMembership(victim.id, org.id))?.role).toBe('editor');
    await expect(acceptInvitation(deps, me, invitation.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(openInvitationLink(deps, { token })).rejects.toMatchObject({ code: 'not_found' });
    const actions = (await deps.uow.read.audit.query({ targetId: invitation.id, order: 'asc', limit: 10 })).map((e) => [
      e.action,
      e.actorUserId,
      e.actorOrgId,
    ]);
    expect(actions).toEqual([
      ['invitation.create', admin.actor.userId, org.id],
      ['invitation.accept', victim.id, org.id],
    ]);
  });

  it('expires invitations after 7 days, replaces an open one when inviting again, and lets admins revoke', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const deps = testDeps(engine(), () => now);
    const { org, ids } = await orgWith(deps, { [`boss-${uniq()}@a.test`]: 'admin' });
    const admin = await actorFor(deps, Object.values(ids)[0]!);
    const email = `late-${uniq()}@x.test`;
    const user = await createUser(deps, sys, { email, displayName: 'L', password: PW });
    const me = await actorFor(deps, user.id);
    const first = await createInvitation(deps, admin, org.id, { email, role: 'viewer' });
    const second = await createInvitation(deps, admin, org.id, { email, role: 'admin' });
    expect((await deps.uow.read.invitations.get(first.invitation.id))?.status).toBe('revoked');
    await expect(openInvitationLink(deps, { token: first.token })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listMyInvitations(deps, me)).map((i) => i.role)).toEqual(['admin']);

    now = new Date(now.getTime() + 7 * 24 * 3600_000 + 1);
    expect(await listMyInvitations(deps, me)).toEqual([]);
    await expect(acceptInvitation(deps, me, second.invitation.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(openInvitationLink(deps, { token: second.token })).rejects.toMatchObject({ code: 'not_found' });
    expect(await deps.uow.read.users.getMembership(user.id, org.id)).toBeNull();

    const third = await createInvitation(deps, admin, org.id, { email, role: 'viewer' });
    await revokeInvitation(deps, admin, org.id, third.invitation.id);
    await expect(acceptInvitation(deps, me, third.invitation.id)).rejects.toMatchObject({ code: 'conflict' });
    const fourth = await createInvitation(deps, admin, org.id, { email, role: 'viewer' });
    await declineInvitation(deps, me, fourth.invitation.id);
    expect((await deps.uow.read.invitations.get(fourth.invitation.id))?.status).toBe('declined');
    expect(await deps.uow.read.users.getMembership(user.id, org.id)).toBeNull();
    await expect(
      createInvitation(deps, admin, org.id, { email: Object.keys(ids)[0]!, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets a person without an account create it from the link, and sends existing accounts to sign in', async () => {
    const deps = testDeps(engine());
    const { org, ids } = await orgWith(deps, { [`boss-${uniq()}@a.test`]: 'admin' });
    const admin = await actorFor(deps, Object.values(ids)[0]!);
    const email = `newbie-${uniq()}@x.test`;
    const { token } = await createInvitation(deps, admin, org.id, { email, role: 'editor' });
    expect(await openInvitationLink(deps, { token })).toMatchObject({ email, role: 'editor', needsAccount: true });
    const user = await registerByInvitation(deps, null, { token, displayName: '新人', password: PW });
    expect(user.email).toBe(email);
    expect((await deps.uow.read.users.getMembership(user.id, org.id))?.role).toBe('editor');
    await expect(registerByInvitation(deps, null, { token, displayName: 'again', password: PW })).rejects.toMatchObject(
      { code: 'not_found' },
    );

    const existing = Object.keys(ids)[0]!;
    const other = await orgWith(deps, { [`boss-${uniq()}@b.test`]: 'admin' });
    const link = await createInvitation(deps, await actorFor(deps, Object.values(other.ids)[0]!), other.org.id, {
      email: existing,
      role: 'viewer',
    });
    expect(await openInvitationLink(deps, { token: link.token })).toMatchObject({ needsAccount: false });
    await expect(
      registerByInvitation(deps, null, { token: link.token, displayName: 'x', password: PW }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await deps.uow.read.users.getByEmail(existing))?.displayName).toBe(existing);
  });

  it('never leaves an organization without an admin when two admins demote each other at once', async () => {
    const deps = testDeps(engine());
    // PGlite has one connection, so its transactions never overlap; the rounds matter on PostgreSQL.
    const rounds = name === 'postgres' ? 40 : 3;
    for (let i = 0; i < rounds; i++) {
      const a = `a-${uniq()}@race.test`;
      const b = `b-${uniq()}@race.test`;
      const { org, ids } = await orgWith(deps, { [a]: 'admin', [b]: 'admin' });
      const [ctxA, ctxB] = [await actorFor(deps, ids[a]!), await actorFor(deps, ids[b]!)];
      const results = await Promise.allSettled([
        changeMemberRole(deps, ctxA, org.id, ids[b]!, { role: 'viewer' }),
        changeMemberRole(deps, ctxB, org.id, ids[a]!, { role: 'viewer' }),
      ]);
      const admins = (await deps.uow.read.users.members(org.id)).filter((m) => m.role === 'admin');
      expect(admins.length, `round ${i}`).toBe(1);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(['conflict', 'forbidden']).toContain(rejected.reason.code);
    }
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it("records platform administrators' actions without an organization, so no organization's audit view shows them", async () => {
    const deps = testDeps(engine());
    const bossEmail = `boss-${uniq()}@a.test`;
    const { org, ids } = await orgWith(deps, { [bossEmail]: 'admin' });
    const pa = await createUser(deps, sys, {
      email: `pa-${uniq()}@platform.test`,
      displayName: 'PA',
      password: PW,
      isPlatformAdmin: true,
      memberships: [{ orgId: org.id, role: 'viewer' }],
    });
    const paCtx = await actorFor(deps, pa.id, org.id, true);
    expect(paCtx.actor.activeOrgId).toBe(org.id);
    const made = await createUser(deps, paCtx, { email: `made-${uniq()}@x.test`, displayName: 'M', password: PW });
    await resetUserPassword(deps, paCtx, made.id, { password: 'another-password-2' });
    const events = await deps.uow.read.audit.query({ actorUserId: pa.id, order: 'asc', limit: 10 });
    expect(events.map((e) => [e.action, e.actorOrgId])).toEqual([
      ['user.create', null],
      ['user.reset_password', null],
    ]);
    const orgView = await queryAuditLog(deps, await actorFor(deps, ids[bossEmail]!), {
      orgId: org.id,
      order: 'desc',
      limit: 100,
    });
    expect(orgView.events.filter((e) => e.actorUserId === pa.id)).toEqual([]);
  });

  it('starts a sign-in in the organization the user last chose, never one they were just added to', async () => {
    const deps = testDeps(engine());
    const email = `chooser-${uniq()}@x.test`;
    const first = await createOrganization(deps, sys, {
      kind: 'csp',
      slug: `zz-${uniq()}`,
      nameJa: '旧',
      nameEn: 'Old',
    });
    const user = await createUser(deps, sys, {
      email,
      displayName: 'C',
      password: PW,
      memberships: [{ orgId: first.id, role: 'viewer' }],
    });
    // Added later to an organization whose slug sorts first: it must not become active by itself.
    const later = await createOrganization(deps, sys, {
      kind: 'csp',
      slug: `aa-${uniq()}`,
      nameJa: '新',
      nameEn: 'New',
    });
    await setMembership(deps, sys, later.id, { email, role: 'admin' });
    const login = () => signIn(deps, { email, password: PW, ip: '127.0.0.1', userAgent: null, requestId: null });
    const s1 = await login();
    expect(s1.session.activeOrgId).toBe(first.id);
    await switchOrganization(deps, await actorFor(deps, user.id, first.id), s1.session.id, later.id);
    expect((await login()).session.activeOrgId).toBe(later.id);
    const s3 = await login();
    await switchOrganization(deps, await actorFor(deps, user.id, later.id), s3.session.id, first.id);
    // Accepting an invitation makes the person a member but does not switch them over.
    const third = await orgWith(deps, { [`boss-${uniq()}@c.test`]: 'admin' }, `a0-${uniq()}`);
    const inv = await createInvitation(deps, await actorFor(deps, Object.values(third.ids)[0]!), third.org.id, {
      email,
      role: 'viewer',
    });
    await acceptInvitation(deps, await actorFor(deps, user.id, first.id), inv.invitation.id);
    expect((await login()).session.activeOrgId).toBe(first.id);
  });
});
