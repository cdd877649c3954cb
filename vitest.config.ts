import { defineConfig } from 'vitest/config';

// Three tiers: pure domain rules, the server against a real PostgreSQL, and the built web app in
// Debian's Chromium. Every server test file gets its own database cloned from a migrated template.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/test/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts', 'packages/server/src/**/*.test.ts'],
          globalSetup: ['packages/server/test/global-setup.ts'],
          setupFiles: ['packages/server/test/support/no-queued-queries.ts'],
          // Timeouts guard against hangs, they measure nothing: a CI run with six other processes on
          // two cores (load ~22) took the CLI's first start past 60 s (40 s at load ~4), and the
          // property-based bad-payload walks to ~60 s. Performance goals live in `npm run bench`.
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // One process runs every server test file in turn instead of a new one per file: each file
          // already gets its own database and app (helpers.ts), and what is process-wide (the active
          // key store, set by each buildApp) is the same for all. Module loading (Fastify, Drizzle,
          // pdfkit, exceljs … for every file) was 670 s of a 2,048 s server run at load ~14 in a
          // fresh-clone CI run; without isolation the same files load in 81 s.
          isolate: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['packages/web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['packages/web/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // expect.poll waits on page state as long as any Playwright step does (openBrowser's
          // default timeout), not vitest's one-second default.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
