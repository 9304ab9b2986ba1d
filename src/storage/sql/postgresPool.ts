// Loaded only when the state is on PostgreSQL (src/storage/database.ts imports it on demand): a bot on SQLite
// never pays for loading pg at start.
import pg from 'pg';

const int8 = 20;
const numeric = 1700;

/**
 * Times are milliseconds and ids are BIGINT; counts and sums come back as BIGINT or NUMERIC. All of them fit a
 * JavaScript number, so they are read as numbers, as better-sqlite3 reads them, instead of pg's default strings.
 */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === int8 || oid === numeric ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** A pool for the state database at `url` (postgres://user:password@host:port/database). */
export function createPostgresPool(url: string, onIdleError: (error: Error) => void = () => undefined, maxConnections = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types });
  // An idle connection the server dropped (a restart, a failover) is replaced by the pool; without a listener
  // its error would end the process.
  pool.on('error', onIdleError);
  return pool;
}
