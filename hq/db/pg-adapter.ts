import pg from 'pg';
import type { HqDb, HqQueryable } from './types';

export type PgDbOptions = {
  connectionString: string;
  /** Every connection uses this schema first (tests get a fresh schema each). */
  searchPath?: string;
  max?: number;
};

/** HqDb over a pg connection pool (DATABASE_URL). */
export function createPgDb(options: PgDbOptions): HqDb {
  if (options.searchPath !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.searchPath)) {
    throw new Error(`Not a plain schema name: ${options.searchPath}`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    // No JIT: compiling a view's plan took about 1 s, more than the whole query it was meant to speed up.
    options: ['-c jit=off', ...(options.searchPath ? [`-c search_path=${options.searchPath}`] : [])].join(' '),
  });
  // An idle client losing its connection must not crash the process; the next query gets a new one.
  pool.on('error', () => {});
  const over = (client: pg.Pool | pg.PoolClient): HqQueryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  /** Statements of a transaction whose BEGIN may still be on its way: sent at once when it has succeeded. */
  const afterBegin = (client: pg.PoolClient, begin: Promise<unknown>) => {
    let done = false;
    const begun = begin.then(() => {
      done = true;
    });
    // A failed BEGIN fails the first statement (or the commit); handled here so it is never an unhandled rejection.
    begun.catch(() => {});
    const inner = over(client);
    // Sent synchronously once BEGIN is done, so a statement travels while the caller goes on computing.
    const scoped: HqQueryable = {
      query<T>(sql: string, params?: unknown[]) {
        return done ? inner.query<T>(sql, params) : begun.then(() => inner.query<T>(sql, params));
      },
      exec: (sql) => (done ? inner.exec(sql) : begun.then(() => inner.exec(sql))),
      ready: begun,
    };
    return { scoped, begun };
  };
  return {
    kind: 'postgres',
    ...over(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        // BEGIN is not awaited before fn runs: fn's CPU work overlaps its round trip. No statement is sent
        // before BEGIN has succeeded (see afterBegin), so none can run outside the transaction.
        const { scoped, begun } = afterBegin(client, client.query('BEGIN'));
        const value = await fn(scoped);
        await begun;
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
