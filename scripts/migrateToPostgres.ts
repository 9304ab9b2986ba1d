import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { CopyRefusedError, copyStateToPostgres } from '../src/storage/copyState.js';
import { openMigratedSqliteFile, openStateDatabase } from '../src/storage/database.js';
import { describePostgresUrl } from '../src/storage/sql/postgresDatabase.js';

/**
 * `npm run migrate-to-postgres -- --from data/watchalong.sqlite --to postgres://user:password@host:5432/watchalong`:
 * copies a bot's SQLite state into PostgreSQL, so a bot moving past one host keeps its history. Stop the bot first.
 * Safe to run again: rows already copied stay as they are; row counts and values are checked table by table.
 */
const usage = 'Usage: npm run migrate-to-postgres -- --from <sqlite file> --to <postgres://user:password@host:5432/database>';
const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
if (!values.from || !values.to) {
  console.error(usage);
  process.exit(2);
}
if (!existsSync(values.from)) {
  console.error(`There is no SQLite state file at ${values.from}. ${usage}`);
  process.exit(1);
}
// As the bot does at start: the file is brought to this version's schema first, so both sides have the same tables.
const source = openMigratedSqliteFile(values.from);
const target = await openStateDatabase({ path: '', url: values.to });
try {
  const copies = await copyStateToPostgres(source, target);
  for (const copy of copies) console.log(`${copy.table}: ${copy.source} rows, ${copy.copied} copied now, ${copy.target} in PostgreSQL`);
  const copied = copies.reduce((total, copy) => total + copy.copied, 0);
  console.log(`Copied ${copied} rows from ${values.from} to ${describePostgresUrl(values.to)}; every table holds exactly the file's rows.`);
} catch (error) {
  if (!(error instanceof CopyRefusedError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  source.close();
  await target.close();
}
