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

  it('012 links each assignment made from the work plan to its SCSS_ASSIGNED change, and no other', async () => {
    const older = await openDbMigratedTo(backend, 11);
    try {
      const [dana, pat] = [randomUUID(), randomUUID()];
      await older.db.query(
        `INSERT INTO users (id, name, role, field_office) VALUES ($1, 'Dana Ruiz', 'SCSS', 'Houston'),
           ($2, 'Pat Lane', 'SUPERVISOR', 'Houston')`,
        [dana, pat],
      );
      const member = { id: randomUUID(), legalName: 'Bayou Freight LLC', accountNumber: 'ACCT-9', entityType: 'IMP' };
      await older.db.query(
        `INSERT INTO members (id, account_number, legal_name, entity_type, field_office)
         VALUES ($1, 'ACCT-9', 'Bayou Freight LLC', 'IMP', 'Houston')`,
        [member.id],
      );
      const eventId = randomUUID();
      const change = { kind: 'SCSS_ASSIGNED', scss: { userId: dana, name: 'Dana Ruiz' }, work: 'VALIDATION' };
      await older.db.query(
        `INSERT INTO member_record_events (id, member_id, version, kind, change, content_sha256, actor_user_id,
           actor_name, actor_role, at)
         VALUES ($1, $2, 1, 'SCSS_ASSIGNED', $3::jsonb, $4, $5, 'Pat Lane', 'SUPERVISOR', now())`,
        [
          eventId,
          member.id,
          JSON.stringify({ ...change, mode: 'VIRTUAL', targetDate: '2027-01-10' }),
          'a'.repeat(64),
          pat,
        ],
      );
      const [fromPlan, fromCli] = [randomUUID(), randomUUID()];
      for (const [id, mode] of [
        [fromPlan, 'VIRTUAL'],
        [fromCli, 'IN_PERSON'],
      ] as const) {
        await older.db.query(
          `INSERT INTO assignments (id, member, entity_type, mode, target_date, assigned_user_id, field_office)
           VALUES ($1, $2::jsonb, 'IMP', $3, '2027-01-10', $4, 'Houston')`,
          [id, JSON.stringify(member), mode, dana],
        );
      }
      expect(await migrateHqDb(older.db)).toEqual(HQ_MIGRATIONS.slice(11).map((m) => m.version));
      const rows = await older.db.query<{ id: string; member_record_event_id: string | null }>(
        'SELECT id, member_record_event_id FROM assignments',
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, r.member_record_event_id]))).toEqual({
        [fromPlan]: eventId,
        [fromCli]: null,
      });
      await expect(
        older.db.query(`UPDATE assignments SET withdrawn_at = now() WHERE id = $1`, [fromPlan]),
      ).rejects.toThrow(/assignments_withdrawal_whole/);
    } finally {
      await older.dispose();
    }
  });

  it('014 credits a file received earlier to the SCSSs whose record named it before it came, not to a later one', async () => {
    const older = await openDbMigratedTo(backend, 13);
    try {
      const [dana, jo] = [randomUUID(), randomUUID()];
      await older.db.query(
        `INSERT INTO users (id, name, role, field_office) VALUES ($1, 'Dana Ruiz', 'SCSS', 'Houston'),
           ($2, 'Jo Park', 'SCSS', 'Miami')`,
        [dana, jo],
      );
      const sha256 = 'c'.repeat(64);
      // Dana's record reached HQ at 10:00 and the file at 10:05; Jo named the same hash at 10:10.
      for (const [owner, office, at] of [
        [dana, 'Houston', '2026-11-20T10:00:00Z'],
        [jo, 'Miami', '2026-11-20T10:10:00Z'],
      ] as const) {
        const [device, v, evidenceId] = [randomUUID(), makeValidation(), randomUUID()];
        await older.db.query(`INSERT INTO devices (id, user_id, name, token_sha256) VALUES ($1, $2, 'laptop', $3)`, [
          device,
          owner,
          randomUUID(),
        ]);
        await older.db.query(
          `INSERT INTO validations (id, owner_user_id, field_office, status, workflow_state, version, payload, updated_at)
           VALUES ($1, $2, $3, 'IN_PROGRESS', 'IN_PROGRESS', 1, $4::jsonb, $5)`,
          [v.id, owner, office, JSON.stringify(v), at],
        );
        await older.db.query(
          `INSERT INTO records (entity, entity_id, validation_id, version, payload, updated_at)
           VALUES ('evidence', $1, $2, 1, $3::jsonb, $4)`,
          [evidenceId, v.id, JSON.stringify({ id: evidenceId, validationId: v.id, sha256, sizeBytes: 10 }), at],
        );
        await older.db.query(
          `INSERT INTO changes (change_id, content_sha256, device_id, validation_id, entity, entity_id, operation,
             received_at, outcome)
           VALUES ($1, $2, $3, $4, 'evidence', $5, 'upsert', $6, 'applied')`,
          [randomUUID(), 'd'.repeat(64), device, v.id, evidenceId, at],
        );
      }
      await older.db.query(
        `INSERT INTO evidence_files (sha256, size_bytes, received_at) VALUES ($1, 10, '2026-11-20T10:05:00Z')`,
        [sha256],
      );

      expect(await migrateHqDb(older.db)).toEqual(HQ_MIGRATIONS.slice(13).map((m) => m.version));
      const holders = await older.db.query<{ sha256: string; user_id: string }>(
        'SELECT sha256, user_id FROM evidence_file_holders',
      );
      expect(holders).toEqual([{ sha256, user_id: dana }]);
    } finally {
      await older.dispose();
    }
  });
});
