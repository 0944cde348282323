import { definePolicy } from './policy';

export interface SessionResource {
  userId: string;
}

/** Sign-in sessions: each user sees and revokes their own; administrators may revoke anyone's. */
export const sessionPolicy = definePolicy<SessionResource, 'revoke'>('session', {
  read: (a, s) => a.userId === s.userId || a.isPlatformAdmin,
  revoke: (a, s) => a.userId === s.userId || a.isPlatformAdmin,
});
