import { defineConfig } from 'vitest/config';

// Three groups, run one after the other: the engine and CLI first (some of their tests time the engine, and
// should not share the CPU with the server's database tests), then the server against PGlite and PostgreSQL, then the UI in chromium.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['./vitest.setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          exclude: ['packages/server/**', 'packages/web/test/**', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // The UI in Debian's chromium against the real server; last, alone, so timings in it are fair.
          name: 'web',
          include: ['packages/web/test/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          fileParallelism: false,
        },
      },
    ],
  },
});
