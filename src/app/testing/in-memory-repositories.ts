import type { AuditEvent } from '../../core/audit-chain';
import type { OrgKind } from '../../core/identity';
import type { MembershipRecord, Organization, Session, User } from '../../core/records';
import { emptyMfaState, inMemoryMfa, type MfaState } from './in-memory-mfa';
import type { ApiToken } from '../../core/api-tokens';
import { inMemoryApiTokens } from './in-memory-api-tokens';
import { inMemoryKnownDevices, inMemoryLoginThrottle, type ThrottleRow } from './in-memory-throttle';
import type {
  AuditQuery,
  KnownDevice,
  AuditRepository,
  OrganizationRepository,
  Repositories,
  SessionRepository,
  SettingsRepository,
  UnitOfWork,
  UserRepository,
} from '../ports/repositories';

// In-memory fakes of the app's identity and audit ports, for the small test tier: use-case tests that need no
// database (house style: Immich's newTestService). They keep the semantics the use cases rely on — unique emails
// and slugs, memberships oldest first (then by organization slug), a transaction that rolls back on error — and
// nothing more.
// Catalog and mapping repositories are not faked: a use case that touches them is tested on the real engines
// (test/db), and calling them here fails loudly.

export interface InMemoryState {
  organizations: Map<string, Organization>;
  users: Map<string, User>;
  memberships: Map<string, MembershipRecord>;
  sessions: Map<string, Session>;
  audit: AuditEvent[];
  head: { seq: number; hash: string } | null;
  settings: Map<string, string>;
  throttle: Map<string, ThrottleRow>;
  devices: Map<string, KnownDevice>;
  mfa: MfaState;
  apiTokens: Map<string, ApiToken>;
}

export const emptyState = (): InMemoryState => ({
  organizations: new Map(),
  users: new Map(),
  memberships: new Map(),
  sessions: new Map(),
  audit: [],
  head: null,
  settings: new Map(),
  throttle: new Map(),
  devices: new Map(),
  mfa: emptyMfaState(),
  apiTokens: new Map(),
});

