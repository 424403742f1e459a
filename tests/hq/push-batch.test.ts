import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/protocol';
import { answersCompleting, worksheetCriterionIds } from './changes';
import {
  BACKENDS,
  completed,
  contentCounts,
  createValidation,
  DANA,
  enrol,
  findingChange,
  type HqTestContext,
  LEE,
  makeValidation,
  push,
  reopenChange,
  responseChange,
  siteChange,
  submitChange,
  useHqBackend,
} from './helpers';

type Row = Record<string, unknown>;

// The criteria of a validation on the bundled edition: HQ takes answers only to those.
const WORKSHEET = worksheetCriterionIds();
const outcomesOf = (body: { receipts: Row[] }) => body.receipts.map((r) => r.outcome);

/**
 * One validation's life in a single push, each change depending on what the ones before it did: an answer
 * before its validation exists, the create, two versions of one answer and a stale third, a site saved,
 * deleted and saved twice more, the rest of the worksheet answered, submit, an edit refused while submitted,
 * reopen, the edit again, and a second create of the same validation.
 */
function lifeOfOneValidation(): Change[] {
  const v = makeValidation();
  const siteId = randomUUID();
  const second = responseChange(v.id, '2.1', 2, 1, 'second');
  const dock3 = siteChange(v.id, siteId, 'upsert', 'Dock 3');
  const rest = answersCompleting(v, [second]);
  return [
    responseChange(v.id, '2.1', 1, 0, 'too early'),
    createValidation(v),
    responseChange(v.id, '2.1', 1, 0, 'first'),
    second,
    responseChange(v.id, '2.1', 2, 1, 'made on the other laptop'),
    siteChange(v.id, siteId, 'upsert', 'Dock 1'),
    siteChange(v.id, siteId, 'delete'),
    siteChange(v.id, siteId, 'upsert', 'Dock 2'),
    dock3,
    ...rest,
    submitChange(v, [second, dock3, ...rest]),
    // 2.2 was answered with the rest of the worksheet: these edits make its second version.
    responseChange(v.id, '2.2', 2, 1, 'after submit'),
    reopenChange(v.id),
    responseChange(v.id, '2.2', 2, 1, 'after reopen'),
    createValidation(v),
  ];
}

/** Where the batch of lifeOfOneValidation submits (and reopens) its validation. */
const positionOf = (batch: Change[], operation: 'submit' | 'reopen') =>
  batch.findIndex((c) => c.entity === 'validation' && c.operation === operation);

/** What HQ holds for one validation, ids replaced by placeholders so two runs compare. */
async function heldFor(ctx: HqTestContext, validationId: string, ids: Record<string, string>) {
  const validations = await ctx.db.query<Row>(
    'SELECT status, content_sha256, version, payload FROM validations WHERE id = $1',
    [validationId],
  );
  const records = await ctx.db.query<Row>(
    'SELECT entity, entity_id, version, payload FROM records WHERE validation_id = $1 ORDER BY entity, entity_id',
    [validationId],
  );
  const [ledger] = await ctx.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM changes WHERE validation_id = $1',
    [validationId],
  );
  const held = anonymise({ validations, records, ledger: ledger?.n }, ids);
  // Ordered by the placeholders, so records keyed by random ids (HQ's history entries) line up.
  held.records.sort((a, b) => `${a.entity}\n${a.entity_id}`.localeCompare(`${b.entity}\n${b.entity_id}`));
  return held;
}

function anonymise<T>(value: T, ids: Record<string, string>): T {
  let text = JSON.stringify(value);
  for (const [id, placeholder] of Object.entries(ids)) text = text.replaceAll(id, placeholder);
  return JSON.parse(text) as T;
}

