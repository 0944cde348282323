import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';
import type { ApiToken } from '../../src/core/api-tokens';

const sys = { actor: systemActor, requestId: 'test' };

describeEachEngine('API token repository', (engine) => {
  let seq = 0;
  async function owner() {
    const deps = testDeps(engine());
    const n = seq++;
    const org = await createOrganization(deps, sys, { kind: 'csp', slug: `tok-${n}`, nameJa: 'x', nameEn: 'x' });
    const user = await createUser(deps, sys, {
      email: `tok-${n}@x.test`,
      displayName: 'T',
      password: 'correct horse battery',
      memberships: [{ orgId: org.id, role: 'viewer' }],
    });
    return { deps, org, user };
  }
  const token = (userId: string, orgId: string | null, over: Partial<ApiToken> = {}): ApiToken => ({
    id: crypto.randomUUID(),
    userId,
    orgId,
    name: 'ci',
    tokenHash: crypto.randomUUID().replace(/-/g, '').repeat(2),
    hint: 'ismap_pat_abcd',
    access: ['read', 'write'],
    resources: ['catalogs', 'cloud-services'],
    createdAt: new Date('2026-05-01T00:00:00.000Z'),
    expiresAt: new Date('2026-06-01T00:00:00.000Z'),
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
    lastUsedIp: null,
    ...over,
  });

  it('stores a token and finds it by hash with its user and memberships, scopes as arrays', async () => {
    const { deps, org, user } = await owner();
    const t = token(user.id, org.id);
    await deps.uow.read.apiTokens.insert(t);
    const found = await deps.uow.read.apiTokens.getByHash(t.tokenHash);
    expect(found?.token).toEqual(t);
    expect(found?.user.email).toBe(user.email);
    expect(found?.memberships).toEqual([{ orgId: org.id, orgKind: 'csp', role: 'viewer' }]);
    expect(await deps.uow.read.apiTokens.getByHash('0'.repeat(64))).toBeNull();
    expect(await deps.uow.read.apiTokens.get(t.id)).toEqual(t);
  });

  it('refuses a duplicate hash, an empty scope list, an unknown access and an expiry before creation', async () => {
    const { deps, org, user } = await owner();
    const t = token(user.id, org.id);
    await deps.uow.read.apiTokens.insert(t);
    const repo = deps.uow.read.apiTokens;
    await expect(repo.insert(token(user.id, org.id, { tokenHash: t.tokenHash }))).rejects.toThrow();
    await expect(repo.insert(token(user.id, org.id, { resources: [] }))).rejects.toThrow();
    await expect(repo.insert(token(user.id, org.id, { access: ['admin' as 'read'] }))).rejects.toThrow();
    await expect(repo.insert(token(user.id, org.id, { expiresAt: t.createdAt }))).rejects.toThrow();
    expect(await repo.listForUser(user.id)).toHaveLength(1);
  });

  it('lists newest first, counts only live tokens, and revokes once', async () => {
    const { deps, org, user } = await owner();
    const repo = deps.uow.read.apiTokens;
    const old = token(user.id, org.id, { createdAt: new Date('2026-04-01T00:00:00Z') });
    const revoked = token(user.id, null, { createdAt: new Date('2026-04-02T00:00:00Z') });
    const expired = token(user.id, org.id, {
      createdAt: new Date('2026-03-01T00:00:00Z'),
      expiresAt: new Date('2026-04-01T00:00:00Z'),
    });
    for (const t of [old, revoked, expired]) await repo.insert(t);
    expect((await repo.listForUser(user.id)).map((t) => t.id)).toEqual([revoked.id, old.id, expired.id]);
    const at = new Date('2026-05-02T00:00:00.000Z');
    expect(await repo.revoke(revoked.id, at, user.id)).toBe(true);
    expect(await repo.revoke(revoked.id, new Date(), user.id)).toBe(false);
    expect(await repo.get(revoked.id)).toMatchObject({ revokedAt: at, revokedBy: user.id });
    expect(await repo.countActiveForUser(user.id, at)).toBe(1);
  });

  it('writes the last use only when the previous one is a minute old, even when requests race', async () => {
    const { deps, org, user } = await owner();
    const repo = deps.uow.read.apiTokens;
    const t = token(user.id, org.id);
    await repo.insert(t);
    const at = new Date('2026-05-02T00:00:00.000Z');
    const raced = await Promise.all([1, 2, 3, 4].map((i) => repo.touch(t.id, at, `10.0.0.${i}`, 60_000)));
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await repo.touch(t.id, new Date(at.getTime() + 59_000), '10.0.0.9', 60_000)).toBe(false);
    expect((await repo.get(t.id))?.lastUsedAt).toEqual(at);
    expect(await repo.touch(t.id, new Date(at.getTime() + 60_000), '10.0.0.9', 60_000)).toBe(true);
    expect(await repo.get(t.id)).toMatchObject({ lastUsedIp: '10.0.0.9' });
  });
});
