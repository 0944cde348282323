// The drizzle schema, one file per area. It mirrors the committed SQL migrations in ../migrations (the migrations are
// the source of truth; test/db/schema-matches-migrations.test.ts fails when the two disagree).
export * from './identity';
export * from './audit';
export * from './catalogs';
export * from './system';
export * from './statements';
export * from './mfa';
export * from './api-tokens';
export * from './evidence';
export * from './sso';
export * from './gap';
export * from './remediation';
