import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Scripts are started from dist/ (test/support/runScript.ts): built once, before any test.
    globalSetup: ['test/support/buildOnce.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Native addons (better-sqlite3, hnswlib-node) are safest in forked processes.
    pool: 'forks',
    // Two test files at a time even on two cores (Vitest's default there is one): most files wait
    // on processes they start (bots, shards, CLIs) and on loopback servers, so the suite takes
    // about 5 minutes instead of 7.5 on this kind of machine, every test passing.
    maxWorkers: 2,
  },
});
