import type { Actor } from '../../../core/identity';
import { abilities, userPolicy } from '../../../core/policies';
import type { PublicUser } from '../../../core/records';
import { iso } from '../present';

export const presentUser = (u: PublicUser) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  isPlatformAdmin: u.isPlatformAdmin,
  locale: u.locale,
  disabledAt: iso(u.disabledAt),
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

/** A user in the administrators' list, with what the caller may do to them. */
export const presentListedUser = (u: PublicUser, actor: Actor) => ({
  ...presentUser(u),
  abilities: abilities(userPolicy, actor, { id: u.id, orgIds: [] }),
});
