// Gap-analysis imports (an SoA or an SSP) of one statement and their proposals, private to the importing
// organization. Mirrors 0013_gap_imports.sql.
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { organizations } from './identity';
import { statements } from './statements';

export const gapImports = pgTable(
  'gap_imports',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    sourceCatalog: text('source_catalog').notNull(),
    isoEdition: text('iso_edition'),
    ismapEdition: text('ismap_edition').notNull(),
    summary: jsonb('summary').notNull(),
    report: jsonb('report').notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('gap_imports_statement_idx').on(t.statementId)],
);

export const gapProposals = pgTable(
  'gap_proposals',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => gapImports.id),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    itemId: text('item_id').notNull(),
    relationship: text('relationship').notNull(),
    bulkAcceptable: boolean('bulk_acceptable').notNull(),
    body: jsonb('body').notNull(),
    decision: text('decision'),
    decidedValue: jsonb('decided_value'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.id] })],
);
