import { afterEach, describe, inject } from 'vitest';
import { openStateDatabase } from '../../src/storage/database.js';
import type { SqlDatabase } from '../../src/storage/database.js';
import type { SqlEngine } from '../../src/storage/sql/sqlDatabase.js';
import { createPostgresDatabase, createSqliteDatabase, postgresUnavailable } from './testDatabases.js';
import type { TestDatabase } from './testDatabases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The engines this project runs the storage contract on: SQLite in the unit project, PostgreSQL in e2e. */
    storageEngines: SqlEngine[];
  }
}

export interface TestEngine {
  name: SqlEngine;
  /** A fresh, migrated state database on this engine, closed and deleted after the test. */
  open(): Promise<SqlDatabase>;
  /** A fresh, empty database on this engine (not opened, not migrated), deleted after the test. */
  create(): Promise<TestDatabase>;
  /** Another connection (a second process, a second host) to a database made by `create`, closed after the test. */
  connect(database: TestDatabase): Promise<SqlDatabase>;
}

/**
 * The storage contract: `body` declares the tests once and they run on every engine of this project (vitest.config.ts
 * runs the repository tests in the unit project on SQLite and in the e2e project on a real PostgreSQL). Where
 * PostgreSQL is missing, its suite says so in its name and is skipped; CI requires it (WATCHALONG_REQUIRE_POSTGRES).
 */
export function describeEachEngine(name: string, body: (engine: TestEngine) => void): void {
  for (const engineName of inject('storageEngines') ?? ['sqlite']) {
    const unavailable = engineName === 'postgres' ? postgresUnavailable() : null;
    const title = unavailable ? `${name} on ${engineName} (did not run: ${unavailable})` : `${name} on ${engineName}`;
    describe.skipIf(unavailable !== null)(title, () => body(testEngine(engineName)));
  }
}

/**
 * For end-to-end tests of the whole bot (processes, crashes, several hosts): `body` runs on SQLite and on PostgreSQL
 * in the same project, PostgreSQL reporting why it did not run where it is missing.
 */
export function describeOnBothEngines(name: string, body: (engine: TestEngine) => void): void {
  for (const engineName of ['sqlite', 'postgres'] as const) {
    const unavailable = engineName === 'postgres' ? postgresUnavailable() : null;
    const title = unavailable ? `${name} on ${engineName} (did not run: ${unavailable})` : `${name} on ${engineName}`;
    describe.skipIf(unavailable !== null)(title, () => body(testEngine(engineName)));
  }
}

function testEngine(name: SqlEngine): TestEngine {
  const made: TestDatabase[] = [];
  const opened: SqlDatabase[] = [];
  afterEach(async () => {
    for (const database of opened.splice(0)) await database.close();
    for (const database of made.splice(0)) await database.drop();
  });
  const create = async () => {
    const database = name === 'postgres' ? await createPostgresDatabase() : createSqliteDatabase();
    made.push(database);
    return database;
  };
  const connect = async (database: TestDatabase) => {
    const state = await openStateDatabase({ path: database.path, url: database.url });
    opened.push(state);
    return state;
  };
  return { name, create, connect, open: async () => connect(await create()) };
}
