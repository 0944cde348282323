import type { OrgKind, Role } from './identity';

/** Stored records of the identity part of the system. */
export interface Organization {
  id: string;
  kind: OrgKind;
  slug: string;
  nameJa: string;
  nameEn: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  isPlatformAdmin: boolean;
  locale: string | null;
  disabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What may leave the server about a user: never the password hash. */
export type PublicUser = Omit<User, 'passwordHash'>;
export const publicUser = ({ passwordHash: _omit, ...u }: User): PublicUser => u;

export interface MembershipRecord {
  userId: string;
  orgId: string;
  role: Role;
  createdAt: Date;
}

export interface Session {
  id: string;
  userId: string;
  activeOrgId: string | null;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  ip: string | null;
  userAgent: string | null;
}
