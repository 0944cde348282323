import { expect, it } from 'vitest';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { describeEachEngine } from '../support/engines';
import * as schema from '../../src/db/schema';
import { rowsOf } from '../../src/db/migrate';

// The SQL migrations are the source of truth; the drizzle schema must describe exactly the same columns.
describeEachEngine('drizzle schema matches the migrated database', (engine) => {
  it('has the same tables, columns and nullability', async () => {
    const res = await engine().db.execute(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const db = new Map<string, Map<string, boolean>>();
    for (const r of rowsOf<{ table_name: string; column_name: string; is_nullable: string }>(res)) {
      if (!db.has(r.table_name)) db.set(r.table_name, new Map());
      db.get(r.table_name)!.set(r.column_name, r.is_nullable === 'YES');
    }
    for (const t of Object.values(schema) as PgTable[]) {
      const cfg = getTableConfig(t);
      const cols = db.get(cfg.name);
      expect(cols, `table ${cfg.name} missing from migrations`).toBeDefined();
      const declared = Object.fromEntries(cfg.columns.map((c) => [c.name, !c.notNull]));
      expect(declared, `columns of ${cfg.name}`).toEqual(Object.fromEntries(cols!));
    }
  });
});
