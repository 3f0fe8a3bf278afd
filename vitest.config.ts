import { defineConfig } from 'vitest/config';

const E2E = 'test/web/**/*.e2e.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts', 'bin/**/*.test.ts'],
          exclude: [E2E],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [E2E],
          // Builds the web app and loads the demo once; each file starts its server on a copy.
          globalSetup: ['test/web/e2e-global-setup.ts'],
          // The browser tests drive a real server and Chromium on a 2-core machine that runs the unit project at
          // the same time (scripts/run-suite.ts); a step can miss its moment under that load. A test is tried up to three
          // times (as Playwright's own runner does on CI); a real fault fails every try. Unit and
          // integration tests are never retried.
          retry: 2,
        },
      },
    ],
  },
});
