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
  },
});
