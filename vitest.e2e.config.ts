import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers: one test file at a time (the machines running them have few
// cores, and each file already runs a browser), long timeouts for browser start-up and page analysis.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
