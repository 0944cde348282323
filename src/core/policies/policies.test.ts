import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity';
import { abilities, authorize, organizationPolicy, platformPolicy, sessionPolicy, userPolicy } from './index';

const org = { id: 'org-a' };
const actor = (role: 'admin' | 'editor' | 'viewer' | null, isPlatformAdmin = false): Actor => ({ userId: 'u1', isPlatformAdmin, memberships: role ? [{ orgId: 'org-a', orgKind: 'csp', role }] : [], activeOrgId: role ? 'org-a' : null });

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
    expect(() => authorize(organizationPolicy, actor(null), 'update', org)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => authorize(organizationPolicy, actor('viewer'), 'update', org)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => authorize(organizationPolicy, actor('admin'), 'update', org)).not.toThrow();
  });
});

describe('platform, user and session policies', () => {
  it('keeps platform abilities to administrators', () => {
    expect(abilities(platformPolicy, actor('admin'), null)).toMatchObject({ createOrganization: false, readAuditLog: false });
    expect(abilities(platformPolicy, actor(null, true), null)).toMatchObject({ createOrganization: true, readAuditLog: true, verifyAuditLog: true });
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
