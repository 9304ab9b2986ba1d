/**
 * The storage port's lowest layer: one async way to run SQL, whichever engine holds the state. Repositories write
 * portable SQL (quoted camelCase aliases, `?` or `@name` parameters, `IS NOT DISTINCT FROM`, no engine-only
 * functions) and run it through this; only the engine files know better-sqlite3 or pg.
 */
export type SqlParameters = readonly unknown[] | Readonly<Record<string, unknown>>;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export type SqlEngine = 'sqlite' | 'postgres';

/**
 * A statement PostgreSQL prepares once per connection and then runs without planning it again, for the hottest
 * statements. After five runs it may run on a generic plan, one chosen without the parameters' values: its plan must
 * not depend on them (compare a column with MIN(column), not with a parameter, to find "anything at or before").
 * SQLite prepares every statement once anyway.
 */
export interface NamedStatement {
  name: string;
  sql: string;
}

export type SqlStatement = string | NamedStatement;

export interface SqlSession {
  readonly engine: SqlEngine;
  all<Row>(sql: SqlStatement, parameters?: SqlParameters): Promise<Row[]>;
  get<Row>(sql: SqlStatement, parameters?: SqlParameters): Promise<Row | undefined>;
  /** The first column of the first row; undefined when there is no row. */
  value<Value>(sql: SqlStatement, parameters?: SqlParameters): Promise<Value | undefined>;
  run(sql: SqlStatement, parameters?: SqlParameters): Promise<RunResult>;
}

export function sqlTextOf(statement: SqlStatement): string {
  return typeof statement === 'string' ? statement : statement.sql;
}

export interface SqlDatabase extends SqlSession {
  /** Where the state lives, for messages: the file, or the server and database name (never a password). */
  readonly location: string;
  /**
   * Runs `work` in one transaction and commits when it resolves. On SQLite it is BEGIN IMMEDIATE (one writer at a
   * time, across processes too); on PostgreSQL READ COMMITTED, with row locks where the SQL takes them
   * (`forUpdateSkipLocked`). `work` must use the session it is given, never the database, or it waits on itself.
   */
  transaction<Result>(work: (session: SqlSession) => Promise<Result>): Promise<Result>;
  close(): Promise<void>;
}

/**
 * A transaction's session seen as a database, so repositories can work inside a transaction someone else opened
 * (a bulk load, a copy): their own transactions become part of it.
 */
export function inTransaction(session: SqlSession, location: string): SqlDatabase {
  return { ...session, location, transaction: (work) => work(session), close: () => Promise.resolve() };
}

/** `FOR UPDATE` on PostgreSQL (a read-modify-write waits for the row's other writer), nothing on SQLite (one writer). */
export function forUpdate(session: SqlSession): string {
  return session.engine === 'postgres' ? ' FOR UPDATE' : '';
}

/** `FOR UPDATE SKIP LOCKED` on PostgreSQL (another host is claiming that row: leave it), nothing on SQLite (one writer). */
export function forUpdateSkipLocked(session: SqlSession): string {
  return session.engine === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
}

/** A UNIQUE or PRIMARY KEY constraint refused the row, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || error.code === '23505';
}
