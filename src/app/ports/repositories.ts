import type { AuditEvent } from '../../core/audit-chain';
import type { Membership } from '../../core/identity';
import type { MembershipRecord, Organization, Session, User } from '../../core/records';
import type { CatalogRepository, MappingRepository } from './catalog-repositories';
import type { KnownDeviceRepository, LoginThrottleRepository } from './throttle-repositories';

export type * from './catalog-repositories';
export type * from './throttle-repositories';

export interface OrganizationRepository {
  list(filter?: { ids?: string[] }): Promise<Organization[]>;
  get(id: string): Promise<Organization | null>;
  getBySlug(slug: string): Promise<Organization | null>;
  insert(org: Organization): Promise<void>;
  update(id: string, patch: Partial<Pick<Organization, 'nameJa' | 'nameEn' | 'updatedAt'>>): Promise<void>;
  count(): Promise<number>;
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
  update(id: string, patch: Partial<Pick<User, 'displayName' | 'passwordHash' | 'locale' | 'disabledAt' | 'isPlatformAdmin' | 'updatedAt'>>): Promise<void>;
  count(): Promise<number>;
  /** The user's memberships with each organization's kind. */
  memberships(userId: string): Promise<Membership[]>;
  members(orgId: string): Promise<MemberRow[]>;
  getMembership(userId: string, orgId: string): Promise<MembershipRecord | null>;
  putMembership(m: MembershipRecord): Promise<void>;
  deleteMembership(userId: string, orgId: string): Promise<void>;
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
  settings: SettingsRepository;
  loginThrottle: LoginThrottleRepository;
  knownDevices: KnownDeviceRepository;
}

/**
 * The unit of work: `transaction` runs a use case's writes and its audit row atomically;
 * `read` gives repositories outside a transaction for queries.
 */
export interface UnitOfWork {
  read: Repositories;
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}
