// API tokens (0010). Mirrors the SQL migration in ../migrations/0010_api_tokens.sql.
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { organizations, users } from './identity';

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 of the token. */
    tokenHash: text('token_hash').notNull().unique(),
    hint: text('hint').notNull(),
    access: text('access').array().notNull(),
    resources: text('resources').array().notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
    lastUsedAt: ts('last_used_at'),
    lastUsedIp: text('last_used_ip'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
