import { HQ_MIGRATIONS, type HqMigration } from './migrations/index';
import type { HqDb } from './types';

// Any constant shared by every HQ process: two servers starting at once migrate one after the other.
const MIGRATION_LOCK_KEY = 4_741_001;

/**
 * Applies the pending migrations in one transaction. Refuses a database whose applied list is not a
 * prefix of the shipped list (written by a newer HQ, or by a different branch).
 */
export async function migrateHqDb(db: HqDb, migrations: readonly HqMigration[] = HQ_MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const applied = await tx.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    applied.forEach((row, index) => {
      const shipped = migrations[index];
      if (!shipped || shipped.version !== row.version || shipped.name !== row.name) {
        throw new Error(
          `The HQ database has migration ${row.version} (${row.name}), which this HQ version does not ship. Use the HQ version that wrote it.`,
        );
      }
    });
    const pending = migrations.slice(applied.length);
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    return pending.map((m) => m.version);
  });
}
