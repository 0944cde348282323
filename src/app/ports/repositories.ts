import type { AuditEvent } from '../../core/audit-chain';
import type { Membership } from '../../core/identity';
import type { Invitation, MembershipRecord, Organization, Session, User } from '../../core/records';
import type { CatalogRepository, ContentRevisionRepository, MappingRepository } from './catalog-repositories';
import type { KnownDeviceRepository, LoginThrottleRepository } from './throttle-repositories';
import type { CloudServiceRepository, StatementRepository } from './statement-repositories';
import type { JobRepository } from './job-repositories';
import type { MfaRepository } from './mfa-repositories';
import type { EvidenceRepository } from './evidence-repositories';
import type { GapImportRepository } from './gap-repositories';
import type { SsoRepository } from './sso';
import type { RemediationRepository } from './remediation-repositories';

export type * from './catalog-repositories';
export type * from './throttle-repositories';
export type * from './statement-repositories';
export type * from './job-repositories';
export type * from './mfa-repositories';
import type { ApiTokenRepository } from './api-token-repository';
export type * from './api-token-repository';
export type * from './evidence-repositories';
export type * from './gap-repositories';
export type * from './remediation-repositories';

export interface OrganizationRepository {
  list(filter?: { ids?: string[] }): Promise<Organization[]>;
  get(id: string): Promise<Organization | null>;
  getBySlug(slug: string): Promise<Organization | null>;
  insert(org: Organization): Promise<void>;
  update(
    id: string,
    patch: Partial<Pick<Organization, 'nameJa' | 'nameEn' | 'updatedAt' | 'requireMfa'>>,
  ): Promise<void>;
  count(): Promise<number>;
  /**
   * Locks the organization's memberships for the rest of the transaction (its row, FOR NO KEY UPDATE) and returns
   * the organization: membership changes of one organization serialise, so two admins demoting each other at the
   * same moment cannot both pass the "another admin remains" check.
   */
  lockMemberships(id: string): Promise<Organization | null>;
}

export interface MemberRow extends MembershipRecord {
  email: string;
  displayName: string;
}

export interface UserRepository {
  get(id: string): Promise<User | null>;
  getByEmail(email: string): Promise<User | null>;
  list(): Promise<User[]>;
  insert(user: User): Promise<void>;
  update(
    id: string,
    patch: Partial<
      Pick<
        User,
        'displayName' | 'passwordHash' | 'locale' | 'disabledAt' | 'isPlatformAdmin' | 'updatedAt' | 'lastOrgId'
      >
    >,
  ): Promise<void>;
  count(): Promise<number>;
  /** The user's memberships with each organization's kind, oldest first (then by slug). */
  memberships(userId: string): Promise<Membership[]>;
  members(orgId: string): Promise<MemberRow[]>;
  getMembership(userId: string, orgId: string): Promise<MembershipRecord | null>;
  putMembership(m: MembershipRecord): Promise<void>;
  deleteMembership(userId: string, orgId: string): Promise<void>;
}

/** A pending invitation with what the invitee needs to decide: the organization's names and who invited them. */
export interface InvitationView extends Invitation {
  orgKind: Organization['kind'];
  orgNameJa: string;
  orgNameEn: string;
  invitedByName: string | null;
}

export interface InvitationRepository {
  insert(inv: Invitation): Promise<void>;
  get(id: string): Promise<Invitation | null>;
  getByTokenHash(tokenHash: string): Promise<Invitation | null>;
  /** The open (status pending) invitation of this email to this organization, expired or not. */
  pendingFor(orgId: string, email: string): Promise<Invitation | null>;
  /** Pending, unexpired invitations of an organization, newest first. */
  listPendingForOrg(orgId: string, now: Date): Promise<InvitationView[]>;
  /** Pending, unexpired invitations addressed to an email, newest first. */
  listPendingForEmail(email: string, now: Date): Promise<InvitationView[]>;
  /** Closes a pending invitation; false when it was no longer pending (answered or revoked meanwhile). */
  close(id: string, status: 'accepted' | 'declined' | 'revoked', at: Date, by: string | null): Promise<boolean>;
  /** Deletes pending invitations that expired before `before` (nobody can use them any more); returns how many. */
  deleteExpired(before: Date): Promise<number>;
}

