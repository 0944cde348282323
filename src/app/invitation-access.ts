import { createHash } from 'node:crypto';
import { DomainError, notFound } from '../core/errors';
import { invitationState } from '../core/invitations';
import type { Actor } from '../core/identity';
import type { InvitationResource } from '../core/policies';
import type { Invitation } from '../core/records';
import type { Repositories } from './ports/repositories';

/** Only this digest of an invitation token is stored (like session ids): a copy of the table opens no invitation. */
export const invitationTokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

/** The invitation as a policy resource: who the invitee is, if the email has an account. */
export async function invitationResource(r: Repositories, inv: Invitation): Promise<InvitationResource> {
  const invitee = await r.users.getByEmail(inv.email);
  return { orgId: inv.orgId, inviteeUserId: invitee && !invitee.disabledAt ? invitee.id : null };
}

export async function loadInvitation(r: Repositories, id: string): Promise<Invitation> {
  const inv = await r.invitations.get(id);
  if (!inv) throw notFound('invitation');
  return inv;
}

/** An answer (accept, decline, revoke) needs a pending, unexpired invitation. */
const closedReason = {
  accepted: { reason: 'invitation_accepted' },
  declined: { reason: 'invitation_declined' },
  revoked: { reason: 'invitation_revoked' },
  expired: { reason: 'invitation_expired' },
} as const;

export function ensurePending(inv: Invitation, now: Date, allowExpired = false): void {
  const state = invitationState(inv, now);
  if (state === 'pending' || (allowExpired && state === 'expired')) return;
  throw new DomainError(
    'conflict',
    state === 'expired' ? 'This invitation has expired: ask for a new one' : `This invitation was already ${state}`,
    undefined,
    closedReason[state],
  );
}

/** The actor a person acting through an invitation is recorded as (they need not belong to any organization yet). */
export const inviteeActor = (userId: string): Actor => ({
  userId,
  isPlatformAdmin: false,
  memberships: [],
  activeOrgId: null,
});

/** Closes a pending invitation; a concurrent answer that got there first makes this one a conflict. */
export async function closePending(
  r: Repositories,
  inv: Invitation,
  status: 'accepted' | 'declined' | 'revoked',
  at: Date,
  by: string | null,
): Promise<void> {
  if (!(await r.invitations.close(inv.id, status, at, by))) {
    throw new DomainError('conflict', 'This invitation was answered or withdrawn meanwhile', undefined, {
      reason: 'invitation_closed',
    });
  }
}
