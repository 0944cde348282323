// Organizations, users, memberships, invitations, sessions and sign-in throttling. Mirrors the SQL migrations in ../migrations (see index.ts).
import { sql } from 'drizzle-orm';
import {
  boolean,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
  index,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  slug: text('slug').notNull().unique(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  /** Members must sign in with a second factor (0009). */
  requireMfa: boolean('require_mfa').notNull().default(false),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** Null for a user who signs in only through SSO (0014). */
  passwordHash: text('password_hash'),
  isPlatformAdmin: boolean('is_platform_admin').notNull(),
  locale: text('locale'),
  disabledAt: ts('disabled_at'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  /** The organization the user last chose to act for (0004); sign-in resumes it. */
  lastOrgId: uuid('last_org_id').references((): AnyPgColumn => organizations.id),
});

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgId] }), index('memberships_org_idx').on(t.orgId)],
);

// An invitation to join an organization (0004), accepted or declined by the person invited.
// Only the SHA-256 of its token is kept.
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    status: text('status').notNull(),
    invitedBy: uuid('invited_by'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    uniqueIndex('invitations_pending_idx')
      .on(t.orgId, t.email)
      .where(sql`status = 'pending'`),
    index('invitations_email_idx').on(t.email),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a copy of the table does not hand out sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    activeOrgId: uuid('active_org_id'),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** 0009: what the session still has to do before it may act ('second_factor', 'enrol'); null when signed in. */
    signInStep: text('sign_in_step'),
    mfaMethod: text('mfa_method'),
    mfaAt: ts('mfa_at'),
    /** The newest proof of identity (sign-in, second factor or re-authentication): sensitive actions need a recent one. */
    authenticatedAt: ts('authenticated_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed-login counters (see src/core/login-throttle.ts); `key` is the SHA-256 of scope + subject. */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    scope: text('scope').notNull(),
    failures: integer('failures').notNull(),
    windowStart: ts('window_start').notNull(),
    lastFailureAt: ts('last_failure_at').notNull(),
    previousFailureAt: ts('previous_failure_at'),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('login_throttle_expires_idx').on(t.expiresAt)],
);

/** Browsers that signed in to an account before; `id` is the SHA-256 of the device cookie. */
export const knownDevices = pgTable(
  'known_devices',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('known_devices_user_idx').on(t.userId), index('known_devices_expires_idx').on(t.expiresAt)],
);
