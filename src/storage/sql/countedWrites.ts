import { sqlTextOf } from './sqlDatabase.js';
import type { SqlDatabase, SqlParameters, SqlSession, SqlStatement } from './sqlDatabase.js';

/** A database that counts the writes made through it. */
export interface CountedDatabase extends SqlDatabase {
  /** Grows after every write through this database has finished; unchanged means nothing was written since. */
  writes(): number;
}

const readOnlyStatement = /^\s*select\b/i;

/**
 * Counts the writes made through `database`, so that something read may be answered again only while nothing has
 * been written since (the reply gate). A statement other than a SELECT counts as a write (an INSERT … RETURNING is
 * read with get()), and so does a transaction, whether it commits or not. The count grows once the write has
 * finished: a read that raced it was remembered under the older count, which no longer matches.
 */
export function countWrites(database: SqlDatabase): CountedDatabase {
  let writes = 0;
  const counted = <Result>(result: Promise<Result>) => result.finally(() => (writes += 1));
  const written = <Result>(sql: SqlStatement, result: Promise<Result>) => (readOnlyStatement.test(sqlTextOf(sql)) ? result : counted(result));
  return {
    engine: database.engine,
    location: database.location,
    all: <Row>(sql: SqlStatement, parameters?: SqlParameters) => written(sql, database.all<Row>(sql, parameters)),
    get: <Row>(sql: SqlStatement, parameters?: SqlParameters) => written(sql, database.get<Row>(sql, parameters)),
    value: <Value>(sql: SqlStatement, parameters?: SqlParameters) => written(sql, database.value<Value>(sql, parameters)),
    run: (sql, parameters) => counted(database.run(sql, parameters)),
    transaction: <Result>(work: (session: SqlSession) => Promise<Result>) => counted(database.transaction(work)),
    close: () => database.close(),
    writes: () => writes,
  };
}
