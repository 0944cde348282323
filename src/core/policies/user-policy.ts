import { definePolicy } from './policy';

export interface UserResource {
  id: string;
  /** Organizations the user belongs to. */
  orgIds: string[];
}

/** Users: a user sees themself and fellow members of their organizations; administrators see all. */
export const userPolicy = definePolicy<UserResource, 'update' | 'disable' | 'resetPassword'>('user', {
  read: (a, u) =>
    a.isPlatformAdmin || a.userId === u.id || u.orgIds.some((id) => a.memberships.some((m) => m.orgId === id)),
  update: (a, u) => a.isPlatformAdmin || a.userId === u.id,
  disable: (a, u) => a.isPlatformAdmin && a.userId !== u.id,
  // Your own password is changed with the current one (POST /auth/password), not reset.
  resetPassword: (a, u) => a.isPlatformAdmin && a.userId !== u.id,
});