/** A session together with what the server needs to build the actor, in one read. */
export interface SessionWithUser {
  session: Session;
  user: User;
  memberships: Membership[];
}

export interface SessionRepository {
  insert(session: Session): Promise<void>;
  get(id: string): Promise<Session | null>;
  getWithUser(id: string): Promise<SessionWithUser | null>;
  touch(id: string, at: Date): Promise<void>;
  setActiveOrg(id: string, orgId: string | null): Promise<void>;
  revoke(id: string, at: Date): Promise<void>;
  revokeAllForUser(userId: string, at: Date): Promise<number>;
  listForUser(userId: string): Promise<Session[]>;
  /** Deletes sessions that expired or were revoked before `endedBefore`, or were last seen before `idleBefore`; returns how many. */
  deleteEnded(endedBefore: Date, idleBefore: Date): Promise<number>;
  /** The second factor was given (or enrolled): the session may act; `authenticatedAt` moves to `at`. */
  completeSignIn(id: string, method: Session['mfaMethod'], at: Date): Promise<void>;
  /** A fresh proof of identity for sensitive actions. */
  reauthenticated(id: string, method: Session['mfaMethod'], at: Date): Promise<void>;
}

export interface AuditQuery {
  action?: string;
  actorUserId?: string;
  actorOrgId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  /** Only events with seq > afterSeq (ascending) or seq < beforeSeq (descending). */
  afterSeq?: number;
  beforeSeq?: number;
  order?: 'asc' | 'desc';
  limit: number;
}

export interface AuditRepository {
  /** Locks the chain head for the rest of the transaction and returns it (null when the chain is empty). */
  lockHead(): Promise<{ seq: number; hash: string } | null>;
  /** The recorded chain head without locking it; 'missing' when its row was deleted (verification reports it). */
  readHead(): Promise<{ seq: number; hash: string } | null | 'missing'>;
  append(event: AuditEvent): Promise<void>;
  query(q: AuditQuery): Promise<AuditEvent[]>;
  count(q?: Omit<AuditQuery, 'limit'>): Promise<number>;
}

/** Installation bookkeeping (not domain data). */
export interface SettingsRepository {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, at: Date): Promise<void>;
}

export interface Repositories {
  organizations: OrganizationRepository;
  users: UserRepository;
  sessions: SessionRepository;
  audit: AuditRepository;
  catalogs: CatalogRepository;
  mappings: MappingRepository;
  contentRevision: ContentRevisionRepository;
  settings: SettingsRepository;
  loginThrottle: LoginThrottleRepository;
  knownDevices: KnownDeviceRepository;
  invitations: InvitationRepository;
  cloudServices: CloudServiceRepository;
  statements: StatementRepository;
  jobs: JobRepository;
  mfa: MfaRepository;
  apiTokens: ApiTokenRepository;
  evidence: EvidenceRepository;
  sso: SsoRepository;
  gapImports: GapImportRepository;
  remediation: RemediationRepository;
}

/**
 * The unit of work: `transaction` runs a use case's writes and its audit row atomically;
 * `read` gives repositories outside a transaction for queries.
 */
/** Work that one server at a time may do on a shared database (each has its own advisory lock key). */
export type ExclusiveTask = 'bundled_catalog_sync';

export interface UnitOfWork {
  read: Repositories;
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Runs `fn` while no other process on the same database runs the same task (it waits its turn). Not reentrant. */
  exclusive<T>(task: ExclusiveTask, fn: () => Promise<T>): Promise<T>;
}
