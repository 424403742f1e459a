import { describe, expect, it } from 'vitest';
import { migrateHqDb } from '../../hq/db/migrate';
import { HQ_MIGRATIONS } from '../../hq/db/migrations/index';
import { BACKENDS, useHqBackend } from './helpers';

describe.each(BACKENDS)('HQ migrations on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('applies nothing the second time and records every shipped migration', async () => {
    expect(await migrateHqDb(ctx.db)).toEqual([]);
    const applied = await ctx.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((m) => m.version)).toEqual(HQ_MIGRATIONS.map((m) => m.version));
  });

  it('refuses a database holding a migration this HQ does not ship, and changes nothing', async () => {
    await expect(migrateHqDb(ctx.db, [])).rejects.toThrow(/does not ship/);
    const foreign = [{ ...HQ_MIGRATIONS[0], name: 'something-else' }] as typeof HQ_MIGRATIONS;
    await expect(migrateHqDb(ctx.db, foreign)).rejects.toThrow(/migration 1 \(initial\)/);
    const [row] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(row?.n).toBe(HQ_MIGRATIONS.length);
  });

  it('finds an evidence record by its SHA-256 through an index, not by reading every evidence record', async () => {
    const plan = await ctx.db.transaction(async (tx) => {
      // Empty test tables make any plan a sequential scan; forbid it to see whether the index can serve.
      await tx.query('SET LOCAL enable_seqscan = off');
      return tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT 1 FROM records r WHERE r.entity = 'evidence' AND r.payload->>'sha256' = $1`,
        ['a'.repeat(64)],
      );
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('records_evidence_sha256');
  });
});
