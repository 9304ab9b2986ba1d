import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { isVisibleAt } from '../domain/spoilerGate.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';

export type { Database } from 'better-sqlite3';

export interface OpenDatabaseOptions {
  /** The state database (parties, progress, schedules, quizzes). Created on first start. */
  path: string;
}

/**
 * Opens the bot's one connection: WAL so readers never block the writer, foreign keys on,
 * a busy timeout so a second process (a backup, another shard) waits instead of failing,
 * the spoiler gate registered as an SQL function, and migrations applied.
 */
export function openDatabase(options: OpenDatabaseOptions): Database {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const database = new BetterSqlite3(options.path);
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    registerSpoilerGate(database);
    migrate(database, migrations);
    return database;
  } catch (error) {
    // A database it refuses (too new, a failed migration) is left closed, so a backup or the newer bot can use it.
    database.close();
    throw error;
  }
}

export function registerSpoilerGate(database: Database): void {
  database.function('is_visible_at', { deterministic: true }, (revealedIn, progress) =>
    isVisibleAt(Number(revealedIn), Number(progress)) ? 1 : 0,
  );
}
