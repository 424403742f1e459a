import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrateHqDb } from '../../hq/db/migrate';
import { HQ_MIGRATIONS } from '../../hq/db/migrations/index';
import { BACKENDS, makeValidation, openDbMigratedTo, useHqBackend } from './helpers';

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

  it('006 gives every validation a workflow state from its status, and keeps the two in step', async () => {
    const older = await openDbMigratedTo(backend, 5);
    try {
      const [user] = await older.db.query<{ id: string }>(
        `INSERT INTO users (id, name, role, field_office) VALUES ($1, 'Dana Ruiz', 'SCSS', 'Houston') RETURNING id`,
        [randomUUID()],
      );
      const submitted = makeValidation();
      const inProgress = makeValidation();
      for (const [v, status] of [
        [submitted, 'SUBMITTED'],
        [inProgress, 'IN_PROGRESS'],
      ] as const) {
        await older.db.query(
          `INSERT INTO validations (id, owner_user_id, field_office, status, version, payload, updated_at)
           VALUES ($1, $2, 'Houston', $3, 1, $4::jsonb, now())`,
          [v.id, user?.id, status, JSON.stringify({ ...v, status })],
        );
      }
      const [before] = await older.db.query<{ seq: string }>('SELECT max(pull_seq)::text AS seq FROM validations');
      // Every migration after 5 runs, each once, in order.
      expect(await migrateHqDb(older.db)).toEqual(HQ_MIGRATIONS.slice(5).map((m) => m.version));
      const held = await older.db.query<{ id: string; workflow_state: string; seq: string }>(
        'SELECT id, workflow_state, pull_seq::text AS seq FROM validations',
      );
      expect(Object.fromEntries(held.map((v) => [v.id, v.workflow_state]))).toEqual({
        [submitted.id]: 'SUBMITTED',
        [inProgress.id]: 'IN_PROGRESS',
      });
      // Restamped: the next pull sends each validation again, now with its workflow state.
      for (const v of held) expect(BigInt(v.seq)).toBeGreaterThan(BigInt(before?.seq ?? '0'));

      const set = (state: string, status: string) =>
        older.db.query('UPDATE validations SET workflow_state = $1, status = $2 WHERE id = $3', [
          state,
          status,
          submitted.id,
        ]);
      await expect(set('FILED', 'SUBMITTED')).rejects.toThrow(/validations_workflow_state_check/);
      await expect(set('APPROVED', 'IN_PROGRESS')).rejects.toThrow(/validations_status_follows_workflow_state/);
      await expect(set('RETURNED', 'SUBMITTED')).rejects.toThrow(/validations_status_follows_workflow_state/);
      await set('RETURNED', 'IN_PROGRESS');
    } finally {
      await older.dispose();
    }
  });
});
