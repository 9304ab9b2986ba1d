import { defineConfig } from 'vitest/config';

const everyTest = '{src,commands,scripts,bench,test,playground}/**/*.test.ts';
/** End-to-end tests start the fake Discord, a bot, an HTTP server or a process: `*.e2e.test.ts`. */
const endToEndTests = '{src,commands,scripts,bench,test,playground}/**/*.e2e.test.ts';
/**
 * The storage contract (test/postgres/storageEngines.ts): the same repository tests run in the unit project on
 * SQLite and in the end-to-end project on a real PostgreSQL that test/postgres/globalSetup.ts starts.
 */
const storageContract = ['src/storage/*Repository.test.ts', 'src/storage/migrate.test.ts', 'src/storage/sql/countedWrites.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'unit',
          include: [everyTest],
          exclude: [endToEndTests],
          setupFiles: ['test/support/noNetworkNoProcesses.ts'],
          provide: { storageEngines: ['sqlite'] },
          testTimeout: 10_000,
          // Unit tests share no state through modules (no mocks, no fake timers), so each worker loads discord.js,
          // zod and the pack code once rather than once per file: a third of the time.
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: [endToEndTests, ...storageContract],
          globalSetup: ['test/postgres/globalSetup.ts'],
          provide: { storageEngines: ['postgres'] },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
