import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate.js';
import { migrations } from './migrations/index.js';

const folders: string[] = [];
function temporaryFile(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'watchalong-db-'));
  folders.push(folder);
  return join(folder, name);
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys, a busy timeout and every migration', () => {
    const path = temporaryFile('state.sqlite');
    const database = openDatabase({ path });
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(database)).toBe(migrations.at(-1)?.version);
    database.close();
  });

  it('answers the spoiler gate inside SQL', () => {
    const database = openDatabase({ path: temporaryFile('gate.sqlite') });
    const visible = database.prepare('SELECT is_visible_at(?, ?) AS visible');
    expect(visible.get(3, 2)).toEqual({ visible: 0 });
    expect(visible.get(2, 2)).toEqual({ visible: 1 });
    database.close();
  });

  it('refuses a database newer than it understands', () => {
    const path = temporaryFile('newer.sqlite');
    const raw = new BetterSqlite3(path);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase({ path })).toThrowError(DatabaseTooNewError);
    expect(() => openDatabase({ path })).toThrowError(`The database ${path} is at schema version 999`);
    const reopened = new BetterSqlite3(path);
    expect(schemaVersion(reopened)).toBe(999);
    expect(reopened.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    reopened.close();
  });
});

describe('migrate', () => {
  it('leaves the previous schema working when a migration fails', () => {
    const database = new BetterSqlite3(temporaryFile('failing.sqlite'));
    const good = { version: 1, name: 'good', sql: 'CREATE TABLE kept (id INTEGER PRIMARY KEY);' };
    const broken = { version: 2, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); THIS IS NOT SQL;' };
    migrate(database, [good]);
    expect(() => migrate(database, [good, broken])).toThrow();
    expect(schemaVersion(database)).toBe(1);
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(['kept']);
    database.close();
  });

  it('applies only what is pending', () => {
    const database = new BetterSqlite3(':memory:');
    const first = { version: 1, name: 'first', sql: 'CREATE TABLE first (id INTEGER);' };
    const second = { version: 2, name: 'second', sql: 'CREATE TABLE second (id INTEGER);' };
    expect(migrate(database, [first]).applied).toEqual([1]);
    expect(migrate(database, [first, second]).applied).toEqual([2]);
    expect(migrate(database, [first, second]).applied).toEqual([]);
  });
});
