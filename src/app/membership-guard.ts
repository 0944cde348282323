import { DomainError, notFound } from '../core/errors';
import type { Actor } from '../core/identity';
import { authorize, organizationPolicy } from '../core/policies';
import type { Organization } from '../core/records';
import type { Repositories } from './ports/repositories';

/**
 * Starts a membership change inside a transaction: locks the organization's memberships (so changes of one
 * organization serialise) and authorizes against the caller's memberships as they are now, after the lock — an admin
 * demoted by the transaction that held the lock is no longer an admin here.
 */
export async function lockForMembershipChange(r: Repositories, actor: Actor, orgId: string): Promise<Organization> {
  const org = await r.organizations.lockMemberships(orgId);
  if (!org) throw notFound('organization');
  const current: Actor = actor.isPlatformAdmin
    ? actor
    : { ...actor, memberships: await r.users.memberships(actor.userId) };
  authorize(organizationPolicy, current, 'manageMembers', org);
  return org;
}

/** An organization must keep at least one admin, or nobody inside it can manage it any more. */
export async function ensureAnotherAdmin(r: Repositories, orgId: string, leavingUserId: string): Promise<void> {
  const admins = (await r.users.members(orgId)).filter((m) => m.role === 'admin' && m.userId !== leavingUserId);
  if (admins.length === 0)
    throw new DomainError(
      'conflict',
      'An organization needs at least one admin: appoint another admin first',
      undefined,
      { reason: 'last_admin' },
    );
}
