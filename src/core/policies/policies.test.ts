import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity';
import {
  abilities,
  authorize,
  mappingPolicy,
  mappingSetPolicy,
  organizationPolicy,
  platformPolicy,
  sessionPolicy,
  userPolicy,
} from './index';

const org = { id: 'org-a' };
const actor = (role: 'admin' | 'editor' | 'viewer' | null, isPlatformAdmin = false): Actor => ({
  userId: 'u1',
  isPlatformAdmin,
  memberships: role ? [{ orgId: 'org-a', orgKind: 'csp', role }] : [],
  activeOrgId: role ? 'org-a' : null,
});

describe('organization policy', () => {
  it.each([
    ['admin', { read: true, viewMembers: true, update: true, manageMembers: true, viewAudit: true }],
    ['editor', { read: true, viewMembers: true, update: false, manageMembers: false, viewAudit: false }],
    ['viewer', { read: true, viewMembers: true, update: false, manageMembers: false, viewAudit: false }],
    [null, { read: false, viewMembers: false, update: false, manageMembers: false, viewAudit: false }],
  ] as const)('gives %s these abilities', (role, expected) => {
    expect(abilities(organizationPolicy, actor(role), org)).toEqual(expected);
  });
  it('lets platform administrators do everything', () => {
    expect(Object.values(abilities(organizationPolicy, actor(null, true), org)).every(Boolean)).toBe(true);
  });
  it('answers not_found when the caller cannot read, forbidden when it can read but not act', () => {
    expect(() => authorize(organizationPolicy, actor(null), 'update', org)).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(() => authorize(organizationPolicy, actor('viewer'), 'update', org)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => authorize(organizationPolicy, actor('admin'), 'update', org)).not.toThrow();
  });
});

describe('platform, user and session policies', () => {
  it('keeps platform abilities to administrators', () => {
    expect(abilities(platformPolicy, actor('admin'), null)).toMatchObject({
      createOrganization: false,
      readAuditLog: false,
    });
    expect(abilities(platformPolicy, actor(null, true), null)).toMatchObject({
      createOrganization: true,
      readAuditLog: true,
      verifyAuditLog: true,
    });
  });
  it('shows users to themselves and fellow members only', () => {
    expect(userPolicy.rules.read(actor('viewer'), { id: 'u2', orgIds: ['org-a'] })).toBe(true);
    expect(userPolicy.rules.read(actor('viewer'), { id: 'u2', orgIds: ['org-b'] })).toBe(false);
    expect(userPolicy.rules.disable(actor(null, true), { id: 'u1', orgIds: [] })).toBe(false);
  });
  it('lets users revoke only their own sessions', () => {
    expect(sessionPolicy.rules.revoke(actor('admin'), { userId: 'u1' })).toBe(true);
    expect(sessionPolicy.rules.revoke(actor('admin'), { userId: 'u2' })).toBe(false);
  });
});

describe('mapping set policy', () => {
  const own = { source: 'user' as const, orgId: 'org-a', published: false };
  const other = { source: 'import' as const, orgId: 'org-b', published: false };
  it.each([
    [
      'a global set, to everyone',
      { source: 'bundled' as const, orgId: null, published: false },
      null,
      { read: true, publish: false },
    ],
    ['its own organization’s set, to a viewer', own, 'viewer', { read: true, publish: false }],
    ['another organization’s set, to an admin', other, 'admin', { read: false, publish: false }],
    [
      'another organization’s published set, to a viewer',
      { ...other, published: true },
      'viewer',
      { read: true, publish: false },
    ],
  ] as const)('shows %s', (_what, set, role, expected) => {
    expect(abilities(mappingSetPolicy, actor(role), set)).toEqual(expected);
  });
  it('lets platform administrators read every set and publish an organization’s set (a global one has nothing to publish)', () => {
    expect(abilities(mappingSetPolicy, actor(null, true), other)).toEqual({ read: true, publish: true });
    expect(
      abilities(mappingSetPolicy, actor(null, true), { source: 'bundled', orgId: null, published: false }).publish,
    ).toBe(false);
  });
  it('hides another organization’s manual mapping (404), and lets only its admins delete their own', () => {
    expect(() =>
      authorize(mappingPolicy, actor('admin'), 'delete', { setSource: 'user', orgId: 'org-b', published: false }),
    ).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() =>
      authorize(mappingPolicy, actor('editor'), 'delete', { setSource: 'user', orgId: 'org-a', published: false }),
    ).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() =>
      authorize(mappingPolicy, actor('admin'), 'delete', { setSource: 'user', orgId: 'org-a', published: false }),
    ).not.toThrow();
  });
});
