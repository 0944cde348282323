import { defineConfig } from 'vitest/config';

// Test tiers (house style): unit tests next to the code in src/**, the database contract suite in
// test/db (runs against embedded PGlite and a private PostgreSQL 15 cluster started by test/global-setup.ts),
// HTTP tests in test/server and browser journeys in test/browser (headless Debian Chromium).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Fails a test that reads outside the repository (it would pass here and fail on a fresh clone).
    setupFiles: ['test/support/read-guard-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
