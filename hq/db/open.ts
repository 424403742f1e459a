import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrateHqDb } from './migrate';
import { createPgDb } from './pg-adapter';
import { createPgliteDb } from './pglite-adapter';
import type { HqDb } from './types';

export type HqDbEnv = { DATABASE_URL?: string; HQ_DATA_DIR?: string };

/** PostgreSQL when DATABASE_URL is set; otherwise PGlite in HQ_DATA_DIR (default .data/hq), migrated. */
export async function openHqDb(env: HqDbEnv, cwd = process.cwd()): Promise<{ db: HqDb; where: string }> {
  let db: HqDb;
  let where: string;
  if (env.DATABASE_URL) {
    db = createPgDb({ connectionString: env.DATABASE_URL });
    where = 'PostgreSQL (DATABASE_URL)';
  } else {
    const dataDir = path.resolve(cwd, env.HQ_DATA_DIR ?? path.join('.data', 'hq'));
    mkdirSync(dataDir, { recursive: true });
    db = await createPgliteDb(dataDir);
    where = `PGlite at ${dataDir}`;
  }
  try {
    await migrateHqDb(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, where };
}
