import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, organizationWithMembers, startTestServer, type TestServer } from '../support/server';
import { createApiToken, type CreateApiTokenInput } from '../../src/app/use-cases/api-tokens/create-api-token';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { setMembership } from '../../src/app/use-cases/organizations/set-membership';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import { tokenResources } from '../../src/core/policies/token-scopes';

// The authorization matrix for bearer-token callers (test/server/authorization-matrix.test.ts covers session
// callers for every endpoint): a token works where its scope *and* its user's current role in the token's
// organization both allow, and only there. Every operation of the OpenAPI document declares what a token needs;
// those open to people only refuse every token.

const PW = 'bearer-matrix-password';
const sys = { actor: systemActor, requestId: null };
type TokenName = 'readAll' | 'catalogsOnly' | 'full' | 'viewerFull' | 'platform';

interface Cell {
  token: TokenName;
  method: string;
  path: (o: { inside: string; outside: string }) => string;
  body?: unknown;
  form?: () => FormData;
  status: number;
  reason?: string;
}

const upload = () => {
  const form = new FormData();
  form.set('file', new Blob(['id,text\n9.2.3,テキスト\n'], { type: 'text/csv' }), 'm.csv');
  form.set('edition', '2024-07');
  form.set('dryRun', 'true');
  return form;
};
let seq = 0;
function org() {
  return { kind: 'agency', slug: `bm-${seq++}`, nameJa: '省', nameEn: 'Ministry' };
}
const scopeMissing = { status: 403, reason: 'token_scope_missing' };
const mapping = { source: 'ismap:5.1.1', target: 'nist-800-53r5:ac-1', relationship: 'intersects-with' };

const cells: Cell[] = [
  // A read-only token cannot write, whatever its user may do.
  { token: 'readAll', method: 'GET', path: (o) => `/organizations/${o.inside}`, status: 200 },
  { token: 'readAll', method: 'GET', path: () => '/catalogs', status: 200 },
  { token: 'readAll', method: 'GET', path: (o) => `/audit-events?orgId=${o.inside}`, status: 200 },
  { token: 'readAll', method: 'GET', path: () => '/mapping-sets', status: 200 },
  {
    token: 'readAll',
    method: 'PATCH',
    path: (o) => `/organizations/${o.inside}`,
    body: { nameEn: 'x' },
    ...scopeMissing,
  },
  { token: 'readAll', method: 'POST', path: () => '/mappings', body: mapping, ...scopeMissing },
  { token: 'readAll', method: 'POST', path: () => '/catalogs/ismap/import-text', form: upload, ...scopeMissing },
  {
    token: 'readAll',
    method: 'POST',
    path: (o) => `/organizations/${o.inside}/invitations`,
    body: { email: 'x@y.test', role: 'viewer' },
    ...scopeMissing,
  },
  // A platform-only endpoint refuses an organization admin's token by role, not for want of a scope.
  { token: 'readAll', method: 'GET', path: () => '/audit-events/verify', status: 403, reason: 'forbidden_role' },
  // A token scoped to catalogs cannot read organizations, mappings or the audit log.
  { token: 'catalogsOnly', method: 'GET', path: () => '/catalogs', status: 200 },
  { token: 'catalogsOnly', method: 'GET', path: () => '/catalogs/ismap/diff?from=2024-07&to=2024-07', status: 200 },
  { token: 'catalogsOnly', method: 'GET', path: () => '/organizations', ...scopeMissing },
  { token: 'catalogsOnly', method: 'GET', path: (o) => `/organizations/${o.inside}`, ...scopeMissing },
  { token: 'catalogsOnly', method: 'GET', path: (o) => `/organizations/${o.inside}/members`, ...scopeMissing },
  { token: 'catalogsOnly', method: 'GET', path: () => '/mappings/paths?from=9.2.3&to=iso27001-2013', ...scopeMissing },
  { token: 'catalogsOnly', method: 'GET', path: (o) => `/audit-events?orgId=${o.inside}`, ...scopeMissing },
  // Exporting the audit log: audit:read is enough for a token (a machine export; no re-authentication), within
  // the token's organization and its user's role only.
  { token: 'readAll', method: 'GET', path: (o) => `/audit-events/export?orgId=${o.inside}`, status: 200 },
  { token: 'catalogsOnly', method: 'GET', path: (o) => `/audit-events/export?orgId=${o.inside}`, ...scopeMissing },
  { token: 'full', method: 'GET', path: (o) => `/audit-events/export?orgId=${o.outside}`, status: 404 },
  {
    token: 'viewerFull',
    method: 'GET',
    path: (o) => `/audit-events/export?orgId=${o.inside}`,
    status: 403,
    reason: 'forbidden_role',
  },
  // Within its scopes, the user's role in the token's organization decides — only that organization.
  {
    token: 'full',
    method: 'PATCH',
    path: (o) => `/organizations/${o.inside}`,
    body: { nameEn: 'Via token' },
    status: 200,
  },
  {
    token: 'full',
    method: 'POST',
    path: (o) => `/organizations/${o.inside}/invitations`,
    body: { email: 'invited@y.test', role: 'viewer' },
    status: 201,
  },
  { token: 'full', method: 'POST', path: () => '/mappings', body: mapping, status: 201 },
  // The user is a member of the other organization too, but the token does not act there.
  { token: 'full', method: 'GET', path: (o) => `/organizations/${o.outside}`, status: 404 },
  { token: 'full', method: 'GET', path: (o) => `/audit-events?orgId=${o.outside}`, status: 404 },
  { token: 'full', method: 'POST', path: () => '/organizations', body: org(), status: 403, reason: 'forbidden_role' },
  // A viewer's token with every scope is still a viewer's.
  { token: 'viewerFull', method: 'GET', path: (o) => `/organizations/${o.inside}`, status: 200 },
  {
    token: 'viewerFull',
    method: 'PATCH',
    path: (o) => `/organizations/${o.inside}`,
    body: { nameEn: 'x' },
    status: 403,
    reason: 'forbidden_role',
  },
  {
    token: 'viewerFull',
    method: 'POST',
    path: () => '/mappings',
    body: mapping,
    status: 403,
    reason: 'forbidden_role',
  },
  {
    token: 'viewerFull',
    method: 'GET',
    path: (o) => `/audit-events?orgId=${o.inside}`,
    status: 403,
    reason: 'forbidden_role',
  },
  // A platform administrator's platform-wide token.
  { token: 'platform', method: 'GET', path: () => '/audit-events/verify', status: 200 },
  { token: 'platform', method: 'POST', path: () => '/organizations', body: org(), status: 201 },
  { token: 'platform', method: 'GET', path: (o) => `/organizations/${o.outside}`, status: 200 },
];

