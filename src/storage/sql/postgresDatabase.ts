import type pg from 'pg';
import type { PoolClient, QueryResultRow } from 'pg';
import { postgresValues, toPostgresQuery } from './postgresParameters.js';
import type { PostgresQuery } from './postgresParameters.js';
import { sqlTextOf } from './sqlDatabase.js';
import type { SqlDatabase, SqlParameters, SqlSession, SqlStatement } from './sqlDatabase.js';

/** The server and database of a URL, without user or password, for messages and logs. */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

type Queryable = Pick<PoolClient, 'query'>;

function session(queryable: Queryable, queries: Map<string, PostgresQuery>): SqlSession {
  const query = async <Row>(sql: SqlStatement, parameters: SqlParameters | undefined) => {
    const text = sqlTextOf(sql);
    let translated = queries.get(text);
    if (!translated) {
      translated = toPostgresQuery(text);
      queries.set(text, translated);
    }
    const values = postgresValues(translated, parameters);
    if (typeof sql === 'string') return queryable.query<QueryResultRow & Row>(translated.text, values);
    return queryable.query<QueryResultRow & Row>({ name: sql.name, text: translated.text, values });
  };
  return {
    engine: 'postgres',
    all: async <Row>(sql: SqlStatement, parameters?: SqlParameters) => (await query<Row>(sql, parameters)).rows as Row[],
    get: async <Row>(sql: SqlStatement, parameters?: SqlParameters) => (await query<Row>(sql, parameters)).rows[0] as Row | undefined,
    async value<Value>(sql: SqlStatement, parameters?: SqlParameters) {
      const row = (await query<Record<string, unknown>>(sql, parameters)).rows[0];
      return row === undefined ? undefined : (Object.values(row)[0] as Value);
    },
    run: async (sql: SqlStatement, parameters?: SqlParameters) => ({ changes: (await query(sql, parameters)).rowCount ?? 0 }),
  };
}

/** Runs `work` on one pooled connection inside BEGIN … COMMIT, rolling back when it throws. */
export async function inPostgresTransaction<Result>(client: PoolClient, work: () => Promise<Result>): Promise<Result> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The port over a pg pool: each call takes a pooled connection, a transaction keeps one for its whole work. */
export function postgresDatabase(pool: pg.Pool, location: string): SqlDatabase {
  const queries = new Map<string, PostgresQuery>();
  const pooled = session(pool, queries);
  let closed: Promise<void> | undefined;
  return {
    ...pooled,
    location,
    async transaction<Result>(work: (session: SqlSession) => Promise<Result>): Promise<Result> {
      const client = await pool.connect();
      try {
        return await inPostgresTransaction(client, () => work(session(client, queries)));
      } finally {
        client.release();
      }
    },
    // Closing twice (a test's cleanup after the bot's own stop) is harmless.
    close: () => (closed ??= pool.end()),
  };
}
