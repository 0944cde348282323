import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dumpPglite, openEngine } from '../src/db/engine';
import { findPgBin, startPgCluster, type PgCluster } from './support/pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the private PostgreSQL cluster, or '' when the suite runs without it. */
    pgUrl: string;
    /** Path of a dumped, migrated PGlite data folder that test engines start from. */
    pgliteTemplate: string;
  }
}

let cluster: PgCluster | undefined;
let templateDir: string | undefined;

/**
 * Starts one private PostgreSQL 15 cluster for the whole run. Missing binaries: a loud warning and the PostgreSQL
 * half of the contract suite skips — except under CI=true, where that is a failure.
 * ISMAP_TEST_PG=off skips starting it (for quick unit-only runs).
 */
export async function setup(project: TestProject) {
  project.provide('pgliteTemplate', await makePgliteTemplate());
  if (process.env.ISMAP_TEST_PG === 'off') {
    project.provide('pgUrl', '');
    return;
  }
  const bin = findPgBin();
  if (!bin) {
    const msg =
      'PostgreSQL binaries (initdb, pg_ctl) not found: the PostgreSQL half of the database contract suite is SKIPPED. Install postgresql-15.';
    if (process.env.CI === 'true') throw new Error(msg);
    console.warn(`\n\x1b[41m\x1b[97m WARNING \x1b[0m ${msg}\n`);
    project.provide('pgUrl', '');
    return;
  }
  cluster = await startPgCluster(bin);
  project.provide('pgUrl', cluster.url);
}

async function makePgliteTemplate(): Promise<string> {
  const engine = await openEngine({});
  const blob = await dumpPglite(engine);
  await engine.close();
  templateDir = mkdtempSync(join(tmpdir(), 'ismap-pglite-'));
  const file = join(templateDir, 'template.tar');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  return file;
}

export async function teardown() {
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
  cluster?.stop();
}
