import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { setMembership } from '../../src/app/use-cases/organizations/set-membership';
import { removeMembership } from '../../src/app/use-cases/organizations/remove-membership';
import { verifyAuditChain } from '../../src/app/use-cases/audit/verify-audit-chain';
import { recordAudit } from '../../src/app/record-audit';
import { systemActor } from '../../src/core/identity';
import { DomainError } from '../../src/core/errors';

const sys = { actor: systemActor, requestId: 'test' };

describeEachEngine('identity repositories and use cases', (engine) => {
  it('creates organizations and users, with counts as numbers on both engines', async () => {
    const deps = testDeps(engine());
    const org = await createOrganization(deps, sys, {
      kind: 'csp',
      slug: 'acme',
      nameJa: 'アクメ株式会社',
      nameEn: 'Acme K.K.',
    });
    const user = await createUser(deps, sys, {
      email: 'Alice@Example.jp ',
      displayName: '有栖',
      password: 'correct horse battery',
      memberships: [{ orgId: org.id, role: 'admin' }],
    });
    expect(user.email).toBe('alice@example.jp');
    expect(await deps.uow.read.organizations.count()).toBe(1);
    expect(typeof (await deps.uow.read.users.count())).toBe('number');
    expect(await deps.uow.read.users.memberships(user.id)).toEqual([{ orgId: org.id, orgKind: 'csp', role: 'admin' }]);
    const back = await deps.uow.read.organizations.get(org.id);
    expect(back?.nameJa).toBe('アクメ株式会社');
    expect(back?.createdAt).toBeInstanceOf(Date);
  });

  it('rejects a duplicate slug and writes nothing, not even an audit row', async () => {
    const deps = testDeps(engine());
    const before = await deps.uow.read.audit.count();
    await expect(
      createOrganization(deps, sys, { kind: 'csp', slug: 'acme', nameJa: 'x', nameEn: 'x' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await deps.uow.read.audit.count()).toBe(before);
  });

  it('rolls back the change when its audit row cannot be written', async () => {
    const deps = testDeps(engine());
    const orgsBefore = await deps.uow.read.organizations.count();
    await expect(
      deps.uow.transaction(async (r) => {
        await r.organizations.insert({
          id: crypto.randomUUID(),
          kind: 'agency',
          slug: 'rollback',
          nameJa: 'x',
          nameEn: 'x',
          createdAt: new Date(),
          updatedAt: new Date(),
          requireMfa: false,
        });
        throw new DomainError('internal', 'audit write failed');
      }),
    ).rejects.toThrow('audit write failed');
    expect(await deps.uow.read.organizations.count()).toBe(orgsBefore);
  });

  it('keeps one admin per organization', async () => {
    const deps = testDeps(engine());
    const org = (await deps.uow.read.organizations.getBySlug('acme'))!;
    const alice = (await deps.uow.read.users.getByEmail('alice@example.jp'))!;
    await expect(setMembership(deps, sys, org.id, { email: 'alice@example.jp', role: 'viewer' })).rejects.toMatchObject(
      { code: 'conflict' },
    );
    await expect(removeMembership(deps, sys, org.id, alice.id)).rejects.toMatchObject({ code: 'conflict' });
    await createUser(deps, sys, { email: 'bob@example.jp', displayName: 'Bob', password: 'correct horse battery' });
    await setMembership(deps, sys, org.id, { email: 'bob@example.jp', role: 'admin' });
    await setMembership(deps, sys, org.id, { email: 'alice@example.jp', role: 'editor' });
    expect((await deps.uow.read.users.members(org.id)).map((m) => [m.email, m.role])).toEqual([
      ['alice@example.jp', 'editor'],
      ['bob@example.jp', 'admin'],
    ]);
  });

  it('serialises concurrent writers into one intact audit chain', async () => {
    const deps = testDeps(engine());
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createOrganization(deps, sys, {
          kind: 'agency',
          slug: `ministry-${i}`,
          nameJa: `省${i}`,
          nameEn: `Ministry ${i}`,
        }),
      ),
    );
    const report = await verifyAuditChain(deps);
    expect(report.ok).toBe(true);
    expect(report.checked).toBe(await deps.uow.read.audit.count());
    expect(report.recordedHead).toMatchObject({ seq: report.checked });
  });

  it('filters and pages the audit log', async () => {
    const deps = testDeps(engine());
    const all = await deps.uow.read.audit.query({ order: 'asc', limit: 1000 });
    const orgEvents = await deps.uow.read.audit.query({ action: 'organization.*', order: 'desc', limit: 5 });
    expect(orgEvents).toHaveLength(5);
    expect(orgEvents.every((e) => e.action.startsWith('organization.'))).toBe(true);
    expect(orgEvents[0]!.seq).toBeGreaterThan(orgEvents[4]!.seq);
    const next = await deps.uow.read.audit.query({
      action: 'organization.*',
      order: 'desc',
      beforeSeq: orgEvents[4]!.seq,
      limit: 100,
    });
    expect(next.every((e) => e.seq < orgEvents[4]!.seq)).toBe(true);
    expect(await deps.uow.read.audit.count({ action: 'organization.*' })).toBe(orgEvents.length + next.length);
    expect(all[0]!.seq).toBe(1);
    expect(typeof all[0]!.details).toBe('object');
  });

  it('filters the audit log by an action pattern with * anywhere, and _ matches only an underscore', async () => {
    const deps = testDeps(engine());
    await deps.uow.transaction(async (r) => {
      const seeded = [
        'session.sign_in_failed',
        'session.sign_in_blocked',
        'session.create',
        'mapping_set.import',
        'mapping.create',
      ] as const;
      for (const action of seeded) {
        await recordAudit(r, deps, sys, { action, targetType: 'user', targetId: null, details: {} });
      }
    });
    const actions = async (action: string) => {
      const events = await deps.uow.read.audit.query({ action, order: 'asc', limit: 1000 });
      return [...new Set(events.map((e) => e.action))].sort();
    };
    expect(await actions('session.sign_in*')).toEqual(['session.sign_in_blocked', 'session.sign_in_failed']);
    expect(await actions('*.sign_in_failed')).toEqual(['session.sign_in_failed']);
    expect(await actions('session.*')).toEqual(expect.arrayContaining(['session.create', 'session.sign_in_failed']));
    // As a LIKE wildcard '_' would also match the '.' of mapping.create.
    expect(await actions('mapping_*')).toEqual(['mapping_set.import']);
    expect(await actions('session.sign_in%')).toEqual([]);
    expect(await deps.uow.read.audit.count({ action: 'session.sign_in*' })).toBe(2);
  });

  it('detects a tampered audit row', async () => {
    const e = engine();
    const deps = testDeps(e);
    await e.exec(`UPDATE audit_events SET details = '{"slug":"forged"}' WHERE seq = 3`);
    const report = await verifyAuditChain(deps);
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ seq: 3, position: 3, reason: 'hash_mismatch' });
  });
});