describe('authorization matrix for API tokens', () => {
  let s: TestServer;
  const orgs = { inside: '', outside: '' };
  const tokens = {} as Record<TokenName, string>;
  let doc: { paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>> };

  beforeAll(async () => {
    s = await startTestServer();
    orgs.inside = await organizationWithMembers(
      s,
      { kind: 'csp', slug: 'bm-in', name: 'Inside' },
      [
        { email: 'admin@bm.test', role: 'admin' },
        { email: 'viewer@bm.test', role: 'viewer' },
      ],
      PW,
    );
    orgs.outside = await organizationWithMembers(s, { kind: 'agency', slug: 'bm-out', name: 'Outside' }, [], PW);
    await setMembership(s.deps, sys, orgs.outside, { email: 'admin@bm.test', role: 'viewer' });
    await createUser(s.deps, sys, { email: 'pa@bm.test', displayName: 'PA', password: PW, isPlatformAdmin: true });
    await syncBundledCatalogs(s.deps, sys, await loadBundledContent());
    const mint = async (email: string, input: Partial<CreateApiTokenInput>) => {
      const user = (await s.deps.uow.read.users.getByEmail(email))!;
      const base = { name: 'm', access: ['read', 'write'] as const, resources: [...tokenResources], expiresInDays: 7 };
      return (await createApiToken(s.deps, sys, user.id, { ...base, access: [...base.access], ...input })).token;
    };
    tokens.readAll = await mint('admin@bm.test', { orgId: orgs.inside, access: ['read'] });
    tokens.catalogsOnly = await mint('admin@bm.test', { orgId: orgs.inside, resources: ['catalogs'] });
    tokens.full = await mint('admin@bm.test', { orgId: orgs.inside });
    tokens.viewerFull = await mint('viewer@bm.test', { orgId: orgs.inside });
    tokens.platform = await mint('pa@bm.test', { orgId: null });
    doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as typeof doc;
  });
  afterAll(async () => s?.close());

  for (const cell of cells) {
    const label = `${cell.token} ${cell.method} ${cell.path({ inside: '{inside}', outside: '{outside}' })}`;
    it(`${label} → ${cell.status}${cell.reason ? ` (${cell.reason})` : ''}`, async () => {
      const res = await call(s.app, cell.method, cell.path(orgs), {
        bearer: tokens[cell.token],
        body: cell.body,
        ...(cell.form ? { form: cell.form() } : {}),
      });
      expect(res.status, JSON.stringify(res.json)).toBe(cell.status);
      const reason = (res.json?.error as { reason?: string } | undefined)?.reason;
      // 'forbidden_role': refused by the resource policy, not for want of a scope.
      if (cell.reason === 'forbidden_role') expect(reason).not.toBe('token_scope_missing');
      else if (cell.reason) expect(reason).toBe(cell.reason);
    });
  }

  it('lists only the organization the token acts in', async () => {
    const res = await call(s.app, 'GET', '/organizations', { bearer: tokens.full });
    expect((res.json.organizations as { id: string }[]).map((o) => o.id)).toEqual([orgs.inside]);
  });

  it('has every operation declare what a token needs (a scope, or people only)', () => {
    const undeclared = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !Array.isArray(op.security))
        .map(([m]) => `${m.toUpperCase()} ${p}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('refuses every token on every operation open to people only', async () => {
    const peopleOnly = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !op.security!.some((r) => 'bearerAuth' in r))
        .map(([m]) => [m.toUpperCase(), p] as const),
    );
    expect(peopleOnly.map(([m, p]) => `${m} ${p}`)).toEqual(
      expect.arrayContaining(['POST /auth/login', 'GET /auth/session', 'POST /auth/tokens', 'GET /users']),
    );
    for (const [method, p] of peopleOnly) {
      const path = p.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await call(s.app, method, path, { bearer: tokens.platform, body: method === 'GET' ? undefined : {} });
      expect([`${method} ${p}`, res.status, (res.json?.error as { reason?: string })?.reason]).toEqual([
        `${method} ${p}`,
        403,
        'token_not_allowed',
      ]);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });
});
