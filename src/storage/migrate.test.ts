import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { expect, it } from 'vitest';
import { openStateDatabase } from './database.js';
import { DatabaseTooNewError, migrate, migratePostgres, postgresSchemaVersion, schemaVersion } from './migrate.js';
import { migrations } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';
import { describeEachEngine } from '../../test/postgres/storageEngines.js';
import type { TestEngine } from '../../test/postgres/storageEngines.js';
import type { TestDatabase } from '../../test/postgres/testDatabases.js';

/** Runs `work` on the engine's own client for a database (better-sqlite3, or one pg client), then closes it. */
async function withRaw<Result>(
  database: TestDatabase,
  work: (raw: { version(): Promise<number>; setVersion(version: number): Promise<void>; tables(): Promise<string[]>; migrate(list: Migration[]): Promise<number[]> }) => Promise<Result>,
): Promise<Result> {
  if (!database.url) {
    const raw = new BetterSqlite3(database.path);
    try {
      return await work({
        version: () => Promise.resolve(schemaVersion(raw)),
        setVersion: (version) => Promise.resolve(void raw.pragma(`user_version = ${version}`)),
        tables: () => Promise.resolve(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]),
        migrate: async (list) => migrate(raw, list).applied,
      });
    } finally {
      raw.close();
    }
  }
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    return await work({
      version: async () => postgresSchemaVersion(pool),
      async setVersion(version) {
        await postgresSchemaVersion(pool);
        await pool.query('DELETE FROM schema_version');
        await pool.query('INSERT INTO schema_version (version) VALUES ($1)', [version]);
      },
      tables: async () =>
        (await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((row) => row.name),
      migrate: async (list) => (await migratePostgres(pool, list, 'test database')).applied,
    });
  } finally {
    await pool.end();
  }
}

const newest = migrations.at(-1)?.version;

describeEachEngine('migrations', (engine: TestEngine) => {
  it('brings a new database to the newest schema', async () => {
    const database = await engine.create();
    await (await engine.connect(database)).close();
    await withRaw(database, async (raw) => expect(await raw.version()).toBe(newest));
  });

  it('refuses a database newer than it understands, and leaves it untouched', async () => {
    const database = await engine.create();
    await withRaw(database, (raw) => raw.setVersion(999));
    const opening = openStateDatabase({ path: database.path, url: database.url });
    await expect(opening).rejects.toThrowError(DatabaseTooNewError);
    await expect(openStateDatabase({ path: database.path, url: database.url })).rejects.toThrowError(/is at schema version 999, but this version of the bot understands up to/);
    await withRaw(database, async (raw) => {
      expect(await raw.version()).toBe(999);
      expect((await raw.tables()).filter((table) => table !== 'schema_version')).toEqual([]);
    });
  });

  it('leaves the previous schema working when a migration fails', async () => {
    const database = await engine.create();
    const good = { version: 1, name: 'good', sql: 'CREATE TABLE kept (id INTEGER PRIMARY KEY);' };
    const broken = { version: 2, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); THIS IS NOT SQL;' };
    await withRaw(database, async (raw) => {
      expect(await raw.migrate([good])).toEqual([1]);
      await expect(raw.migrate([good, broken])).rejects.toThrow();
      expect(await raw.version()).toBe(1);
      expect((await raw.tables()).filter((table) => table !== 'schema_version')).toEqual(['kept']);
    });
  });

  it('applies only what is pending', async () => {
    const database = await engine.create();
    const first = { version: 1, name: 'first', sql: 'CREATE TABLE first (id INTEGER);' };
    const second = { version: 2, name: 'second', sql: 'CREATE TABLE second (id INTEGER);' };
    await withRaw(database, async (raw) => {
      expect(await raw.migrate([first])).toEqual([1]);
      expect(await raw.migrate([first, second])).toEqual([2]);
      expect(await raw.migrate([first, second])).toEqual([]);
    });
  });

  it('migrates once when several hosts start together', async () => {
    const database = await engine.create();
    const hosts = await Promise.all(Array.from({ length: 4 }, () => engine.connect(database)));
    expect(hosts).toHaveLength(4);
    await withRaw(database, async (raw) => {
      expect(await raw.version()).toBe(newest);
      expect(await raw.migrate([...migrations])).toEqual([]);
    });
  });
});
