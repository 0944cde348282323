// The remediation plan (POA&M) of a statement. Mirrors 0015_remediation.sql.
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { organizations } from './identity';
import { statements } from './statements';

export const remediationItems = pgTable(
  'remediation_items',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    owner: text('owner'),
    risk: text('risk').notNull(),
    status: text('status').notNull(),
    plannedCompletion: date('planned_completion', { mode: 'string' }),
    actualCompletion: date('actual_completion', { mode: 'string' }),
    milestones: jsonb('milestones').notNull(),
    links: jsonb('links').notNull(),
    oscalUuid: uuid('oscal_uuid'),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('remediation_items_statement_idx').on(t.statementId),
    uniqueIndex('remediation_items_oscal_uuid_idx').on(t.statementId, t.oscalUuid),
  ],
);
