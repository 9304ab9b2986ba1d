import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.js';

export class DatabaseTooNewError extends Error {
  constructor(found: number, understood: number, path: string) {
    super(
      `The database ${path} is at schema version ${found}, but this version of the bot understands up to ${understood}, ` +
        'so it will not touch it. Run the newer version of the bot that wrote it, or restore a backup made by this version.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(database: Database): number {
  return database.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies pending migrations, each in its own transaction together with its version bump,
 * so a failing migration leaves the previous schema in place and working.
 */
export function migrate(database: Database, migrations: readonly Migration[]): { applied: number[] } {
  const current = schemaVersion(database);
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) throw new DatabaseTooNewError(current, newest, database.name);

  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    database.transaction(() => {
      database.exec(migration.sql);
      database.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return { applied };
}
