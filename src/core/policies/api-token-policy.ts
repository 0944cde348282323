import { definePolicy } from './policy';

export interface ApiTokenResource {
  userId: string;
}

/** API tokens: each user sees and revokes their own; platform administrators may revoke anyone's. */
export const apiTokenPolicy = definePolicy<ApiTokenResource, 'revoke'>('API token', {
  read: (a, t) => a.userId === t.userId || a.isPlatformAdmin,
  revoke: (a, t) => a.userId === t.userId || a.isPlatformAdmin,
});
