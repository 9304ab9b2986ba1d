import { loadConfig } from '../src/config/config.js';
import { backupDatabase, BackupError, defaultBackupPath } from '../src/storage/backup.js';

/**
 * `npm run backup [-- path/to/file.sqlite]`: an online backup of DATABASE_PATH, safe while the bot runs.
 * Without a path it writes to a `backups` folder beside the database, named by the time (UTC).
 */
const config = loadConfig();
const destination = process.argv[2] ?? defaultBackupPath(config.DATABASE_PATH, new Date());
try {
  const backup = await backupDatabase(config.DATABASE_PATH, destination);
  console.log(`Backed up ${config.DATABASE_PATH} to ${backup.path} (${backup.bytes} bytes, schema version ${backup.schemaVersion}).`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(1);
}
