// Catalog editions and their nodes, mapping sets and mappings, and the content revision. Mirrors the SQL migrations in ../migrations (see index.ts).
import {
  bigint,
  boolean,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uuid,
  index,
  unique,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';

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
    foreignKey({
      columns: [t.catalog, t.edition],
      foreignColumns: [catalogEditions.catalog, catalogEditions.edition],
    }).onDelete('cascade'),
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
  (t) => [
    unique('mappings_set_id_source_key_target_key_key').on(t.setId, t.sourceKey, t.targetKey),
    index('mappings_source_idx').on(t.sourceKey),
    index('mappings_target_idx').on(t.targetKey),
  ],
);
