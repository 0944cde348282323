import { afterAll, beforeAll, describe, inject } from 'vitest';
import pg from 'pg';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { openEngine, type Engine } from '../../src/db/engine';

/**
 * Runs a contract suite once per database engine: embedded PGlite (in memory) and the private PostgreSQL cluster
 * (a fresh database per suite). Both must pass the same cases. Without a PostgreSQL cluster (binaries missing on a
 * developer machine) the PostgreSQL half is skipped with the warning printed by test/global-setup.ts.
 */
export type EngineName = 'pglite' | 'postgres';

export async function createPgDatabase(): Promise<string> {
  const base = inject('pgUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return base.replace(/\/[^/]*$/, `/${name}`);
}

let template: Blob | undefined;
/** The migrated PGlite data folder dumped once by the global setup; undefined outside vitest (scripts). */
export async function pgliteTemplate(): Promise<Blob | undefined> {
  let path: string;
  try {
    path = inject('pgliteTemplate');
  } catch {
    return undefined;
  }
  template ??= new Blob([await readFile(path)]);
  return template;
}

export async function openTestEngine(name: EngineName): Promise<Engine> {
  if (name === 'pglite') return openEngine({ pgliteTemplate: await pgliteTemplate() });
  return openEngine({ databaseUrl: await createPgDatabase(), poolSize: 4 });
}

export function describeEachEngine(title: string, suite: (engine: () => Engine, name: EngineName) => void) {
  for (const name of ['pglite', 'postgres'] as const) {
    const run = name === 'postgres' && !inject('pgUrl') ? describe.skip : describe;
    run(`${title} [${name}]`, () => {
      let engine: Engine | undefined;
      beforeAll(async () => {
        engine = await openTestEngine(name);
      });
      afterAll(async () => {
        await engine?.close();
      });
      suite(() => {
        if (!engine) throw new Error('engine not open');
        return engine;
      }, name);
    });
  }
}
