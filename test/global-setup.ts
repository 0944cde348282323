import type { TestProject } from 'vitest/node';
import { findPgBin, startPgCluster, type PgCluster } from './support/pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the private PostgreSQL cluster, or '' when the suite runs without it. */
    pgUrl: string;
  }
}

let cluster: PgCluster | undefined;

/**
 * Starts one private PostgreSQL 15 cluster for the whole run. Missing binaries: a loud warning and the PostgreSQL
 * half of the contract suite skips — except under CI=true, where that is a failure.
 * ISMAP_TEST_PG=off skips starting it (for quick unit-only runs).
 */
export async function setup(project: TestProject) {
  if (process.env.ISMAP_TEST_PG === 'off') {
    project.provide('pgUrl', '');
    return;
  }
  const bin = findPgBin();
  if (!bin) {
    const msg = 'PostgreSQL binaries (initdb, pg_ctl) not found: the PostgreSQL half of the database contract suite is SKIPPED. Install postgresql-15.';
    if (process.env.CI === 'true') throw new Error(msg);
    console.warn(`\n\x1b[41m\x1b[97m WARNING \x1b[0m ${msg}\n`);
    project.provide('pgUrl', '');
    return;
  }
  cluster = await startPgCluster(bin);
  project.provide('pgUrl', cluster.url);
}

export async function teardown() {
  cluster?.stop();
}
