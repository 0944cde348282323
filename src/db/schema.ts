import { sql } from 'drizzle-orm';
import { bigint, boolean, foreignKey, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uuid, index, unique, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

// The drizzle schema mirrors the committed SQL migrations in ./migrations (the migrations are the source of truth;
// test/db/schema-matches-migrations.test.ts fails when the two disagree).

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  slug: text('slug').notNull().unique(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
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
    userId: uuid('user_id').notNull().references(() => users.id),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
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
    orgId: uuid('org_id').notNull().references(() => organizations.id),
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
    uniqueIndex('invitations_pending_idx').on(t.orgId, t.email).where(sql`status = 'pending'`),
    index('invitations_email_idx').on(t.email),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a copy of the table does not hand out sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    activeOrgId: uuid('active_org_id'),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrgId: uuid('actor_org_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    beforeDigest: text('before_digest'),
    afterDigest: text('after_digest'),
    requestId: text('request_id'),
    details: jsonb('details').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** How `hash` was computed (core `ChainFormat`; migration 0006). */
    format: smallint('format').notNull(),
  },
  (t) => [index('audit_events_at_idx').on(t.at), index('audit_events_actor_org_idx').on(t.actorOrgId), index('audit_events_action_idx').on(t.action)],
);

/** One row: the chain head. Appending locks it (SELECT … FOR UPDATE) so concurrent writers serialise. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** One edition of a catalog (ISMAP 2024-07, SP 800-53 5.1.1, …); its nodes are in catalog_nodes. */
export const catalogEditions = pgTable(
  'catalog_editions',
  {
    catalog: text('catalog').notNull(),
    edition: text('edition').notNull(),
    titleJa: text('title_ja'),
    titleEn: text('title_en'),
    provenance: text('provenance').notNull(),
    publishedAt: text('published_at'),
    contentHash: text('content_hash').notNull(),
    source: text('source').notNull(),
    loadedAt: ts('loaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.catalog, t.edition] })],
);

export const catalogNodes = pgTable(
  'catalog_nodes',
  {
    catalog: text('catalog').notNull(),
    edition: text('edition').notNull(),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    depth: integer('depth').notNull(),
    parentId: text('parent_id'),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    flags: text('flags').array().notNull(),
    titleJa: text('title_ja'),
    titleEn: text('title_en'),
    textJa: text('text_ja'),
    textEn: text('text_en'),
    textSource: jsonb('text_source').notNull(),
    params: jsonb('params').notNull(),
    sourceRefs: text('source_refs').array().notNull(),
    props: jsonb('props').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.catalog, t.edition, t.id] }),
    foreignKey({ columns: [t.catalog, t.edition], foreignColumns: [catalogEditions.catalog, catalogEditions.edition] }).onDelete('cascade'),
    index('catalog_nodes_parent_idx').on(t.catalog, t.edition, t.parentId),
  ],
);

export const mappingSets = pgTable('mapping_sets', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  provenance: text('provenance').notNull(),
  source: text('source').notNull(),
  orgId: uuid('org_id'),
  contentHash: text('content_hash'),
  updatedAt: ts('updated_at').notNull(),
  published: boolean('published').notNull().default(false),
});

/** One row, bumped by triggers on every write to catalogs or mappings (migration 0007). */
export const contentRevision = pgTable('content_revision', {
  id: boolean('id').primaryKey().default(true),
  catalogs: bigint('catalogs', { mode: 'number' }).notNull().default(0),
  mappings: bigint('mappings', { mode: 'number' }).notNull().default(0),
});

export const mappings = pgTable(
  'mappings',
  {
    id: uuid('id').primaryKey(),
    setId: text('set_id')
      .notNull()
      .references(() => mappingSets.id, { onDelete: 'cascade' }),
    sourceKey: text('source_key').notNull(),
    targetKey: text('target_key').notNull(),
    relationship: text('relationship').notNull(),
    method: text('method').notNull(),
    document: text('document').notNull(),
    confidence: real('confidence').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [unique('mappings_set_id_source_key_target_key_key').on(t.setId, t.sourceKey, t.targetKey), index('mappings_source_idx').on(t.sourceKey), index('mappings_target_idx').on(t.targetKey)],
);

export const schemaMigrations = pgTable('schema_migrations', {
  version: text('version').primaryKey(),
  name: text('name').notNull(),
  checksum: text('checksum').notNull(),
  appliedAt: ts('applied_at').notNull(),
});

/** Bookkeeping values of the installation (not domain data, so not audited): e.g. `bundled_fingerprint`. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

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
