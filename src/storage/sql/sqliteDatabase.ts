import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import { sqlTextOf } from './sqlDatabase.js';
import type { RunResult, SqlDatabase, SqlParameters, SqlSession, SqlStatement } from './sqlDatabase.js';

/**
 * Opens a state file with better-sqlite3: WAL so readers never block the writer, foreign keys on, and a busy timeout
 * so a second process (a backup, another shard) waits instead of failing.
 */
export function openSqliteConnection(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const connection = new BetterSqlite3(path);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  return connection;
}

function bind(parameters: SqlParameters | undefined): unknown[] {
  if (parameters === undefined) return [];
  return Array.isArray(parameters) ? [...(parameters as unknown[])] : [parameters];
}

interface Turns {
  tail: Promise<unknown>;
}

/**
 * One queue per state file in this process. A transaction holds SQLite's write lock across the awaits of its work, so
 * a second connection to the same file in the same process (two shards in one test) must wait here: waiting in
 * SQLite's busy handler would block the one thread that could finish the first transaction.
 */
const turnsByFile = new Map<string, Turns>();

function turnsFor(connection: Database): Turns {
  if (connection.memory) return { tail: Promise.resolve() };
  const file = resolve(connection.name);
  let turns = turnsByFile.get(file);
  if (!turns) {
    turns = { tail: Promise.resolve() };
    turnsByFile.set(file, turns);
  }
  return turns;
}

/**
 * The port over one better-sqlite3 connection. Its calls are synchronous underneath, but a transaction's work is
 * async, so every call waits its turn in one queue: nothing else runs on the file while a transaction is open.
 */
export function sqliteDatabase(connection: Database): SqlDatabase {
  const statements = new Map<string, Statement>();
  const prepare = (sql: SqlStatement) => {
    const text = sqlTextOf(sql);
    let statement = statements.get(text);
    if (!statement) {
      statement = connection.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };

  const direct: SqlSession = {
    engine: 'sqlite',
    all: <Row>(sql: SqlStatement, parameters?: SqlParameters) => Promise.resolve(prepare(sql).all(...bind(parameters)) as Row[]),
    get: <Row>(sql: SqlStatement, parameters?: SqlParameters) => Promise.resolve(prepare(sql).get(...bind(parameters)) as Row | undefined),
    value<Value>(sql: SqlStatement, parameters?: SqlParameters) {
      const row = prepare(sql).raw(true).get(...bind(parameters)) as unknown[] | undefined;
      prepare(sql).raw(false);
      return Promise.resolve(row?.[0] as Value | undefined);
    },
    run: (sql: SqlStatement, parameters?: SqlParameters): Promise<RunResult> =>
      Promise.resolve({ changes: prepare(sql).run(...bind(parameters)).changes }),
  };

  const turns = turnsFor(connection);
  function inTurn<Result>(work: () => Promise<Result>): Promise<Result> {
    const result = turns.tail.then(work);
    turns.tail = result.catch(() => undefined);
    return result;
  }

  return {
    engine: 'sqlite',
    location: connection.name,
    all: (sql, parameters) => inTurn(() => direct.all(sql, parameters)),
    get: (sql, parameters) => inTurn(() => direct.get(sql, parameters)),
    value: (sql, parameters) => inTurn(() => direct.value(sql, parameters)),
    run: (sql, parameters) => inTurn(() => direct.run(sql, parameters)),
    transaction: <Result>(work: (session: SqlSession) => Promise<Result>) =>
      inTurn(async () => {
        connection.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          connection.exec('COMMIT');
          return result;
        } catch (error) {
          if (connection.inTransaction) connection.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () => inTurn(() => Promise.resolve(void (connection.open && connection.close()))),
  };
}
