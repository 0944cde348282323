import type { PublicUser, Session } from '../core/records';
import type { OrganizationWithAbilities } from '../app/use-cases/organizations/list-organizations';
import type { MemberRow } from '../app/ports/repositories';
import type { InvitationWithAbilities } from '../app/use-cases/organizations/list-invitations';
import type { InvitationLinkView } from '../app/use-cases/organizations/open-invitation-link';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentOrganization = (o: OrganizationWithAbilities) => ({ ...o, createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString() });

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

export const presentMember = (m: MemberRow) => ({ ...m, createdAt: m.createdAt.toISOString() });

export const presentDeviceSession = (s: Session, currentId: string) => ({
  id: s.id.slice(0, 16),
  createdAt: s.createdAt.toISOString(),
  lastSeenAt: s.lastSeenAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
  revokedAt: iso(s.revokedAt),
  ip: s.ip,
  userAgent: s.userAgent,
  current: s.id === currentId,
});

/** Never the token digest: an invitation leaves the server without anything that opens it. */
export const presentInvitation = (i: InvitationWithAbilities) => ({
  id: i.id,
  orgId: i.orgId,
  orgKind: i.orgKind,
  orgNameJa: i.orgNameJa,
  orgNameEn: i.orgNameEn,
  email: i.email,
  role: i.role,
  invitedByName: i.invitedByName,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  abilities: i.abilities,
});

export const presentInvitationLink = (v: InvitationLinkView) => ({ ...v, expiresAt: v.expiresAt.toISOString() });
