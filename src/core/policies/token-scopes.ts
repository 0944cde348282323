/**
 * What an API token may touch: a set of resources and a set of accesses (read, write). Every API endpoint declares
 * the one scope it needs (`ScopeRequirement`) or that it is not open to tokens at all (sign-in, sessions, the tokens
 * themselves, user administration): a token works only where it holds the endpoint's resource *and* access, and
 * then only as far as its user's current role allows (the resource policies still decide).
 */
export const tokenResources = [
  'catalogs',
  'mappings',
  'organizations',
  'audit',
  'cloud-services',
  'statements',
  'evidence',
  'remediation',
] as const;
export type TokenResource = (typeof tokenResources)[number];

export const tokenAccesses = ['read', 'write'] as const;
export type TokenAccess = (typeof tokenAccesses)[number];

export interface TokenScopes {
  access: readonly TokenAccess[];
  resources: readonly TokenResource[];
}

/** The scope one endpoint needs from a token. */
export interface ScopeRequirement {
  resource: TokenResource;
  access: TokenAccess;
}

/** `catalogs:read`: how a requirement is named in the OpenAPI document, errors and the CLI. */
export const scopeName = (need: ScopeRequirement) => `${need.resource}:${need.access}`;

/** Why a token may not call an endpoint: it lacks the resource, or holds it without the access. */
export type ScopeRefusal = 'resource_not_granted' | 'access_not_granted';

/**
 * Null when the token holds the scope, else why not.
 *
 * @example scopeRefusal({ access: ['read'], resources: ['catalogs'] }, { resource: 'catalogs', access: 'write' })
 *   // → 'access_not_granted'
 */
export function scopeRefusal(scopes: TokenScopes, need: ScopeRequirement): ScopeRefusal | null {
  if (!scopes.resources.includes(need.resource)) return 'resource_not_granted';
  if (!scopes.access.includes(need.access)) return 'access_not_granted';
  return null;
}

export const tokenAllows = (scopes: TokenScopes, need: ScopeRequirement) => scopeRefusal(scopes, need) === null;

/** Scopes as stored and shown: each value once, in the order of the lists above. */
export function normalizeScopes(scopes: TokenScopes): { access: TokenAccess[]; resources: TokenResource[] } {
  return {
    access: tokenAccesses.filter((a) => scopes.access.includes(a)),
    resources: tokenResources.filter((r) => scopes.resources.includes(r)),
  };
}

/** Every `resource:access` pair the scopes grant (`catalogs:read`, `catalogs:write`, …). */
export function scopeNames(scopes: TokenScopes): string[] {
  const s = normalizeScopes(scopes);
  return s.resources.flatMap((resource) => s.access.map((access) => scopeName({ resource, access })));
}