/** A unique-key violation, as the database would raise it (SQLSTATE 23505). */
export class UniqueViolation extends Error {
  readonly code = '23505';
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
const memberKey = (userId: string, orgId: string) => `${userId}/${orgId}`;

function organizations(s: InMemoryState): OrganizationRepository {
  return {
    async list(filter) {
      const all = [...s.organizations.values()].filter((o) => !filter?.ids || filter.ids.includes(o.id));
      return all.sort(byKey((o) => o.slug)).map((o) => ({ ...o }));
    },
    async get(id) {
      const o = s.organizations.get(id);
      return o ? { ...o } : null;
    },
    async getBySlug(slug) {
      return [...s.organizations.values()].find((o) => o.slug === slug) ?? null;
    },
    async insert(org) {
      if ([...s.organizations.values()].some((o) => o.slug === org.slug || o.id === org.id))
        throw new UniqueViolation(org.slug);
      s.organizations.set(org.id, { ...org });
    },
    async update(id, patch) {
      const o = s.organizations.get(id);
      if (o) s.organizations.set(id, { ...o, ...patch });
    },
    async count() {
      return s.organizations.size;
    },
    async lockMemberships(id) {
      // Transactions here already run one at a time (inMemoryUnitOfWork): the lock is the organization itself.
      const o = s.organizations.get(id);
      return o ? { ...o } : null;
    },
  };
}

function users(s: InMemoryState): UserRepository {
  const kindOf = (orgId: string): OrgKind => s.organizations.get(orgId)!.kind;
  const slugOf = (m: MembershipRecord) => s.organizations.get(m.orgId)?.slug ?? '';
  return {
    async get(id) {
      const u = s.users.get(id);
      return u ? { ...u } : null;
    },
    async getByEmail(email) {
      const e = email.trim().toLowerCase();
      return [...s.users.values()].find((u) => u.email === e) ?? null;
    },
    async list() {
      return [...s.users.values()].sort(byKey((u) => u.email));
    },
    async insert(user) {
      if ([...s.users.values()].some((u) => u.email === user.email || u.id === user.id))
        throw new UniqueViolation(user.email);
      s.users.set(user.id, { ...user });
    },
    async update(id, patch) {
      const u = s.users.get(id);
      if (u) s.users.set(id, { ...u, ...patch });
    },
    async count() {
      return s.users.size;
    },
    async memberships(userId) {
      return [...s.memberships.values()]
        .filter((m) => m.userId === userId)
        .sort(byKey(slugOf))
        .sort((a, b) => +a.createdAt - +b.createdAt)
        .map((m) => ({ orgId: m.orgId, role: m.role, orgKind: kindOf(m.orgId) }));
    },
    async members(orgId) {
      return [...s.memberships.values()]
        .filter((m) => m.orgId === orgId)
        .map((m) => ({ ...m, email: s.users.get(m.userId)!.email, displayName: s.users.get(m.userId)!.displayName }))
        .sort(byKey((m) => m.email));
    },
    async getMembership(userId, orgId) {
      const m = s.memberships.get(memberKey(userId, orgId));
      return m ? { ...m } : null;
    },
    async putMembership(m) {
      const existing = s.memberships.get(memberKey(m.userId, m.orgId));
      s.memberships.set(memberKey(m.userId, m.orgId), existing ? { ...existing, role: m.role } : { ...m });
    },
    async deleteMembership(userId, orgId) {
      s.memberships.delete(memberKey(userId, orgId));
    },
  };
}

function sessions(s: InMemoryState, userRepo: UserRepository): SessionRepository {
  const patch = (id: string, p: Partial<Session>) => {
    const x = s.sessions.get(id);
    if (x) s.sessions.set(id, { ...x, ...p });
  };
  return {
    async insert(x) {
      s.sessions.set(x.id, { ...x });
    },
    async get(id) {
      const x = s.sessions.get(id);
      return x ? { ...x } : null;
    },
    async getWithUser(id) {
      const session = s.sessions.get(id);
      const user = session && s.users.get(session.userId);
      if (!session || !user) return null;
      return { session: { ...session }, user: { ...user }, memberships: await userRepo.memberships(user.id) };
    },
    async touch(id, at) {
      patch(id, { lastSeenAt: at });
    },
    async setActiveOrg(id, orgId) {
      patch(id, { activeOrgId: orgId });
    },
    async revoke(id, at) {
      if (s.sessions.get(id)?.revokedAt === null) patch(id, { revokedAt: at });
    },
    async revokeAllForUser(userId, at) {
      const open = [...s.sessions.values()].filter((x) => x.userId === userId && x.revokedAt === null);
      for (const x of open) patch(x.id, { revokedAt: at });
      return open.length;
    },
    async listForUser(userId) {
      return [...s.sessions.values()].filter((x) => x.userId === userId).sort((a, b) => +b.createdAt - +a.createdAt);
    },
    async deleteEnded(endedBefore, idleBefore) {
      const ended = [...s.sessions.values()].filter(
        (x) => x.expiresAt < endedBefore || (x.revokedAt && x.revokedAt < endedBefore) || x.lastSeenAt < idleBefore,
      );
      for (const x of ended) s.sessions.delete(x.id);
      return ended.length;
    },
    async completeSignIn(id, method, at) {
      patch(id, { signInStep: null, mfaMethod: method, mfaAt: method ? at : null, authenticatedAt: at });
    },
    async reauthenticated(id, method, at) {
      patch(id, method ? { mfaMethod: method, mfaAt: at, authenticatedAt: at } : { authenticatedAt: at });
    },
  };
}

function matches(e: AuditEvent, q: Omit<AuditQuery, 'limit'>): boolean {
  if (q.action && !(q.action.endsWith('.*') ? e.action.startsWith(q.action.slice(0, -1)) : e.action === q.action))
    return false;
  if (q.actorUserId && e.actorUserId !== q.actorUserId) return false;
  if (q.actorOrgId && e.actorOrgId !== q.actorOrgId) return false;
  if (q.targetType && e.targetType !== q.targetType) return false;
  if (q.targetId && e.targetId !== q.targetId) return false;
  if (q.from && new Date(e.at) < q.from) return false;
  if (q.to && new Date(e.at) > q.to) return false;
  if (q.afterSeq !== undefined && e.seq <= q.afterSeq) return false;
  if (q.beforeSeq !== undefined && e.seq >= q.beforeSeq) return false;
  return true;
}

function audit(s: InMemoryState): AuditRepository {
  return {
    async lockHead() {
      return s.head ? { ...s.head } : null;
    },
    async readHead() {
      return s.head ? { ...s.head } : null;
    },
    async append(e) {
      s.audit.push(structuredClone(e));
      s.head = { seq: e.seq, hash: e.hash };
    },
    async query(q) {
      const rows = s.audit.filter((e) => matches(e, q));
      if (q.order === 'desc') rows.reverse();
      return structuredClone(rows.slice(0, q.limit));
    },
    async count(q = {}) {
      return s.audit.filter((e) => matches(e, q)).length;
    },
  };
}

function settings(s: InMemoryState): SettingsRepository {
  return {
    async get(key) {
      return s.settings.get(key) ?? null;
    },
    async put(key, value) {
      s.settings.set(key, value);
    },
  };
}

/** A repository that is deliberately not faked: any call fails with a message pointing at the database tier. */
function notFaked<T>(name: string): T {
  return new Proxy({} as object, {
    get: (_t, method) => () => {
      throw new Error(`${name}.${String(method)} is not faked in memory: test this use case on the database engines`);
    },
  }) as T;
}

export function inMemoryRepositories(s: InMemoryState): Repositories {
  const userRepo = users(s);
  return {
    organizations: organizations(s),
    users: userRepo,
    sessions: sessions(s, userRepo),
    audit: audit(s),
    settings: settings(s),
    catalogs: notFaked('catalogs'),
    mappings: notFaked('mappings'),
    loginThrottle: inMemoryLoginThrottle(s.throttle),
    knownDevices: inMemoryKnownDevices(s.devices),
    invitations: notFaked('invitations'),
    contentRevision: notFaked('contentRevision'),
    // Statements need the catalogs (their criteria): tested on the real engines (test/db, test/server).
    cloudServices: notFaked('cloudServices'),
    statements: notFaked('statements'),
    jobs: notFaked('jobs'),
    mfa: inMemoryMfa(s.mfa),
    apiTokens: inMemoryApiTokens(s.apiTokens, s.users, userRepo),
    evidence: notFaked('evidence'),
    sso: notFaked('sso'),
    gapImports: notFaked('gapImports'),
    remediation: notFaked('remediation'),
  };
}

/**
 * A unit of work over in-memory state. Transactions run one at a time on a copy of the state, which replaces the
 * state when the use case returns and is dropped when it throws — the all-or-nothing the database gives.
 */
export function inMemoryUnitOfWork(hooks: { afterCommit?: () => void } = {}, initial = emptyState()) {
  let state = initial;
  let queue: Promise<unknown> = Promise.resolve();
  const uow: UnitOfWork & { state(): InMemoryState } = {
    get read() {
      return inMemoryRepositories(state);
    },
    transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
      const run = queue.then(async () => {
        const working = structuredClone(state);
        const result = await fn(inMemoryRepositories(working));
        state = working;
        hooks.afterCommit?.();
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    // One process and no concurrent start-up work in this tier: nothing to exclude.
    exclusive: (_task, fn) => fn(),
    state: () => state,
  };
  return uow;
}
