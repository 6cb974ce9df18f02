import { defineConfig } from 'vitest/config';

/**
 * Three test projects, by what they need: `unit` needs nothing, `build` reads a built dist/,
 * `e2e` drives Chromium against dist/ served by nginx. `npm test` (scripts/test.mjs) builds
 * the sites first, then runs all three.
 */
// Tests read what builds and scripts print; CI turns terminal colours on (FORCE_COLOR), which
// wraps that output in ANSI codes. Children spawned by a test inherit this.
const env = { FORCE_COLOR: '0' };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], env } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], env } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false, env } },
    ],
  },
});
