import type { Database } from 'better-sqlite3';
import { isVisibleAt } from '../domain/spoilerGate.js';
import { migrate, migratePostgres } from './migrate.js';
import { migrations } from './migrations/index.js';
import { describePostgresUrl, postgresDatabase } from './sql/postgresDatabase.js';
import { openSqliteConnection, sqliteDatabase } from './sql/sqliteDatabase.js';
import type { SqlDatabase } from './sql/sqlDatabase.js';

export type { SqlDatabase } from './sql/sqlDatabase.js';
/** A better-sqlite3 connection: a compiled knowledge pack's (read-only), or a state file's own for tools. */
export type { Database } from 'better-sqlite3';

export interface StateDatabaseOptions {
  /** The SQLite file, used when no `url` is given. Created on first start. */
  path: string;
  /** postgres://user:password@host:port/database: the state lives on that PostgreSQL server instead. */
  url?: string | undefined;
  /** Told when the server drops an idle pooled connection (a restart, a failover); the pool opens another. */
  onConnectionLost?: (error: Error) => void;
}

/**
 * Opens the state database (parties, progress, schedules, quizzes) on the engine the configuration names, with
 * every migration applied. A database it refuses (too new, a failed migration) is left closed and untouched.
 */
export async function openStateDatabase(options: StateDatabaseOptions): Promise<SqlDatabase> {
  if (!options.url) return openSqliteStateDatabase(options.path);
  const location = describePostgresUrl(options.url);
  const { createPostgresPool } = await import('./sql/postgresPool.js');
  const pool = createPostgresPool(options.url, options.onConnectionLost);
  try {
    await migratePostgres(pool, migrations, location);
    return postgresDatabase(pool, location);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** The SQLite engine alone: for tools and tests that work on a state file. */
export function openSqliteStateDatabase(path: string): SqlDatabase {
  return sqliteDatabase(openMigratedSqliteFile(path));
}

/** A state file's own better-sqlite3 connection, migrated: for the backup and tests that look at the file itself. */
export function openMigratedSqliteFile(path: string): Database {
  const connection = openSqliteConnection(path);
  try {
    migrate(connection, migrations);
    return connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}

export function registerSpoilerGate(database: Database): void {
  database.function('is_visible_at', { deterministic: true }, (revealedIn, progress) =>
    isVisibleAt(Number(revealedIn), Number(progress)) ? 1 : 0,
  );
}
