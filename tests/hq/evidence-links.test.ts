import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/protocol';
import {
  BACKENDS,
  change,
  contentCounts,
  createValidation,
  DANA,
  enrol,
  evidenceChange,
  findingChange,
  LEE,
  makeValidation,
  push,
  useHqBackend,
} from './helpers';

/** An evidence record filed under a finding, as the laptop files it: with the finding's criterion. */
function evidenceUnder(validationId: string, findingId: string, criterionId = '4.1'): Change {
  const base = evidenceChange(validationId, 'b'.repeat(64));
  return { ...base, payload: { ...base.payload, findingId, criterionId } };
}

const NO_SUCH_FINDING = {
  outcome: 'invalid',
  reason: 'findingId: HQ holds no such finding on this validation',
  told: { key: 'hqReason.field', params: { field: 'findingId', problem: [{ key: 'hqReason.noSuchFinding' }] } },
};

describe.each(BACKENDS)('evidence filed under a finding, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('refuses evidence naming a finding of another validation, or one HQ lacks, naming the field and storing nothing', async () => {
    const dana = await enrol(ctx, DANA);
    const lee = await enrol(ctx, LEE);
    const [own, other, lees] = [makeValidation(), makeValidation(), makeValidation()];
    const [ownFinding, otherFinding, leesFinding] = [randomUUID(), randomUUID(), randomUUID()];
    const setUp = await push(ctx, dana.token, {
      changes: [
        createValidation(own),
        findingChange(own.id, ownFinding),
        createValidation(other),
        findingChange(other.id, otherFinding),
      ],
    });
    expect(setUp.body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const leesSetUp = await push(ctx, lee.token, {
      changes: [createValidation(lees), findingChange(lees.id, leesFinding)],
    });
    expect(leesSetUp.body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    const before = await contentCounts(ctx.db);

    // Her other validation's finding, another SCSS's finding, and one HQ never saw: one answer for all three.
    const pushed = await push(ctx, dana.token, {
      changes: [
        evidenceUnder(own.id, otherFinding),
        evidenceUnder(own.id, leesFinding),
        evidenceUnder(own.id, randomUUID()),
      ],
    });

    expect(pushed.status).toBe(200);
    expect(pushed.body.receipts).toEqual([0, 1, 2].map(() => expect.objectContaining(NO_SUCH_FINDING)));
    expect(await contentCounts(ctx.db)).toEqual(before);
  });

  it('takes evidence under a finding of its own validation, whether HQ holds the finding or it came earlier in the batch', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const [finding, later] = [randomUUID(), randomUUID()];

    const together = await push(ctx, dana.token, {
      changes: [createValidation(v), findingChange(v.id, finding), evidenceUnder(v.id, finding)],
    });
    expect(together.body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);

    // A finding held from an earlier push; then one created and removed in one batch before its evidence.
    const afterwards = await push(ctx, dana.token, {
      changes: [
        evidenceUnder(v.id, finding),
        findingChange(v.id, later, { criterionId: '9.6' }),
        change('finding', later, 'delete', { id: later, validationId: v.id, criterionId: '9.6' }),
        evidenceUnder(v.id, later, '9.6'),
      ],
    });
    expect(afterwards.body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied', 'invalid']);
    expect(afterwards.body.receipts[3]).toEqual(expect.objectContaining(NO_SUCH_FINDING));
    const held = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE entity = 'evidence' AND payload->>'findingId' = $1`,
      [finding],
    );
    expect(held[0]?.n).toBe(2);
  });

  it("refuses evidence under a finding that names another criterion than the finding's, held or in the batch", async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const [held, fresh] = [randomUUID(), randomUUID()];
    const setUp = await push(ctx, dana.token, { changes: [createValidation(v), findingChange(v.id, held)] });
    expect(setUp.body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied']);

    const pushed = await push(ctx, dana.token, {
      changes: [
        evidenceUnder(v.id, held, '9.6'),
        findingChange(v.id, fresh, { criterionId: '7.2' }),
        evidenceUnder(v.id, fresh, '9.6'),
        // The laptop files a finding's evidence under its criterion; one naming no criterion names no other.
        evidenceUnder(v.id, fresh, '7.2'),
      ],
    });

    const wrongCriterion = (findingCriterion: string) =>
      expect.objectContaining({
        outcome: 'invalid',
        reason: `criterionId: That finding belongs to criterion ${findingCriterion}, not 9.6.`,
        told: {
          key: 'hqReason.field',
          params: {
            field: 'criterionId',
            problem: [{ key: 'errors.evidence.findingElsewhere', params: { findingCriterion, criterionId: '9.6' } }],
          },
        },
      });
    expect(pushed.body.receipts).toEqual([
      wrongCriterion('4.1'),
      expect.objectContaining({ outcome: 'applied' }),
      wrongCriterion('7.2'),
      expect.objectContaining({ outcome: 'applied' }),
    ]);
  });
});
