import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import type { Engine } from './engine';

export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { version: name.slice(0, 4), name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies committed SQL migrations in order, each in its own transaction together with its bookkeeping row, under
 * an advisory lock so two servers starting against one PostgreSQL do not race. An applied migration whose file
 * changed since is an error: migrations are append-only.
 */
export async function migrate(engine: Engine, files = listMigrations()): Promise<{ applied: string[] }> {
  // One round trip on an existing database (the common case at start-up): create the table only when it is missing.
  const exists = rowsOf<{ t: string | null }>(
    await engine.db.execute(`SELECT to_regclass('public.schema_migrations')::text AS t`),
  )[0]?.t;
  if (!exists) {
    await engine.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
  }
  const applied: string[] = [];
  const appliedNow = async () => {
    const rows = await engine.db.execute(`SELECT version, name, checksum FROM schema_migrations`);
    return new Map(rowsOf<{ version: string; checksum: string; name: string }>(rows).map((r) => [r.version, r]));
  };
  let done = await appliedNow();
  for (const m of files) {
    const prev = done.get(m.version);
    if (prev) {
      if (prev.checksum !== m.checksum)
        throw new Error(
          `Migration ${m.name} was changed after it was applied (checksum differs). Add a new migration instead.`,
        );
      continue;
    }
    const esc = (s: string) => s.replace(/'/g, "''");
    try {
      await engine.exec(
        `BEGIN;\nSELECT pg_advisory_xact_lock(727274);\n${m.sql}\n;INSERT INTO schema_migrations (version, name, checksum) VALUES ('${esc(m.version)}', '${esc(m.name)}', '${esc(m.checksum)}');\nCOMMIT;`,
      );
    } catch (e) {
      // Another server may have applied it while we waited for the lock.
      done = await appliedNow();
      if (done.get(m.version)?.checksum === m.checksum) continue;
      throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
    }
    applied.push(m.name);
  }
  return { applied };
}

/** drizzle's execute() returns `{ rows }` on both drivers. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
