import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DANA, enrol, useHqBackend } from './helpers';

type FirstRead = { validations: unknown[][]; ledger: unknown[][]; records: unknown[][] };

/**
 * A push's first read (migration 010's function) locks the batch's validations and then reads the ledger. It
 * must read after the lock is granted: a twin of the batch that held the lock and committed meanwhile is then
 * seen as held, and its changes are answered as duplicates rather than applied twice. Two sessions: PostgreSQL.
 */
describe('HQ push first read, on postgres', () => {
  const ctx = useHqBackend('postgres');

  it('sees the ledger rows a twin committed while it waited for the validation lock', async () => {
    const { deviceId, userId } = await enrol(ctx, DANA);
    const validationId = randomUUID();
    const changeId = randomUUID();
    await ctx.db.query(
      `INSERT INTO validations (id, owner_user_id, field_office, status, workflow_state, version, payload, updated_at)
       VALUES ($1, $2, 'Houston', 'IN_PROGRESS', 'IN_PROGRESS', 1, '{}', now())`,
      [validationId, userId],
    );

    let releaseTwin = () => {};
    const twinMayCommit = new Promise<void>((resolve) => (releaseTwin = resolve));
    let twinLocked = (_pid: number) => {};
    const twinHoldsLock = new Promise<number>((resolve) => (twinLocked = resolve));
    const twin = ctx.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM validations WHERE id = $1 FOR UPDATE', [validationId]);
      const [session] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await tx.query(
        `INSERT INTO changes (change_id, content_sha256, device_id, validation_id, entity, entity_id, operation, received_at, outcome)
         VALUES ($1, $2, $3, $4, 'site', 'x', 'upsert', now(), 'applied')`,
        [changeId, 'a'.repeat(64), deviceId, validationId],
      );
      twinLocked(session?.pid ?? 0);
      await twinMayCommit;
    });
    const twinPid = await twinHoldsLock;

    const read = ctx.db.transaction((tx) =>
      tx.query<{ read: FirstRead }>('SELECT push_lock_and_read($1::uuid[], $2::uuid[], $3::jsonb) AS read', [
        [validationId],
        [changeId],
        '[]',
      ]),
    );
    // Wait until the read is blocked on the twin's lock, then let the twin commit.
    for (;;) {
      const waiting = await ctx.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))',
        [twinPid],
      );
      if ((waiting[0]?.n ?? 0) > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    releaseTwin();
    await twin;

    const [row] = await read;
    expect(row?.read.validations.map((v) => v[0])).toEqual([validationId]);
    expect(row?.read.ledger.map((l) => l[0])).toEqual([changeId]);
  });
});
