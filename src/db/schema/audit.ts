// The hash-chained audit log. Mirrors the SQL migrations in ../migrations (see index.ts).
import { bigint, integer, jsonb, pgTable, smallint, text, uuid, index } from 'drizzle-orm/pg-core';
import { ts } from './columns';

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
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_org_idx').on(t.actorOrgId),
    index('audit_events_action_idx').on(t.action),
  ],
);

/** One row: the chain head. Appending locks it (SELECT … FOR UPDATE) so concurrent writers serialise. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
