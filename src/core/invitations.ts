import type { Invitation } from './records';

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export type InvitationState = Invitation['status'] | 'expired';

/** What an invitation is at `now`: a pending invitation past its expiry is expired (the row is not rewritten). */
export function invitationState(inv: Pick<Invitation, 'status' | 'expiresAt'>, now: Date): InvitationState {
  if (inv.status === 'pending' && inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return inv.status;
}

export const isOpen = (inv: Pick<Invitation, 'status' | 'expiresAt'>, now: Date) =>
  invitationState(inv, now) === 'pending';
