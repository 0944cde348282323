// Installation bookkeeping: applied migrations and settings. Mirrors the SQL migrations in ../migrations (see index.ts).
import { pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns';

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
