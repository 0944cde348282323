import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../../core/identity';
import { ChainVerifier } from '../../../core/audit-chain';
import { fakeDeps } from '../../testing/fake-deps';
import { createOrganization } from './create-organization';
import { updateOrganization } from './update-organization';
import { createUser } from '../users/create-user';
import { setUserDisabled } from '../users/set-user-disabled';
import { verifyAuditChain } from '../audit/verify-audit-chain';

// The small tier: use cases on in-memory fakes of their ports (src/app/testing), no database. What the database
// itself guarantees (constraints, locking, both engines) is tested in test/db.

const sys = { actor: systemActor, requestId: 'req-1' };
const adminOf = (userId: string, orgId: string): Actor => ({
  userId,
  isPlatformAdmin: false,
  memberships: [{ orgId, orgKind: 'csp', role: 'admin' }],
  activeOrgId: orgId,
});

async function world() {
  const deps = fakeDeps();
  const org = await createOrganization(deps, sys, { kind: 'csp', slug: 'acme', nameJa: 'アクメ', nameEn: 'Acme' });
  const admin = await createUser(deps, sys, {
    email: 'Admin@Acme.example ',
    displayName: 'Admin',
    password: 'correct horse battery',
    memberships: [{ orgId: org.id, role: 'admin' }],
  });
  return { deps, org, admin };
}

describe('identity use cases on in-memory ports', () => {
  it('creates an organization and its audit event together', async () => {
    const { deps, org } = await world();
    const state = deps.uow.state();
    expect(state.organizations.get(org.id)?.slug).toBe('acme');
    const event = state.audit.find((e) => e.action === 'organization.create')!;
    expect(event).toMatchObject({
      targetId: org.id,
      actorOrgId: org.id,
      requestId: 'req-1',
      details: { slug: 'acme', kind: 'csp' },
    });
    // At the database's precision (microseconds), which is what the chain hashes.
    expect(event.at).toBe('2026-04-01T00:00:00.000000Z');
  });

  it('refuses a second organization with the same slug and writes nothing', async () => {
    const { deps } = await world();
    const before = deps.uow.state().audit.length;
    await expect(
      createOrganization(deps, sys, { kind: 'agency', slug: 'acme', nameJa: '省', nameEn: 'M' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(deps.uow.state().organizations.size).toBe(1);
    expect(deps.uow.state().audit.length).toBe(before);
  });

  it('only platform administrators create organizations', async () => {
    const { deps, org, admin } = await world();
    await expect(
      createOrganization(
        deps,
        { actor: adminOf(admin.id, org.id), requestId: null },
        { kind: 'csp', slug: 'other', nameJa: 'x', nameEn: 'x' },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('an organization admin renames their own organization; another organization answers not found', async () => {
    const { deps, org, admin } = await world();
    deps.advance(60_000);
    const renamed = await updateOrganization(deps, { actor: adminOf(admin.id, org.id), requestId: null }, org.id, {
      nameEn: 'Acme Cloud',
    });
    expect(renamed.nameEn).toBe('Acme Cloud');
    expect(renamed.updatedAt.toISOString()).toBe('2026-04-01T00:01:00.000Z');
    const other = await createOrganization(deps, sys, {
      kind: 'csp',
      slug: 'rival',
      nameJa: 'ライバル',
      nameEn: 'Rival',
    });
    await expect(
      updateOrganization(deps, { actor: adminOf(admin.id, org.id), requestId: null }, other.id, { nameEn: 'Mine' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(deps.uow.state().organizations.get(other.id)?.nameEn).toBe('Rival');
  });

  it('stores emails trimmed and lower-cased and refuses a duplicate however it is typed', async () => {
    const { deps, admin } = await world();
    expect(admin.email).toBe('admin@acme.example');
    await expect(
      createUser(deps, sys, { email: 'ADMIN@acme.example', displayName: 'x', password: 'another long password' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('disabling a user ends every session of theirs in the same transaction', async () => {
    const { deps, admin } = await world();
    const now = deps.clock.now();
    for (const id of ['s1', 's2']) {
      await deps.uow.transaction((r) =>
        r.sessions.insert({
          id,
          userId: admin.id,
          activeOrgId: null,
          csrfToken: 'c',
          createdAt: now,
          lastSeenAt: now,
          expiresAt: now,
          revokedAt: null,
          ip: null,
          userAgent: null,
          signInStep: null,
          mfaMethod: null,
          mfaAt: null,
          authenticatedAt: now,
        }),
      );
    }
    await setUserDisabled(deps, sys, admin.id, true);
    const state = deps.uow.state();
    expect([...state.sessions.values()].every((s) => s.revokedAt !== null)).toBe(true);
    expect(state.audit.at(-1)).toMatchObject({ action: 'user.disable', details: { revokedSessions: 2 } });
  });

  it('the events the use cases wrote form an intact chain', async () => {
    const { deps } = await world();
    const v = new ChainVerifier();
    for (const e of deps.uow.state().audit) expect(v.push(e)).toBe(true);
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });
});

describe('the in-memory unit of work', () => {
  it('rolls back everything a failing transaction wrote', async () => {
    const { deps, org } = await world();
    await expect(
      deps.uow.transaction(async (r) => {
        await r.organizations.update(org.id, { nameEn: 'Half-written' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(deps.uow.state().organizations.get(org.id)?.nameEn).toBe('Acme');
  });

  it('refuses the repositories it does not fake, naming the database tier', async () => {
    const { deps } = await world();
    expect(() => deps.uow.read.catalogs.listEditions()).toThrow(/not faked in memory/);
  });
});
