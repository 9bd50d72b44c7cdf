import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    // Limits catch a hang, not a slow machine: on two cores at a load average of 30 a test that takes 2 s
    // quiet took 40 (starting tsx, worker threads, Chromium). Tests with more to do set more (e2e/browser.ts).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
