import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { purgeEndedSessions } from '../../src/app/use-cases/sessions/purge-ended-sessions';
import { purgeExpiredInvitations } from '../../src/app/use-cases/organizations/purge-expired-invitations';
import { maintenanceHandlers } from '../../src/app/jobs/maintenance-jobs';
import { systemActor } from '../../src/core/identity';

const sys = { actor: systemActor, requestId: null };
const DAY = 24 * 3600_000;

describeEachEngine('expiry clean-up jobs', (engine) => {
  it('deletes sessions and invitations that ended over 30 days ago, and nothing else', async () => {
    const now = Date.parse('2026-12-01T12:00:00.000Z');
    const deps = testDeps(engine(), () => new Date(now));
    const org = await createOrganization(deps, sys, { kind: 'csp', slug: 'purge', nameJa: '消', nameEn: 'Purge' });
    const user = await createUser(deps, sys, { email: 'p@purge.test', displayName: 'P', password: 'purge-password-1' });
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    const session = (id: string, p: { expires: number; revoked?: number; seen: number }) => ({
      id,
      userId: user.id,
      activeOrgId: null,
      csrfToken: 'c',
      createdAt: at(60),
      lastSeenAt: at(p.seen),
      expiresAt: at(p.expires),
      revokedAt: p.revoked === undefined ? null : at(p.revoked),
      ip: null,
      userAgent: null,
      signInStep: null,
      mfaMethod: null,
      mfaAt: null,
      authenticatedAt: at(60),
    });
    const invitation = (id: string, expiresDaysAgo: number, status: 'pending' | 'accepted') => ({
      id,
      orgId: org.id,
      email: `${id}@purge.test`,
      role: 'viewer' as const,
      tokenHash: randomUUID(),
      status,
      invitedBy: null,
      createdAt: at(expiresDaysAgo + 7),
      expiresAt: at(expiresDaysAgo),
      closedAt: status === 'accepted' ? at(expiresDaysAgo + 1) : null,
      closedBy: null,
    });
    await deps.uow.transaction(async (r) => {
      await r.sessions.insert(session('live', { expires: -5, seen: 0 }));
      await r.sessions.insert(session('expired-long-ago', { expires: 31, seen: 40 }));
      await r.sessions.insert(session('expired-recently', { expires: 29, seen: 29 }));
      await r.sessions.insert(session('revoked-long-ago', { expires: -5, revoked: 31, seen: 31 }));
      await r.sessions.insert(session('idle-long-ago', { expires: -5, seen: 32 }));
      await r.invitations.insert(invitation(randomUUID(), 31, 'pending'));
      await r.invitations.insert(invitation(randomUUID(), 29, 'pending'));
      await r.invitations.insert(invitation(randomUUID(), 40, 'accepted'));
    });
    expect(await purgeEndedSessions(deps, sys)).toEqual({ deleted: 3 });
    expect((await deps.uow.read.sessions.listForUser(user.id)).map((s) => s.id).sort()).toEqual([
      'expired-recently',
      'live',
    ]);
    expect(await purgeExpiredInvitations(deps, sys)).toEqual({ deleted: 1 });
    expect(await purgeExpiredInvitations(deps, sys)).toEqual({ deleted: 0 });
    // The scheduled jobs call the same use cases.
    const logged: string[] = [];
    const handlers = maintenanceHandlers(deps, (msg) => logged.push(msg));
    for (const name of ['sessions.purge_ended', 'invitations.purge_expired', 'jobs.purge_finished'])
      await handlers[name]!({} as never);
    expect(logged).toEqual(['ended sessions purged', 'expired invitations purged', 'finished jobs purged']);
  });
});