describe.each(BACKENDS)('HQ push: a batch decided change by change, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('answers each change of a mixed batch on its own merits and writes only the applied ones', async () => {
    const dana = await enrol(ctx, DANA);
    const lee = await enrol(ctx, LEE);
    const mine = makeValidation();
    const submitted = makeValidation();
    const lees = makeValidation();
    const held = responseChange(mine.id, '1.1', 1, 0, 'Gate log checked');
    const worksheet = completed(submitted);
    const earlier = await push(ctx, dana.token, {
      changes: [
        createValidation(mine),
        held,
        createValidation(submitted),
        ...worksheet,
        submitChange(submitted, worksheet),
      ],
    });
    await push(ctx, lee.token, { changes: [createValidation(lees)] });
    const before = await contentCounts(ctx.db);

    const unnamed = findingChange('not-a-uuid', randomUUID());
    const noBase = responseChange(mine.id, '1.2', 1, 0);
    delete noBase.payload.baseVersion;
    const fresh = responseChange(mine.id, '1.3', 1, 0, 'Seal log reviewed');
    const { status, body } = await push(ctx, dana.token, {
      changes: [
        held,
        { ...held, payload: { ...held.payload, notes: 'rewritten' } },
        responseChange(mine.id, '1.1', 2, 0, 'made on version 0'),
        responseChange(lees.id, '1.1', 1, 0),
        noBase,
        // A good edit of the answer HQ holds, refused only because the validation is submitted.
        responseChange(submitted.id, '1.1', 2, 1),
        fresh,
        unnamed,
      ],
    });

    expect(status).toBe(200);
    expect(body.receipts.map((r) => [r.outcome, r.reason])).toEqual([
      ['duplicate', undefined],
      ['conflict', 'This change id was already used for different content'],
      ['stale', 'HQ holds version 1; this edit was made on version 0'],
      ['forbidden', 'This validation belongs to another SCSS'],
      ['invalid', 'baseVersion: Invalid input: expected number, received undefined'],
      ['conflict', 'submitted validations are immutable'],
      ['applied', undefined],
      ['invalid', 'validationId: Must be a UUID'],
    ]);
    // A duplicate names when HQ first received the change; a stale edit carries what HQ holds.
    expect(body.receipts[0]?.receivedAt).toBe(earlier.body.receipts[1]?.receivedAt);
    expect(body.receipts[2]?.current).toEqual({
      version: 1,
      payload: expect.objectContaining({ criterionId: '1.1', notes: 'Gate log checked', version: 1 }),
    });
    expect(body.receipts[5]?.current).toMatchObject({ id: submitted.id, status: 'SUBMITTED' });
    expect(await contentCounts(ctx.db)).toEqual({
      ...before,
      changes: before.changes + 1,
      records: before.records + 1,
    });
    const notes = await ctx.db.query<{ entity_id: string; notes: string }>(
      `SELECT entity_id, payload->>'notes' AS notes FROM records WHERE validation_id = $1 ORDER BY entity_id`,
      [mine.id],
    );
    expect(notes).toEqual([
      { entity_id: `${mine.id}/1.1`, notes: 'Gate log checked' },
      { entity_id: `${mine.id}/1.3`, notes: 'Seal log reviewed' },
    ]);
  });

  it('decides each change against what the changes before it in the batch left', async () => {
    const dana = await enrol(ctx, DANA);
    const batch = lifeOfOneValidation();
    const { body } = await push(ctx, dana.token, { changes: batch });

    const submitAt = positionOf(batch, 'submit');
    expect(outcomesOf(body)).toEqual([
      'invalid',
      'applied',
      'applied',
      'applied',
      'stale',
      'applied',
      'applied',
      'applied',
      'applied',
      // The rest of the worksheet answered: every criterion but 2.1.
      ...Array(WORKSHEET.length - 1).fill('applied'),
      'applied',
      'conflict',
      'applied',
      'applied',
      'conflict',
    ]);
    const validationId = batch[1]?.entityId ?? '';
    expect(body.receipts[0]?.reason).toBe(`HQ holds no validation ${validationId}; push its create change first`);
    // The stale edit is shown the version this same batch wrote just before it.
    expect(body.receipts[4]?.current).toEqual({
      version: 2,
      payload: expect.objectContaining({ notes: 'second', version: 2 }),
    });
    expect(body.receipts[4]?.current).not.toHaveProperty('payload.baseVersion');
    expect(body.receipts[submitAt + 1]?.reason).toBe('submitted validations are immutable');
    const last = body.receipts[batch.length - 1];
    expect(last).toMatchObject({ reason: 'This validation already exists at HQ' });
    expect(last?.current).toMatchObject({
      status: 'IN_PROGRESS',
      reopenReason: 'Member sent new documents',
    });

    const [validation] = await ctx.db.query<Row>('SELECT status, content_sha256, version, payload FROM validations');
    expect(validation).toMatchObject({
      status: 'IN_PROGRESS',
      content_sha256: null,
      version: 3,
      payload: { status: 'IN_PROGRESS', signedByName: 'Dana Ruiz', reopenReason: 'Member sent new documents' },
    });
    const records = await ctx.db.query<Row>(
      `SELECT entity, entity_id, version, payload->>'notes' AS notes, payload->>'name' AS name,
              payload ? 'baseVersion' AS has_base
       FROM records WHERE entity <> 'workflow_event' ORDER BY entity, entity_id`,
    );
    const answerTo = (criterionId: string) => `${validationId}/${criterionId}`;
    const edited = new Set([answerTo('2.1'), answerTo('2.2')]);
    expect(records.filter((r) => r.entity !== 'criterion_response' || edited.has(String(r.entity_id)))).toEqual([
      {
        entity: 'criterion_response',
        entity_id: answerTo('2.1'),
        version: 2,
        notes: 'second',
        name: null,
        has_base: false,
      },
      {
        entity: 'criterion_response',
        entity_id: answerTo('2.2'),
        version: 2,
        notes: 'after reopen',
        name: null,
        has_base: false,
      },
      // Saved, deleted, then saved twice: version 1 again after the delete, then 2.
      { entity: 'site', entity_id: batch[5]?.entityId, version: 2, notes: null, name: 'Dock 3', has_base: false },
    ]);
    // Every other answer as the batch first sent it.
    const others = records.filter((r) => r.entity === 'criterion_response' && !edited.has(String(r.entity_id)));
    expect(others).toHaveLength(WORKSHEET.length - 2);
    for (const other of others) expect(other).toMatchObject({ version: 1, notes: '', has_base: false });
    // HQ's history holds the submit and the reopen, under the ids of the changes that made them.
    const events = await ctx.db.query<Row>(
      `SELECT entity_id, payload->>'kind' AS kind FROM records WHERE entity = 'workflow_event'
       ORDER BY payload->>'at'`,
    );
    expect(events).toEqual([
      { entity_id: batch[submitAt]?.changeId, kind: 'SUBMIT' },
      { entity_id: batch[positionOf(batch, 'reopen')]?.changeId, kind: 'WITHDRAW' },
    ]);
    // Every answer, the site and the two history entries; every change applied but the four refused.
    expect(await contentCounts(ctx.db)).toEqual({
      changes: batch.length - 4,
      records: WORKSHEET.length + 3,
      validations: 1,
    });
  });

  it('answers a batch exactly as it answers the same changes pushed one request at a time', async () => {
    const dana = await enrol(ctx, DANA);
    const together = lifeOfOneValidation();
    const oneByOne = lifeOfOneValidation();
    const idsOf = (batch: Change[]) => ({
      [batch[1]?.entityId ?? '']: 'VALIDATION',
      [String(batch[1]?.payload.memberId)]: 'MEMBER',
      [batch[5]?.entityId ?? '']: 'SITE',
      [String(batch[positionOf(batch, 'submit')]?.payload.contentSha256)]: 'FINGERPRINT',
      [batch[positionOf(batch, 'submit')]?.changeId ?? '']: 'SUBMIT_EVENT',
      [batch[positionOf(batch, 'reopen')]?.changeId ?? '']: 'WITHDRAW_EVENT',
    });

    const batched = await push(ctx, dana.token, { changes: together });
    const singles: Row[] = [];
    for (const one of oneByOne) {
      const answer = await push(ctx, dana.token, { changes: [one] });
      singles.push(...answer.body.receipts);
    }

    const comparable = (receipts: Row[], batch: Change[]) =>
      anonymise(
        receipts.map(({ outcome, reason, current }) => ({ outcome, reason, current })),
        idsOf(batch),
      );
    expect(comparable(batched.body.receipts, together)).toEqual(comparable(singles, oneByOne));
    const validationOf = (batch: Change[]) => batch[1]?.entityId ?? '';
    expect(await heldFor(ctx, validationOf(together), idsOf(together))).toEqual(
      await heldFor(ctx, validationOf(oneByOne), idsOf(oneByOne)),
    );
  });

  it('applies a change id once when it appears twice in one batch, and refuses it reused for other content', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const answer = responseChange(v.id, '3.1', 1, 0, 'Badge list reviewed');
    const { body } = await push(ctx, dana.token, {
      changes: [createValidation(v), answer, answer, { ...answer, payload: { ...answer.payload, notes: 'other' } }],
    });

    expect(outcomesOf(body)).toEqual(['applied', 'applied', 'duplicate', 'conflict']);
    expect(body.receipts[2]?.receivedAt).toBe(body.receipts[1]?.receivedAt);
    expect(await contentCounts(ctx.db)).toEqual({ changes: 2, records: 1, validations: 1 });
    const [record] = await ctx.db.query<{ notes: string }>(`SELECT payload->>'notes' AS notes FROM records`);
    expect(record?.notes).toBe('Badge list reviewed');
  });

  it('two laptops of one SCSS pushing overlapping batches at once: every change applied once', async () => {
    const first = await enrol(ctx, DANA);
    const second = await enrol(ctx, DANA);
    expect(second.userId).toBe(first.userId);
    const v = makeValidation();
    const create = createValidation(v);
    const answers = WORKSHEET.slice(0, 90).map((criterionId) => responseChange(v.id, criterionId, 1, 0));
    // The second laptop started from a copy of the first: it holds the same create and a third of the same answers.
    const fromFirst = [create, ...answers.slice(0, 60)];
    const fromSecond = [create, ...answers.slice(30)];

    const [a, b] = await Promise.all([
      push(ctx, first.token, { changes: fromFirst }),
      push(ctx, second.token, { changes: fromSecond }),
    ]);

    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const outcomes = new Map<string, string[]>();
    for (const receipt of [...a.body.receipts, ...b.body.receipts]) {
      const id = String(receipt.changeId);
      outcomes.set(id, [...(outcomes.get(id) ?? []), String(receipt.outcome)].sort());
    }
    expect(outcomes.size).toBe(91);
    for (const [id, seen] of outcomes) {
      const sentTwice = id === create.changeId || answers.slice(30, 60).some((c) => c.changeId === id);
      expect(seen, id).toEqual(sentTwice ? ['applied', 'duplicate'] : ['applied']);
    }
    expect(await contentCounts(ctx.db)).toEqual({ changes: 91, records: 90, validations: 1 });
  });

  it('two laptops editing one answer at once from the same version: one is applied, the other is stale', async () => {
    const first = await enrol(ctx, DANA);
    const second = await enrol(ctx, DANA);
    const v = makeValidation();
    await push(ctx, first.token, { changes: [createValidation(v), responseChange(v.id, '4.1', 1, 0, 'v1')] });

    const [a, b] = await Promise.all([
      push(ctx, first.token, { changes: [responseChange(v.id, '4.1', 2, 1, 'from the first laptop')] }),
      push(ctx, second.token, { changes: [responseChange(v.id, '4.1', 2, 1, 'from the second laptop')] }),
    ]);

    const receipts = [a.body.receipts[0], b.body.receipts[0]];
    expect(receipts.map((r) => r?.outcome).sort()).toEqual(['applied', 'stale']);
    const winner = receipts[0]?.outcome === 'applied' ? 'from the first laptop' : 'from the second laptop';
    const stale = receipts.find((r) => r?.outcome === 'stale');
    expect(stale?.current).toEqual({ version: 2, payload: expect.objectContaining({ notes: winner }) });
    const [record] = await ctx.db.query<{ version: number; notes: string }>(
      `SELECT version, payload->>'notes' AS notes FROM records`,
    );
    expect(record).toEqual({ version: 2, notes: winner });
  });

  it('two SCSSs pushing large batches at once, each twice at the same time: everything once', async () => {
    const dana = await enrol(ctx, DANA);
    const lee = await enrol(ctx, LEE);
    const batchFor = () => {
      const v = makeValidation();
      return [
        createValidation(v),
        // Every criterion of the worksheet answered, then changed again and again, in one batch.
        ...Array.from({ length: 299 }, (_, i) => {
          const version = Math.floor(i / WORKSHEET.length) + 1;
          return responseChange(v.id, WORKSHEET[i % WORKSHEET.length] as string, version, version - 1);
        }),
      ];
    };
    const danas = batchFor();
    const lees = batchFor();

    const answers = await Promise.all([
      push(ctx, dana.token, { changes: danas }),
      push(ctx, lee.token, { changes: lees }),
      push(ctx, dana.token, { changes: danas }),
      push(ctx, lee.token, { changes: lees }),
    ]);

    for (const answer of answers) expect(answer.status).toBe(200);
    for (const [x, y] of [
      [answers[0], answers[2]],
      [answers[1], answers[3]],
    ]) {
      const pairs = (x?.body.receipts ?? []).map((r, i) => [r.outcome, y?.body.receipts[i]?.outcome].sort().join());
      expect(new Set(pairs)).toEqual(new Set(['applied,duplicate']));
    }
    expect(await contentCounts(ctx.db)).toEqual({ changes: 600, records: 2 * WORKSHEET.length, validations: 2 });
  });
});
