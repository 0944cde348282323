import type { OrgKind, Role } from './identity';
import type { MfaMethod, SignInStep } from './mfa';

/** Stored records of the identity part of the system. */
export interface Organization {
  id: string;
  kind: OrgKind;
  slug: string;
  nameJa: string;
  nameEn: string;
  createdAt: Date;
  updatedAt: Date;
  /** Members must sign in with a second factor (set by an organization admin). */
  requireMfa: boolean;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  /** Null for a user who signs in only through their organization's SSO. */
  passwordHash: string | null;
  isPlatformAdmin: boolean;
  locale: string | null;
  disabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The organization the user last chose to act for; sign-in resumes it (see `chooseActiveOrg`). */
  lastOrgId: string | null;
}

/** What may leave the server about a user: never the password hash. */
export type PublicUser = Omit<User, 'passwordHash' | 'lastOrgId'>;
export const publicUser = ({ passwordHash: _omit, lastOrgId: _last, ...u }: User): PublicUser => u;

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
  /** What is left before the session may act: the second factor, or enrolling one; null when signed in. */
  signInStep: SignInStep | null;
  /** The second factor that signed this session in (null: password only). */
  mfaMethod: MfaMethod | null;
  mfaAt: Date | null;
  /** The newest proof of identity: sign-in, second factor or re-authentication (see `isRecentlyAuthenticated`). */
  authenticatedAt: Date | null;
}

export const invitationStatuses = ['pending', 'accepted', 'declined', 'revoked'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/** An invitation to join an organization with a role. The person it names accepts or declines it. */
export interface Invitation {
  id: string;
  orgId: string;
  /** Lower-case; the invitation is for whoever holds (or registers) an account with this email. */
  email: string;
  role: Role;
  /** SHA-256 of the single-use token in the invitation link. */
  tokenHash: string;
  status: InvitationStatus;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
}
