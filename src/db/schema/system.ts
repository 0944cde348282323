// Installation bookkeeping: applied migrations and settings. Mirrors the SQL migrations in ../migrations (see index.ts).
import { bigint, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
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

/** The job queue (0011): one row per run, claimed with FOR UPDATE SKIP LOCKED; `key` makes a scheduled run unique. */
export const jobs = pgTable('jobs', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  key: text('key').notNull().unique(),
  payload: jsonb('payload').notNull(),
  status: text('status').notNull(),
  runAt: ts('run_at').notNull(),
  attempts: integer('attempts').notNull(),
  maxAttempts: integer('max_attempts').notNull(),
  lockedBy: text('locked_by'),
  lockedUntil: ts('locked_until'),
  lastError: text('last_error'),
  createdAt: ts('created_at').notNull(),
  finishedAt: ts('finished_at'),
});
