import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAssignment } from '../../hq/assignments';
import type { Validation } from '../../shared/domain/validation';
import { message } from '../../shared/messages';
import { type PullResponse, PullResponseSchema } from '../../shared/sync/pull-protocol';
import {
  BACKENDS,
  change,
  countRows,
  DANA,
  type Enrolled,
  enrol,
  enrolUser,
  type HqTestContext,
  LEE,
  makeValidation,
  push,
  responseChange,
  testUserId,
  useHqBackend,
} from './helpers';

/**
 * One SCSS with two enrolled laptops: HQ takes one validation per assignment. The create names the assignment,
 * HQ links them as it takes it, refuses another laptop's create for the same assignment (naming when and where it
 * was started), and says in the pull that it was started.
 */

const STARTED_AT = '2026-11-20T15:00:00.000Z';

const startedFrom = (assignmentId: string, overrides: Partial<Validation> = {}) => {
  const v = makeValidation(randomUUID(), { createdAt: STARTED_AT, updatedAt: STARTED_AT, ...overrides });
  return { v, create: change('validation', v.id, 'create', { ...v, assignmentId }) };
};

describe.each(BACKENDS)('assignment starts at HQ on %s', (backend) => {
  const ctx: HqTestContext = useHqBackend(backend);

  /** Dana's desk and field laptops, and an assignment HQ gave her. */
  async function twoLaptopsOfDana() {
    const userId = await testUserId(ctx.db, DANA);
    const desk = await enrolUser(ctx, userId, 'Dana’s desk laptop');
    const field = await enrolUser(ctx, userId, 'Dana’s field laptop');
    const assignment = await createAssignment(ctx.db, {
      'member-name': 'Bayou Freight LLC',
      account: 'ACCT-700',
      'entity-type': 'IMP',
      mode: 'in person',
      'target-date': '2027-01-10',
      scss: userId,
    });
    return { desk, field, assignmentId: assignment.id };
  }

  const pull = async (laptop: Enrolled): Promise<PullResponse> => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/v1/pull?limit=200',
      headers: { authorization: `Bearer ${laptop.token}` },
    });
    expect(response.statusCode).toBe(200);
    return PullResponseSchema.parse(response.json());
  };

  const startedRefusal = message('hqReason.assignmentStarted', { at: STARTED_AT, device: 'Dana’s desk laptop' });

  it('refuses the second laptop’s validation for an assignment the first started, naming when and on which laptop', async () => {
    const { desk, field, assignmentId } = await twoLaptopsOfDana();
    const first = startedFrom(assignmentId);
    const { body: taken } = await push(ctx, desk.token, { changes: [first.create] });
    expect(taken.receipts.map((r) => r.outcome)).toEqual(['applied']);

    const second = startedFrom(assignmentId, { createdAt: '2026-11-21T09:00:00.000Z' });
    const { body } = await push(ctx, field.token, {
      changes: [second.create, responseChange(second.v.id, '1.1', 1, 0)],
    });
    const [refused, answer] = body.receipts;
    expect(refused).toMatchObject({
      outcome: 'conflict',
      reason: startedRefusal.message,
      told: { key: 'hqReason.assignmentStarted', params: { at: STARTED_AT, device: 'Dana’s desk laptop' } },
    });
    expect(startedRefusal.message).toMatch(
      /^This assignment was already started on Nov 2[01], 2026 at .+ on the laptop/,
    );
    // What the second laptop sent after its create is refused too: HQ holds no such validation.
    expect(answer?.outcome).toBe('invalid');
    expect(await countRows(ctx.db, 'validations')).toBe(1);
    const [row] = await ctx.db.query<{ started_validation_id: string; started_device_id: string }>(
      'SELECT started_validation_id, started_device_id FROM assignments WHERE id = $1',
      [assignmentId],
    );
    expect(row).toEqual({ started_validation_id: first.v.id, started_device_id: desk.deviceId });

    // The first laptop's own retry is still a duplicate, and its later changes are taken.
    const again = await push(ctx, desk.token, { changes: [first.create, responseChange(first.v.id, '1.1', 1, 0)] });
    expect(again.body.receipts.map((r) => r.outcome)).toEqual(['duplicate', 'applied']);
  });

  it('says in the pull which validation started the assignment, so every laptop of the SCSS learns it', async () => {
    const { desk, field, assignmentId } = await twoLaptopsOfDana();
    expect((await pull(field)).assignments.map((a) => [a.id, a.started])).toEqual([[assignmentId, null]]);
    const first = startedFrom(assignmentId);
    await push(ctx, desk.token, { changes: [first.create] });
    const started = { validationId: first.v.id, at: STARTED_AT, deviceName: 'Dana’s desk laptop' };
    expect((await pull(field)).assignments.map((a) => [a.id, a.started])).toEqual([[assignmentId, started]]);
    // The payload HQ holds names the assignment too, and a pulled copy of it is still readable.
    const [held] = await ctx.db.query<{ assignment_id: string }>(
      `SELECT payload->>'assignmentId' AS assignment_id FROM validations WHERE id = $1`,
      [first.v.id],
    );
    expect(held?.assignment_id).toBe(assignmentId);
  });

  it('takes one of two creates for the same assignment in one batch', async () => {
    const { desk, assignmentId } = await twoLaptopsOfDana();
    const first = startedFrom(assignmentId);
    const second = startedFrom(assignmentId);
    const { body } = await push(ctx, desk.token, { changes: [first.create, second.create] });
    expect(body.receipts.map((r) => r.outcome)).toEqual(['applied', 'conflict']);
    expect(body.receipts[1]?.told).toMatchObject({ key: 'hqReason.assignmentStarted' });
    expect(await countRows(ctx.db, 'validations')).toBe(1);
  });

  it('takes only one of two laptops’ creates pushed at the same moment', async () => {
    const { desk, field, assignmentId } = await twoLaptopsOfDana();
    const answers = await Promise.all([
      push(ctx, desk.token, { changes: [startedFrom(assignmentId).create] }),
      push(ctx, field.token, { changes: [startedFrom(assignmentId).create] }),
    ]);
    expect(answers.map((a) => a.body.receipts[0]?.outcome).sort()).toEqual(['applied', 'conflict']);
    expect(await countRows(ctx.db, 'validations')).toBe(1);
  });

  it('refuses a start from an assignment HQ withdrew, naming who gave the work away', async () => {
    const { desk, assignmentId } = await twoLaptopsOfDana();
    const withdrawnAt = '2026-11-19T10:00:00.000Z';
    await ctx.db.query(
      `UPDATE assignments SET withdrawn_at = $2, withdrawn_by_name = 'Pat Lane', withdrawn_reason = 'REASSIGNED'
       WHERE id = $1`,
      [assignmentId, withdrawnAt],
    );
    const { body } = await push(ctx, desk.token, { changes: [startedFrom(assignmentId).create] });
    const told = message('hqReason.assignmentWithdrawn', { at: withdrawnAt, name: 'Pat Lane' });
    expect(body.receipts[0]).toMatchObject({ outcome: 'conflict', reason: told.message });
    expect(await countRows(ctx.db, 'validations')).toBe(0);
  });

  it('refuses an assignment HQ does not hold or gave another SCSS, alike', async () => {
    const { assignmentId } = await twoLaptopsOfDana();
    const lee = await enrol(ctx, LEE);
    const unknown = randomUUID();
    for (const id of [assignmentId, unknown]) {
      const { body } = await push(ctx, lee.token, { changes: [startedFrom(id).create] });
      expect(body.receipts[0]).toMatchObject({
        outcome: 'invalid',
        reason: message('hqReason.noSuchAssignment', { id }).message,
      });
    }
    expect(await countRows(ctx.db, 'validations')).toBe(0);
  });

  it('takes a validation started without an assignment as before', async () => {
    const { desk } = await twoLaptopsOfDana();
    const v = makeValidation();
    const { body } = await push(ctx, desk.token, {
      changes: [change('validation', v.id, 'create', v as unknown as Record<string, unknown>)],
    });
    expect(body.receipts[0]?.outcome).toBe('applied');
    const started = await ctx.db.query('SELECT id FROM assignments WHERE started_validation_id IS NOT NULL');
    expect(started).toEqual([]);
  });
});
