import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import type { Migration } from './migrations/migration.js';
import { postgresSqlOf } from './migrations/migration.js';
import { inPostgresTransaction } from './sql/postgresDatabase.js';

export class DatabaseTooNewError extends Error {
  constructor(found: number, understood: number, location: string) {
    super(
      `The database ${location} is at schema version ${found}, but this version of the bot understands up to ${understood}, ` +
        'so it will not touch it. Run the newer version of the bot that wrote it, or restore a backup made by this version.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(database: Database): number {
  return database.pragma('user_version', { simple: true }) as number;
}

function pending(current: number, migrations: readonly Migration[], location: string): Migration[] {
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) throw new DatabaseTooNewError(current, newest, location);
  return migrations.filter((migration) => migration.version > current);
}

/**
 * Applies pending migrations, each in its own transaction together with its version bump,
 * so a failing migration leaves the previous schema in place and working.
 */
export function migrate(database: Database, migrations: readonly Migration[]): { applied: number[] } {
  const applied: number[] = [];
  for (const migration of pending(schemaVersion(database), migrations, database.name)) {
    database.transaction(() => {
      database.exec(migration.sql);
      database.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return { applied };
}

/** Any fixed number, the same in every version of the bot: the advisory lock that lets one host migrate at a time. */
const migrationLock = 7_317_001;

/** The schema version of a PostgreSQL database; 0 before the first migration. */
export async function postgresSchemaVersion(client: Pick<pg.PoolClient, 'query'>): Promise<number> {
  await client.query('CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)');
  const result = await client.query<{ version: number }>('SELECT version FROM schema_version');
  return Number(result.rows[0]?.version ?? 0);
}

/**
 * The same on PostgreSQL, under an advisory lock: hosts that start together wait for the first to finish
 * and then find nothing left to apply.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[], location: string): Promise<{ applied: number[] }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
    try {
      const applied: number[] = [];
      const current = await inPostgresTransaction(client, () => postgresSchemaVersion(client));
      for (const migration of pending(current, migrations, location)) {
        await inPostgresTransaction(client, async () => {
          await client.query(postgresSqlOf(migration));
          await client.query('DELETE FROM schema_version');
          await client.query('INSERT INTO schema_version (version) VALUES ($1)', [migration.version]);
        });
        applied.push(migration.version);
      }
      return { applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]);
    }
  } finally {
    client.release();
  }
}
