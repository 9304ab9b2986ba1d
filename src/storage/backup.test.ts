import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, BackupError, defaultBackupPath } from './backup.js';
import { openMigratedSqliteFile } from './database.js';
import { migrations } from './migrations/index.js';

const folders: string[] = [];
function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'watchalong-backup-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/**
 * Another connection on its own thread, as the running bot would be: each transaction adds one member's progress
 * and records how many it has added in bot_state, so a consistent snapshot has exactly that many members.
 * The shared counter tells the test how many transactions have committed.
 */
const writerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const database = new Database(workerData.path);
database.pragma('busy_timeout = 5000');
const add = database.prepare("INSERT INTO member_progress (guild_id, user_id, series_id, episode, updated_at) VALUES ('writer', ?, 'hero-mask', 1, 0)");
const count = database.prepare("INSERT INTO bot_state (key, value) VALUES ('written', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
const commits = new Int32Array(workerData.commits);
const write = database.transaction((n) => { add.run('user-' + n); count.run(String(n)); });
parentPort.on('message', () => { database.close(); process.exit(0); });
let n = 0;
const loop = () => {
  for (let i = 0; i < 50; i++) { n++; write(n); Atomics.store(commits, 0, n); }
  setImmediate(loop);
};
loop();
`;

function startWriter(path: string) {
  const commits = new SharedArrayBuffer(4);
  const worker = new Worker(writerSource, { eval: true, workerData: { path, commits } });
  const committed = () => Atomics.load(new Int32Array(commits), 0);
  return {
    committed,
    async stop(): Promise<void> {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}

/** A database of some megabytes, so that copying it takes long enough for the writer to commit meanwhile. */
function createFilledDatabase(path: string): void {
  const database = openMigratedSqliteFile(path);
  const insert = database.prepare("INSERT INTO member_progress (guild_id, user_id, series_id, episode, updated_at) VALUES (?, ?, 'hero-mask', ?, ?)");
  database.transaction(() => {
    for (let index = 0; index < 40_000; index++) insert.run('filler', `member-${index}-${'x'.repeat(60)}`, index % 12, index);
  })();
  database.close();
}

describe('backupDatabase', () => {
  it('copies a database that another connection keeps writing to into a sound, consistent file', async () => {
    const folder = temporaryFolder();
    const source = join(folder, 'state.sqlite');
    createFilledDatabase(source);
    const writer = startWriter(source);
    try {
      await expect.poll(writer.committed).toBeGreaterThan(100);
      const before = writer.committed();
      const backup = await backupDatabase(source, join(folder, 'backups', 'copy.sqlite'));
      const after = writer.committed();
      expect(after).toBeGreaterThan(before);

      expect(backup.schemaVersion).toBe(migrations.at(-1)?.version);
      const copy = new BetterSqlite3(backup.path, { readonly: true, fileMustExist: true });
      expect(copy.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
      expect(copy.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      const written = Number(copy.prepare("SELECT value FROM bot_state WHERE key = 'written'").pluck().get());
      const members = copy.prepare("SELECT COUNT(*) FROM member_progress WHERE guild_id = 'writer'").pluck().get();
      expect(members).toBe(written);
      expect(written).toBeGreaterThanOrEqual(before);
      expect(written).toBeLessThanOrEqual(after);
      expect(copy.prepare("SELECT COUNT(*) FROM member_progress WHERE guild_id = 'filler'").pluck().get()).toBe(40_000);
      copy.close();
    } finally {
      await writer.stop();
    }
    expect(existsSync(join(folder, 'backups', 'copy.sqlite.partial'))).toBe(false);
  });

  it('is one file, which the bot opens (back in WAL mode) after a restore', async () => {
    const folder = temporaryFolder();
    const source = join(folder, 'state.sqlite');
    const database = openMigratedSqliteFile(source);
    database.prepare("INSERT INTO bot_state (key, value) VALUES ('kept', 'yes')").run();
    const backup = await backupDatabase(source, join(folder, 'restored.sqlite'));
    database.close();

    const copy = new BetterSqlite3(backup.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(existsSync(`${backup.path}-wal`)).toBe(false);

    const restored = openMigratedSqliteFile(backup.path);
    expect(restored.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(restored.prepare("SELECT value FROM bot_state WHERE key = 'kept'").pluck().get()).toBe('yes');
    restored.close();
  });

  it.each([
    { case: 'no database at the source', prepare: () => undefined, source: 'missing.sqlite', message: 'There is no database at' },
    {
      case: 'a file already at the destination',
      prepare: (folder: string) => writeFileSync(join(folder, 'taken.sqlite'), 'not mine to overwrite'),
      source: 'state.sqlite',
      message: 'already exists',
    },
  ])('refuses $case', async ({ prepare, source, message }) => {
    const folder = temporaryFolder();
    openMigratedSqliteFile(join(folder, 'state.sqlite')).close();
    prepare(folder);
    const attempt = backupDatabase(join(folder, source), join(folder, 'taken.sqlite'));
    await expect(attempt).rejects.toThrowError(BackupError);
    await expect(attempt).rejects.toThrowError(message);
  });
});

describe('defaultBackupPath', () => {
  it.each([
    { databasePath: 'data/watchalong.sqlite', expected: join('data', 'backups', 'watchalong-2026-03-01T20-05-09Z.sqlite') },
    { databasePath: '/srv/bot/state.db', expected: join('/srv/bot', 'backups', 'state-2026-03-01T20-05-09Z.sqlite') },
  ])('puts $databasePath backups in a backups folder beside it, named by the UTC time', ({ databasePath, expected }) => {
    expect(defaultBackupPath(databasePath, new Date('2026-03-01T20:05:09.123Z'))).toBe(expected);
  });
});
