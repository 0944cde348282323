// Cloud service offerings, statements and statement items. Mirrors the SQL migrations in ../migrations (see index.ts).
// statement_items has no foreign key to catalog nodes on purpose (0008): a catalog re-sync never cascades into answers.
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { organizations } from './identity';

export const cloudServices = pgTable(
  'cloud_services',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    model: text('model').notNull(),
    track: text('track').notNull(),
    scope: jsonb('scope').notNull(),
    owners: text('owners').array().notNull(),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('cloud_services_org_idx').on(t.orgId)],
);

export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => cloudServices.id),
    catalog: text('catalog').notNull(),
    edition: text('edition').notNull(),
    period: jsonb('period'),
    previousPeriod: jsonb('previous_period'),
    state: text('state').notNull(),
    subsequentEvents: jsonb('subsequent_events').notNull(),
    specialNotes: jsonb('special_notes').notNull(),
    version: integer('version').notNull(),
    itemsRevision: bigint('items_revision', { mode: 'number' }).notNull().default(0),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('statements_service_idx').on(t.serviceId), index('statements_org_idx').on(t.orgId)],
);

export const statementItems = pgTable(
  'statement_items',
  {
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    selection: text('selection'),
    reason: text('reason'),
    inheritedFrom: text('inherited_from'),
    status: text('status').notNull(),
    owner: text('owner'),
    controlJa: text('control_ja'),
    controlEn: text('control_en'),
    revisions: jsonb('revisions').notNull(),
    criteriaDigest: text('criteria_digest'),
    version: integer('version').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.itemId] })],
);

/** What an edition migration left for a person to look at (0016), ticked off one by one. */
export const statementMigrationAttention = pgTable(
  'statement_migration_attention',
  {
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    fromEdition: text('from_edition').notNull(),
    toEdition: text('to_edition').notNull(),
    reason: text('reason').notNull(),
    itemId: text('item_id'),
    fromId: text('from_id'),
    migratedAt: ts('migrated_at').notNull(),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.seq] })],
);
