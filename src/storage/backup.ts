import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { schemaVersion } from './migrate.js';

export interface BackupResult {
  path: string;
  /** The schema version inside the backup; a restore needs a bot that understands it. */
  schemaVersion: number;
  bytes: number;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Where `npm run backup` writes without a path: a `backups` folder beside the database, named by the time in UTC. */
export function defaultBackupPath(databasePath: string, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
  const name = basename(databasePath, extname(databasePath));
  return join(dirname(databasePath), 'backups', `${name}-${stamp}.sqlite`);
}

/**
 * Copies a live database into a new file while the bot keeps writing, with SQLite's online backup.
 * The copy is written under a temporary name, checked with `PRAGMA integrity_check`, then renamed,
 * so a backup file either is complete and sound or does not exist.
 */
export async function backupDatabase(sourcePath: string, destinationPath: string): Promise<BackupResult> {
  if (!existsSync(sourcePath)) {
    throw new BackupError(
      `There is no database at ${resolve(sourcePath)} (DATABASE_PATH). Point it at the bot's database: set DATABASE_PATH as the bot has it ` +
        '(in its .env or environment), e.g. `DATABASE_PATH=/path/to/watchalong.sqlite npm run backup`, or run the backup in the folder the bot runs in.',
    );
  }
  if (existsSync(destinationPath)) throw new BackupError(`${destinationPath} already exists. Pick a new file name for the backup.`);
  mkdirSync(dirname(destinationPath), { recursive: true });
  const partialPath = `${destinationPath}.partial`;
  rmSync(partialPath, { force: true });

  const source = new BetterSqlite3(sourcePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // Copied in steps, a backup starts over whenever another connection writes between two steps, so under a
    // steady stream of writes it might never finish. One step reads one consistent snapshot; in WAL mode the
    // bot keeps writing meanwhile.
    await source.backup(partialPath, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partialPath, { force: true });
    throw error;
  } finally {
    source.close();
  }

  let version: number;
  try {
    version = checkBackup(partialPath);
  } catch (error) {
    rmSync(partialPath, { force: true });
    throw error;
  }
  renameSync(partialPath, destinationPath);
  return { path: destinationPath, schemaVersion: version, bytes: statSync(destinationPath).size };
}

/** Opens the copy on its own and refuses it unless SQLite finds it intact. Returns its schema version. */
function checkBackup(path: string): number {
  const copy = new BetterSqlite3(path, { fileMustExist: true });
  try {
    // One self-contained file: left in WAL mode, any later open (even read-only) would put -wal and -shm files beside it.
    // The bot switches a restored database back to WAL when it opens it.
    copy.pragma('journal_mode = DELETE');
    const report = copy.prepare('PRAGMA integrity_check').pluck().all() as string[];
    if (report.join() !== 'ok') {
      throw new BackupError(`The backup failed SQLite's integrity check: ${report.slice(0, 5).join('; ')}`);
    }
    return schemaVersion(copy);
  } finally {
    copy.close();
  }
}
