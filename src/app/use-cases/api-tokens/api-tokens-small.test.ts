import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../../core/identity';
import { fakeDeps } from '../../testing/fake-deps';
import { createOrganization } from '../organizations/create-organization';
import { createUser } from '../users/create-user';
import { setUserDisabled } from '../users/set-user-disabled';
import { removeMembership } from '../organizations/remove-membership';
import { createApiToken } from './create-api-token';
import { revokeApiToken } from './revoke-api-token';
import { authenticateApiToken } from './authenticate-api-token';
import { FailureLogGate } from '../../failure-log-gate';

const sys = { actor: systemActor, requestId: 'req-1' };
const PW = 'correct horse battery';

async function world() {
  const deps = fakeDeps();
  const org = await createOrganization(deps, sys, { kind: 'csp', slug: 'acme', nameJa: 'アクメ', nameEn: 'Acme' });
  const mk = (email: string) =>
    createUser(deps, sys, {
      email,
      displayName: email,
      password: PW,
      memberships: [{ orgId: org.id, role: 'editor' }],
    });
  const alice = await mk('alice@acme.example');
  const bob = await mk('bob@acme.example');
  const actorOf = (userId: string): Actor => ({
    userId,
    isPlatformAdmin: false,
    memberships: [{ orgId: org.id, orgKind: 'csp', role: 'editor' }],
    activeOrgId: org.id,
  });
  const ctx = (userId: string) => ({ actor: actorOf(userId), requestId: 'req-2' });
  const input = { name: 'CI', access: ['read' as const], resources: ['catalogs' as const], expiresInDays: 30 };
  return { deps, org, alice, bob, ctx, input };
}

describe('API token use cases on in-memory ports', () => {
  it('creates a token shown once, stores only its hash, and audits without the token', async () => {
    const { deps, alice, org, ctx, input } = await world();
    const { token, apiToken } = await createApiToken(deps, ctx(alice.id), alice.id, input);
    expect(token).toMatch(/^ismap_pat_/);
    const stored = deps.uow.state().apiTokens.get(apiToken.id)!;
    expect(stored.orgId).toBe(org.id);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(30 * 86_400_000);
    const event = deps.uow.state().audit.find((e) => e.action === 'api_token.create')!;
    expect(event).toMatchObject({ targetId: apiToken.id, actorOrgId: org.id });
    expect(event.details.scopes).toEqual(['catalogs:read']);
    expect(JSON.stringify(event)).not.toContain(token.slice(10));
  });

  it('refuses another user as owner and a too long expiry, and writes nothing', async () => {
    const { deps, alice, bob, ctx, input } = await world();
    await expect(createApiToken(deps, ctx(alice.id), bob.id, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createApiToken(deps, ctx(alice.id), alice.id, { ...input, expiresInDays: 366 })).rejects.toThrow();
    expect(deps.uow.state().apiTokens.size).toBe(0);
  });

  it('authenticates until revoked, expired, the user disabled or the membership removed', async () => {
    const { deps, alice, org, ctx, input } = await world();
    const make = async () => (await createApiToken(deps, sys, alice.id, { ...input, orgId: org.id })).token;
    const t1 = await make();
    expect(await authenticateApiToken(deps, t1, '10.0.0.1')).toMatchObject({
      ok: true,
      actor: { activeOrgId: org.id },
    });
    expect(await authenticateApiToken(deps, 'ismap_pat_' + 'x'.repeat(43), null)).toMatchObject({
      ok: false,
      failure: 'unknown',
    });
    expect(await authenticateApiToken(deps, 'Bearer nonsense', null)).toMatchObject({ failure: 'malformed' });
    const id1 = [...deps.uow.state().apiTokens.values()][0]!.id;
    await revokeApiToken(deps, ctx(alice.id), id1);
    expect(await authenticateApiToken(deps, t1, null)).toMatchObject({ ok: false, failure: 'revoked', tokenId: id1 });

    const t2 = await make();
    deps.advance(31 * 86_400_000);
    expect(await authenticateApiToken(deps, t2, null)).toMatchObject({ failure: 'expired' });

    const t3 = await make();
    await setUserDisabled(deps, sys, alice.id, true);
    expect(await authenticateApiToken(deps, t3, null)).toMatchObject({ failure: 'user_disabled' });
    await setUserDisabled(deps, sys, alice.id, false);
    expect(await authenticateApiToken(deps, t3, null)).toMatchObject({ ok: true });
    await removeMembership(deps, sys, org.id, alice.id);
    expect(await authenticateApiToken(deps, t3, null)).toMatchObject({ failure: 'membership_gone' });
  });

  it("lets only the owner (or an administrator) revoke, and another user's token is not found", async () => {
    const { deps, alice, bob, ctx, input } = await world();
    const { apiToken } = await createApiToken(deps, sys, alice.id, input);
    await expect(revokeApiToken(deps, ctx(bob.id), apiToken.id)).rejects.toMatchObject({ code: 'not_found' });
    await revokeApiToken(deps, ctx(alice.id), apiToken.id);
    await revokeApiToken(deps, ctx(alice.id), apiToken.id);
    expect(deps.uow.state().audit.filter((e) => e.action === 'api_token.revoke')).toHaveLength(1);
  });

  it('writes the last use at most once a minute', async () => {
    const { deps, alice, input } = await world();
    const { token, apiToken } = await createApiToken(deps, sys, alice.id, input);
    await authenticateApiToken(deps, token, '10.0.0.1');
    const first = deps.uow.state().apiTokens.get(apiToken.id)!.lastUsedAt!;
    deps.advance(30_000);
    await authenticateApiToken(deps, token, '10.0.0.2');
    expect(deps.uow.state().apiTokens.get(apiToken.id)).toMatchObject({ lastUsedAt: first, lastUsedIp: '10.0.0.1' });
    deps.advance(30_000);
    await authenticateApiToken(deps, token, '10.0.0.3');
    expect(deps.uow.state().apiTokens.get(apiToken.id)?.lastUsedIp).toBe('10.0.0.3');
  });
});

describe('the failure log gate', () => {
  it('admits one failure per key a minute and a bounded number in all', () => {
    const gate = new FailureLogGate(60_000, 3);
    expect(gate.admit('a', 0)).toBe(true);
    expect(gate.admit('a', 59_999)).toBe(false);
    expect(gate.admit('b', 1)).toBe(true);
    expect(gate.admit('c', 2)).toBe(true);
    expect(gate.admit('d', 3)).toBe(false);
    expect(gate.admit('a', 60_000)).toBe(true);
  });
});
