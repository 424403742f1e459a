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
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
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
  return {
    kind: 'postgres',
    ...over(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(over(client));
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
