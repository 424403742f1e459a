/// <reference types="emscripten" />
// PGlite's typings use the Emscripten globals without referencing them; this tsconfig loads only Node's.
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import type { HqDb, HqQueryable } from './types';

/**
 * HqDb over embedded PGlite: in memory, or in dataDir. PGlite has one session, so a plain query issued
 * while a transaction is open would run inside it; every query therefore goes through PGlite's
 * exclusive transaction queue. A data folder is locked to this process while open (data-dir-lock.ts).
 */
export async function createPgliteDb(dataDir?: string): Promise<HqDb> {
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  const lite = dataDir ? new PGlite(dataDir) : new PGlite();
  try {
    await lite.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const transaction: HqDb['transaction'] = (fn) =>
    lite.transaction((tx) => {
      const scoped: HqQueryable = {
        async query<T>(sql: string, params: unknown[] = []) {
          const result = await tx.query<T>(sql, params);
          return result.rows;
        },
        async exec(sql: string) {
          await tx.exec(sql);
        },
      };
      return fn(scoped);
    });
  return {
    kind: 'pglite',
    query: (sql, params) => transaction((tx) => tx.query(sql, params)),
    exec: (sql) => transaction((tx) => tx.exec(sql)),
    transaction,
    close: async () => {
      try {
        await lite.close();
      } finally {
        release();
      }
    },
  };
}
