import { describe, expect, it } from 'vitest';
import {
  API_TOKEN_PATTERN,
  apiTokenFrom,
  apiTokenHash,
  apiTokenHint,
  apiTokenState,
  looksLikeApiToken,
  tokenActor,
  touchDue,
} from './api-tokens';
import {
  normalizeScopes,
  scopeNames,
  scopeRefusal,
  tokenAccesses,
  tokenAllows,
  tokenResources,
  type ScopeRequirement,
} from './policies/token-scopes';
import { abilities, organizationPolicy } from './policies';
import type { Membership } from './identity';

const random = 'A'.repeat(20) + 'b_c-' + '9'.repeat(19);

describe('API token scopes', () => {
  it('allows an endpoint only with both its resource and its access, for every pair', () => {
    for (const resource of tokenResources)
      for (const access of tokenAccesses) {
        const need: ScopeRequirement = { resource, access };
        expect(tokenAllows({ access: [access], resources: [resource] }, need)).toBe(true);
        expect(tokenAllows({ access: [...tokenAccesses], resources: [...tokenResources] }, need)).toBe(true);
        const otherAccess = tokenAccesses.filter((a) => a !== access);
        const otherResources = tokenResources.filter((r) => r !== resource);
        expect(scopeRefusal({ access: otherAccess, resources: [resource] }, need)).toBe('access_not_granted');
        expect(scopeRefusal({ access: [access], resources: otherResources }, need)).toBe('resource_not_granted');
      }
  });

  it('does not let write stand for read, nor read for write', () => {
    expect(tokenAllows({ access: ['write'], resources: ['catalogs'] }, { resource: 'catalogs', access: 'read' })).toBe(
      false,
    );
    expect(tokenAllows({ access: ['read'], resources: ['catalogs'] }, { resource: 'catalogs', access: 'write' })).toBe(
      false,
    );
  });

  it('names and normalizes scopes in the order of the lists, each once', () => {
    const s = normalizeScopes({ access: ['write', 'read', 'write'], resources: ['audit', 'catalogs', 'audit'] });
    expect(s).toEqual({ access: ['read', 'write'], resources: ['catalogs', 'audit'] });
    expect(scopeNames(s)).toEqual(['catalogs:read', 'catalogs:write', 'audit:read', 'audit:write']);
  });
});

describe('API token values', () => {
  it('has a recognizable prefix a scanner pattern finds, and a stable SHA-256', () => {
    const t = apiTokenFrom(random);
    expect(t.startsWith('ismap_pat_')).toBe(true);
    expect(looksLikeApiToken(t)).toBe(true);
    expect(looksLikeApiToken('ismap_pat_short')).toBe(false);
    expect(looksLikeApiToken(`${t} `)).toBe(false);
    expect(`Bearer ${t} here`.match(API_TOKEN_PATTERN)).toEqual([t]);
    expect(apiTokenHash(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(apiTokenHash(t)).toBe(apiTokenHash(apiTokenFrom(random)));
    expect(apiTokenHint(t)).toBe('ismap_pat_AAAA');
  });

  it('is active until it expires or is revoked', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const later = new Date('2026-05-02T00:00:00Z');
    expect(apiTokenState({ expiresAt: later, revokedAt: null }, now)).toBe('active');
    expect(apiTokenState({ expiresAt: now, revokedAt: null }, now)).toBe('expired');
    expect(apiTokenState({ expiresAt: later, revokedAt: now }, now)).toBe('revoked');
  });

  it('records its last use at most once a minute', () => {
    const at = new Date('2026-05-01T00:00:00Z');
    expect(touchDue(null, at)).toBe(true);
    expect(touchDue(at, new Date(at.getTime() + 59_999))).toBe(false);
    expect(touchDue(at, new Date(at.getTime() + 60_000))).toBe(true);
  });
});

describe('the actor of a token', () => {
  const user = { id: 'u1', isPlatformAdmin: false };
  const ms: Membership[] = [
    { orgId: 'o1', orgKind: 'csp', role: 'admin' },
    { orgId: 'o2', orgKind: 'agency', role: 'viewer' },
  ];

  it("acts in the token's organization only, with the user's current role there", () => {
    const a = tokenActor(user, ms, { orgId: 'o2' })!;
    expect(a).toEqual({
      userId: 'u1',
      isPlatformAdmin: false,
      memberships: [{ orgId: 'o2', orgKind: 'agency', role: 'viewer' }],
      activeOrgId: 'o2',
    });
    // The admin role the user holds elsewhere does not come along.
    expect(abilities(organizationPolicy, a, { id: 'o1' }).read).toBe(false);
    expect(abilities(organizationPolicy, a, { id: 'o2' }).update).toBe(false);
  });

  it('stops when the membership is gone, or a platform token loses the administrator', () => {
    expect(tokenActor(user, ms, { orgId: 'o3' })).toBeNull();
    expect(tokenActor(user, ms, { orgId: null })).toBeNull();
    expect(tokenActor({ id: 'pa', isPlatformAdmin: true }, [], { orgId: null })).toMatchObject({
      isPlatformAdmin: true,
      memberships: [],
      activeOrgId: null,
    });
  });
});
