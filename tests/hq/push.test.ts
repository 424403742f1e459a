import { describe, expect, it } from 'vitest';
import {
  ANALYST,
  answersCompleting,
  BACKENDS,
  completed,
  contentCounts,
  countRows,
  createValidation,
  DANA,
  enrol,
  findingChange,
  LEE,
  makeValidation,
  push,
  REVIEWER,
  reopenChange,
  responseChange,
  siteChange,
  submitChange,
  useHqBackend,
} from './helpers';

describe.each(BACKENDS)('HQ push on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('applies a batch and returns one receipt per change, in order', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const batch = [
      createValidation(v),
      responseChange(v.id, '1.1', 1, 0),
      findingChange(v.id, 'f0c8e7a6-3d0b-4c59-9d5e-1d5d7c0b9a11', { criterionId: '1.1' }),
      siteChange(v.id, 'a4e7f3c2-5b1d-4e8a-9c6f-2b3d4e5f6a7b', 'upsert', 'Dock 4'),
    ];
    const { status, body } = await push(ctx, dana.token, { changes: batch });
    expect(status).toBe(200);
    expect(body.receipts.map((r) => [r.changeId, r.outcome])).toEqual(batch.map((c) => [c.changeId, 'applied']));
    expect(await contentCounts(ctx.db)).toEqual({ changes: 4, records: 3, validations: 1 });
    const [held] = await ctx.db.query<{ owner_user_id: string; field_office: string; status: string }>(
      'SELECT owner_user_id, field_office, status FROM validations WHERE id = $1',
      [v.id],
    );
    expect(held).toEqual({ owner_user_id: dana.userId, field_office: 'Houston', status: 'IN_PROGRESS' });
  });

  it('answers the same batch again with duplicates and writes no new rows', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const batch = { changes: [createValidation(v), responseChange(v.id, '2.3', 1, 0)] };
    const first = await push(ctx, dana.token, batch);
    const before = await contentCounts(ctx.db);
    const again = await push(ctx, dana.token, batch);
    expect(again.status).toBe(200);
    expect(again.body.receipts.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    // The receipt names when HQ first received each change.
    expect(again.body.receipts.map((r) => r.receivedAt)).toEqual(first.body.receipts.map((r) => r.receivedAt));
    expect(await contentCounts(ctx.db)).toEqual(before);
  });

  it('refuses a reused change id with different content: 409 when pushed alone, nothing changed', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const original = responseChange(v.id, '3.1', 1, 0, 'Gate log checked');
    await push(ctx, dana.token, { changes: [createValidation(v), original] });
    const altered = { ...original, payload: { ...original.payload, notes: 'Something else' } };
    const { status, body } = await push(ctx, dana.token, { changes: [altered] });
    expect(status).toBe(409);
    expect(body.receipts[0]).toMatchObject({ changeId: original.changeId, outcome: 'conflict' });
    const [record] = await ctx.db.query<{ payload: { notes: string } }>('SELECT payload FROM records');
    expect(record?.payload.notes).toBe('Gate log checked');
  });

  it('refuses a stale edit with HQ’s current version and merges nothing', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    await push(ctx, dana.token, {
      changes: [createValidation(v), responseChange(v.id, '4.2', 1, 0, 'v1'), responseChange(v.id, '4.2', 2, 1, 'v2')],
    });
    // Made on version 1, but HQ already holds version 2.
    const stale = responseChange(v.id, '4.2', 2, 1, 'edited on another laptop');
    const { status, body } = await push(ctx, dana.token, { changes: [stale] });
    expect(status).toBe(200);
    expect(body.receipts[0]).toMatchObject({ outcome: 'stale', current: { version: 2, payload: { notes: 'v2' } } });
    const [record] = await ctx.db.query<{ version: number; payload: Record<string, unknown> }>(
      'SELECT version, payload FROM records',
    );
    expect(record?.version).toBe(2);
    expect(record?.payload.notes).toBe('v2');
    expect(record?.payload).not.toHaveProperty('baseVersion');
    expect(await countRows(ctx.db, 'changes')).toBe(3);
  });

  it('refuses changes to another SCSS’s validation as forbidden and writes nothing', async () => {
    const dana = await enrol(ctx, DANA);
    const lee = await enrol(ctx, LEE);
    const v = makeValidation();
    await push(ctx, dana.token, { changes: [createValidation(v)] });
    const before = await contentCounts(ctx.db);
    const { status, body } = await push(ctx, lee.token, {
      changes: [responseChange(v.id, '1.1', 1, 0), createValidation(v), submitChange(v)],
    });
    expect(status).toBe(200);
    expect(body.receipts.map((r) => r.outcome)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(await contentCounts(ctx.db)).toEqual(before);
  });

  it('refuses SCSS content pushed by reviewers and analysts', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    await push(ctx, dana.token, { changes: [createValidation(v)] });
    const before = await contentCounts(ctx.db);
    for (const who of [REVIEWER, ANALYST]) {
      const other = await enrol(ctx, who);
      const { body } = await push(ctx, other.token, { changes: [responseChange(v.id, '5.5', 1, 0)] });
      expect(body.receipts[0]?.outcome).toBe('forbidden');
    }
    expect(await contentCounts(ctx.db)).toEqual(before);
  });

  it('refuses malformed bodies with 400 and writes nothing', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const good = createValidation(v);
    const bodies: unknown[] = [
      {},
      { changes: [] },
      { changes: [{ ...good, changeId: 'not-a-uuid' }] },
      { changes: [good, { ...good, entity: 'member' }] },
      { changes: [good], extra: true },
    ];
    for (const body of bodies) {
      const { status, body: answer } = await push(ctx, dana.token, body);
      expect(status).toBe(400);
      expect(answer.error?.code).toBe('BAD_REQUEST');
    }
    const raw = await ctx.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { authorization: `Bearer ${dana.token}`, 'content-type': 'application/json' },
      payload: '{"changes": [',
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.json().error.code).toBe('BAD_REQUEST');
    expect(await contentCounts(ctx.db)).toEqual({ changes: 0, records: 0, validations: 0 });
  });

  it('answers a malformed payload inside a well-formed batch as invalid, without sinking the batch', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const broken = responseChange(v.id, '6.1', 1, 0);
    delete broken.payload.baseVersion;
    const { body } = await push(ctx, dana.token, {
      changes: [createValidation(v), broken, responseChange(v.id, '6.2', 1, 0)],
    });
    expect(body.receipts.map((r) => r.outcome)).toEqual(['applied', 'invalid', 'applied']);
    expect(await contentCounts(ctx.db)).toEqual({ changes: 2, records: 1, validations: 1 });
  });

  it('keeps a submitted validation immutable until it is reopened', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const full = completed(v, [responseChange(v.id, '7.1', 1, 0)]);
    await push(ctx, dana.token, { changes: [createValidation(v), ...full, submitChange(v, full)] });
    const before = await contentCounts(ctx.db);
    const late = await push(ctx, dana.token, {
      changes: [responseChange(v.id, '7.1', 2, 1, 'after submit'), submitChange(v, full)],
    });
    expect(late.body.receipts.map((r) => [r.outcome, r.reason])).toEqual([
      ['conflict', 'submitted validations are immutable'],
      ['conflict', 'Submitted is not possible while the validation is submitted'],
    ]);
    expect(await contentCounts(ctx.db)).toEqual(before);

    const reopened = await push(ctx, dana.token, {
      changes: [reopenChange(v.id), responseChange(v.id, '7.1', 2, 1, 'after reopen')],
    });
    expect(reopened.body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    const [held] = await ctx.db.query<{ status: string; payload: { reopenReason: string } }>(
      'SELECT status, payload FROM validations',
    );
    expect(held?.status).toBe('IN_PROGRESS');
    expect(held?.payload.reopenReason).toBe('Member sent new documents');
  });

  it('applies each change once when the same batch arrives concurrently', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const latest = responseChange(v.id, '8.1', 2, 1);
    const rest = answersCompleting(v, [latest]);
    const batch = {
      changes: [
        createValidation(v),
        responseChange(v.id, '8.1', 1, 0),
        latest,
        ...rest,
        submitChange(v, [latest, ...rest]),
      ],
    };
    const answers = await Promise.all(Array.from({ length: 6 }, () => push(ctx, dana.token, batch)));
    for (const answer of answers) expect(answer.status).toBe(200);
    for (let i = 0; i < batch.changes.length; i += 1) {
      const outcomes = answers.map((a) => a.body.receipts[i]?.outcome).sort();
      expect(outcomes).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    }
    // The answers, and HQ's history entry for the submit.
    expect(await contentCounts(ctx.db)).toEqual({
      changes: batch.changes.length,
      records: rest.length + 2,
      validations: 1,
    });
    const [record] = await ctx.db.query<{ version: number }>(
      `SELECT version FROM records WHERE entity = 'criterion_response' AND entity_id = $1`,
      [latest.entityId],
    );
    expect(record?.version).toBe(2);
  });
});
