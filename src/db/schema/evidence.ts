// The evidence library: records, versions (blobs by SHA-256) and links to statement items. Mirrors 0012_evidence.sql.
import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { organizations } from './identity';
import { statements } from './statements';

export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull(),
    kind: text('kind').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    effectiveTo: date('effective_to', { mode: 'string' }),
    owner: text('owner'),
    tags: text('tags').array().notNull(),
    confidentiality: text('confidentiality').notNull(),
    reviewFrequency: text('review_frequency').notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    currentVersion: integer('current_version').notNull(),
    retiredAt: ts('retired_at'),
    retiredBy: uuid('retired_by'),
    retireReason: text('retire_reason'),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('evidence_org_idx').on(t.orgId)],
);

export const evidenceVersions = pgTable(
  'evidence_versions',
  {
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id),
    number: integer('number').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    fileName: text('file_name').notNull(),
    note: text('note'),
    uploadedAt: ts('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [primaryKey({ columns: [t.evidenceId, t.number] }), index('evidence_versions_sha256_idx').on(t.sha256)],
);

export const evidenceLinks = pgTable(
  'evidence_links',
  {
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    linkedAt: ts('linked_at').notNull(),
    linkedBy: uuid('linked_by'),
  },
  (t) => [
    primaryKey({ columns: [t.evidenceId, t.statementId, t.itemId] }),
    index('evidence_links_statement_idx').on(t.statementId, t.itemId),
  ],
);
