import { definePolicy } from './policy';
import { hasRole } from '../identity';

export interface InvitationResource {
  orgId: string;
  /** The account registered with the invitation's email, if there is one (resolved by the use case). */
  inviteeUserId: string | null;
}

/**
 * Invitations: the inviting organization's admins (and platform administrators) see and revoke them; only the
 * person invited answers them. Nobody, not even a platform administrator, accepts on someone else's behalf.
 */
export const invitationPolicy = definePolicy<InvitationResource, 'revoke' | 'accept' | 'decline'>('invitation', {
  read: (a, i) => a.isPlatformAdmin || hasRole(a, i.orgId, 'admin') || a.userId === i.inviteeUserId,
  revoke: (a, i) => a.isPlatformAdmin || hasRole(a, i.orgId, 'admin'),
  accept: (a, i) => a.userId === i.inviteeUserId,
  decline: (a, i) => a.userId === i.inviteeUserId,
});
