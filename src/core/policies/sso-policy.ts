import { definePolicy } from './policy';
import { hasRole } from '../identity';

/**
 * An organization's single sign-on settings: its admins and platform administrators read and change them; other
 * members do not see them (they carry the identity provider's client id), so for them they answer 404.
 */
export const ssoPolicy = definePolicy<{ orgId: string }, 'configure'>('sso', {
  read: (a, o) => a.isPlatformAdmin || hasRole(a, o.orgId, 'admin'),
  configure: (a, o) => a.isPlatformAdmin || hasRole(a, o.orgId, 'admin'),
});
