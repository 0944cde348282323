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
    // expect.poll waits for what arrives asynchronously (a refetch after a click, a notification from another
    // server); its default of 1 s is too short on a busy 2-core machine. It bounds correctness, never speed.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
