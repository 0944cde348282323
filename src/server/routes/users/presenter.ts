import type { PublicUser } from '../../../core/records';
import { iso } from '../present';

export const presentUser = (u: PublicUser & { abilities?: Record<string, boolean> }) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  isPlatformAdmin: u.isPlatformAdmin,
  locale: u.locale,
  disabledAt: iso(u.disabledAt),
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
  ...(u.abilities ? { abilities: u.abilities } : {}),
});
