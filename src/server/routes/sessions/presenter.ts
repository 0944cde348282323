import type { Actor } from '../../../core/identity';
import { abilities, catalogPolicy, platformPolicy } from '../../../core/policies';
import { publicUser, type Organization, type Session, type User } from '../../../core/records';
import { presentOrganization } from '../organizations/presenter';
import { presentUser } from '../users/presenter';
import { iso } from '../present';
import type { MfaMethod } from '../../../core/mfa';

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

/** The signed-in user, their organizations and what they may do across the platform. */
export const presentSessionInfo = (v: {
  user: User;
  actor: Actor;
  session: Session;
  organizations: Organization[];
  signInMethods: MfaMethod[];
}) => ({
  user: presentUser(publicUser(v.user)),
  memberships: v.actor.memberships,
  activeOrgId: v.actor.activeOrgId,
  organizations: v.organizations
    .filter((o) => v.actor.memberships.some((m) => m.orgId === o.id))
    .map((o) => presentOrganization(o, v.actor)),
  csrfToken: v.session.csrfToken,
  // Platform-wide abilities, plus the catalog ones the navigation needs before any catalog is loaded.
  abilities: {
    ...abilities(platformPolicy, v.actor, null),
    importCatalogText: catalogPolicy.rules.importText(v.actor, null),
  },
  signInStep: v.session.signInStep,
  signInMethods: v.signInMethods,
  mfaMethod: v.session.mfaMethod,
  authenticatedAt: iso(v.session.authenticatedAt),
});
