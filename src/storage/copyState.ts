import type { Database } from 'better-sqlite3';
import type { SqlDatabase, SqlSession } from './sql/sqlDatabase.js';

export interface TableCopy {
  table: string;
  /** Rows in the SQLite file. */
  source: number;
  /** Rows this run added to PostgreSQL (0 on a second run). */
  copied: number;
  /** Rows in PostgreSQL afterwards: equal to `source`, or the copy is refused. */
  target: number;
  /** Whether PostgreSQL now holds exactly the file's rows, value for value. */
  identical: boolean;
}

export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefusedError';
  }
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const rowsPerInsert = 200;
/** Tables the copy leaves out: the identify slots are a few seconds of state about the gateway, not history. */
const notCopied = new Set(['identify_slots']);

function tablesReferencedFirst(source: Database): string[] {
  const tables = (
    source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
  ).filter((table) => !notCopied.has(table));
  const references = new Map(
    tables.map((table) => [table, (source.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).pluck().all(table) as string[]).filter((other) => other !== table)]),
  );
  const ordered: string[] = [];
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    for (const referenced of references.get(table) ?? []) visit(referenced);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

async function copyTable(source: Database, target: SqlSession, table: string): Promise<TableCopy> {
  const columns = (source.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[]).map((name) => `"${name}"`);
  const rows = source.prepare(`SELECT ${columns.join(', ')} FROM "${table}"`).raw(true).all() as unknown[][];
  let copied = 0;
  for (let start = 0; start < rows.length; start += rowsPerInsert) {
    const batch = rows.slice(start, start + rowsPerInsert);
    const values = batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    const inserted = await target.run(`INSERT INTO "${table}" (${columns.join(', ')}) VALUES ${values} ON CONFLICT DO NOTHING`, batch.flat());
    copied += inserted.changes;
  }
  const copiedRows = await target.all<Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM "${table}"`);
  const asLines = (all: unknown[][]) => all.map((row) => JSON.stringify(row)).sort();
  const sourceLines = asLines(rows);
  const targetLines = asLines(copiedRows.map((row) => Object.values(row)));
  const identical = sourceLines.length === targetLines.length && sourceLines.every((line, index) => line === targetLines[index]);
  return { table, source: rows.length, copied, target: copiedRows.length, identical };
}

/**
 * Copies every table of a SQLite state file (at the same schema version) into a PostgreSQL state database, in one
 * transaction, parents before the rows that reference them. Rows already there are left as they are, so a second run
 * copies nothing; afterwards every table must hold exactly the file's rows (counted and compared value for value), or
 * nothing is kept (PostgreSQL held other state).
 * Identity columns continue after the highest copied id.
 */
export async function copyStateToPostgres(source: Database, target: SqlDatabase): Promise<TableCopy[]> {
  if (target.engine !== 'postgres') throw new CopyRefusedError('The target must be a PostgreSQL database (postgres://…).');
  return target.transaction(async (session) => {
    const copies: TableCopy[] = [];
    for (const table of tablesReferencedFirst(source)) copies.push(await copyTable(source, session, table));
    const differing = copies.filter((copy) => !copy.identical);
    if (differing.length > 0) {
      const list = differing.map((copy) => `${copy.table}: ${copy.source} rows in the file, ${copy.target} in PostgreSQL`).join('; ');
      throw new CopyRefusedError(
        `PostgreSQL would not hold exactly the file's rows, so nothing was copied (${list}). It already holds other state: copy into ` +
          'an empty database, or into the one an earlier copy of this same file filled.',
      );
    }
    for (const copy of copies) {
      const identity = await session.value<string | null>(
        `SELECT pg_get_serial_sequence(table_name, 'id') FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'id'`,
        [copy.table],
      );
      if (identity) await session.run(`SELECT setval(?, GREATEST((SELECT COALESCE(MAX(id), 0) FROM "${copy.table}"), 1))`, [identity]);
    }
    return copies;
  });
}
