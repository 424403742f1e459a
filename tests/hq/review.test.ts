import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { messages as es } from '../../renderer/src/i18n/locales/es/messages';
import { englishText, type MessageRef, textIn } from '../../shared/messages';
import {
  BACKENDS,
  completed,
  createValidation,
  DANA,
  type Enrolled,
  enrol,
  findingChange,
  type HqTestContext,
  LEE,
  makeValidation,
  push,
  REVIEWER,
  REVIEWER_ELSEWHERE,
  reviewChange as reviewBy,
  submitChange,
  useHqBackend,
} from './helpers';

/** Sam's decision on a finding unless the options name another reviewer. */
const reviewChange = (
  validationId: string,
  findingId: string,
  opts: Omit<Parameters<typeof reviewBy>[2], 'reviewedBy'> & { reviewedBy?: string } = {},
) => reviewBy(validationId, findingId, { reviewedBy: REVIEWER.name, ...opts });

/** Dana's validation with one finding, its worksheet completed, pushed and (unless told otherwise) submitted. */
async function submittedWithFinding(ctx: HqTestContext, dana: Enrolled, submit = true) {
  const v = makeValidation();
  const findingId = randomUUID();
  const content = completed(v, [findingChange(v.id, findingId)]);
  const changes = [createValidation(v), ...content, ...(submit ? [submitChange(v, content)] : [])];
  const { body } = await push(ctx, dana.token, { changes });
  expect(body.receipts.every((r) => r.outcome === 'applied')).toBe(true);
  return { validationId: v.id, findingId };
}

const outcomeOf = async (ctx: HqTestContext, token: string, changes: unknown[]) =>
  (await push(ctx, token, { changes })).body.receipts.map((r) => [r.outcome, r.reason ?? null]);

describe.each(BACKENDS)('review fields of a submitted validation on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('a reviewer of the field office records a decision on a finding; the SCSS content stays as submitted', async () => {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const { validationId, findingId } = await submittedWithFinding(ctx, dana);
    const [before] = await ctx.db.query<{ payload: unknown; status: string }>(
      'SELECT payload, status FROM validations WHERE id = $1',
      [validationId],
    );

    const returned = reviewChange(validationId, findingId, {
      decision: 'RETURN_FOR_CORRECTION',
      comment: 'Attach the access-control policy the finding cites.',
    });
    expect(await outcomeOf(ctx, sam.token, [returned])).toEqual([['applied', null]]);
    const [held] = await ctx.db.query<{ version: number; decision: string; comment: string }>(
      `SELECT version, payload->>'decision' AS decision, payload->>'comment' AS comment FROM records
       WHERE entity = 'finding_review' AND entity_id = $1`,
      [`${validationId}/${findingId}`],
    );
    expect(held).toEqual({
      version: 1,
      decision: 'RETURN_FOR_CORRECTION',
      comment: 'Attach the access-control policy the finding cites.',
    });
    const [after] = await ctx.db.query<{ payload: unknown; status: string }>(
      'SELECT payload, status FROM validations WHERE id = $1',
      [validationId],
    );
    expect(after).toEqual(before);

    // The SCSS still cannot change the submitted content.
    const edit = findingChange(validationId, findingId);
    edit.payload.version = 2;
    edit.payload.baseVersion = 1;
    expect(await outcomeOf(ctx, dana.token, [edit])).toEqual([['conflict', 'submitted validations are immutable']]);
  });

  it('refuses a review from the SCSS, from another office, of a reopened validation or of an unknown finding', async () => {
    const dana = await enrol(ctx, DANA);
    const lee = await enrol(ctx, LEE);
    const sam = await enrol(ctx, REVIEWER);
    const kim = await enrol(ctx, REVIEWER_ELSEWHERE);
    const { validationId, findingId } = await submittedWithFinding(ctx, dana);
    const draft = await submittedWithFinding(ctx, lee, false);

    expect(await outcomeOf(ctx, dana.token, [reviewChange(validationId, findingId)])).toEqual([
      ['forbidden', 'Only a field office reviewer or supervisor can review findings'],
    ]);
    expect(await outcomeOf(ctx, kim.token, [reviewChange(validationId, findingId)])).toEqual([
      ['forbidden', 'This validation belongs to another field office'],
    ]);
    expect(await outcomeOf(ctx, sam.token, [reviewChange(draft.validationId, draft.findingId)])).toEqual([
      [
        'conflict',
        'Findings are reviewed only while the validation is submitted or in review; this one is in progress',
      ],
    ]);
    expect(await outcomeOf(ctx, sam.token, [reviewChange(validationId, randomUUID())])).toEqual([
      ['invalid', 'HQ holds no such finding on this validation'],
    ]);
    // A review of one validation's finding filed under another validation is not accepted either.
    expect(await outcomeOf(ctx, sam.token, [reviewChange(validationId, draft.findingId)])).toEqual([
      ['invalid', 'HQ holds no such finding on this validation'],
    ]);
    const [count] = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE entity = 'finding_review'`,
    );
    expect(count?.n).toBe(0);
  });

  it('sends each refusal’s reason by catalog key beside its English, so a laptop can say it in Spanish', async () => {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const { validationId, findingId } = await submittedWithFinding(ctx, dana);
    const draft = await submittedWithFinding(ctx, dana, false);
    const receiptsOf = async (token: string, changes: unknown[]) =>
      (await push(ctx, token, { changes })).body.receipts.map((r) => ({ reason: r.reason, told: r.told }));

    expect(await receiptsOf(dana.token, [reviewChange(validationId, findingId)])).toEqual([
      {
        reason: 'Only a field office reviewer or supervisor can review findings',
        told: { key: 'hqReason.reviewersOnly' },
      },
    ]);
    const [closed] = await receiptsOf(sam.token, [reviewChange(draft.validationId, draft.findingId)]);
    expect(closed).toEqual({
      reason: 'Findings are reviewed only while the validation is submitted or in review; this one is in progress',
      told: { key: 'hqReason.reviewNotOpen', params: { state: 'IN_PROGRESS' } },
    });
    // The key writes HQ's English exactly, and the Spanish catalog has it.
    expect(englishText(closed?.told as MessageRef)).toBe(closed?.reason);
    expect(textIn(es, 'es', closed?.told as MessageRef)).toMatch(/^Los hallazgos se revisan solo mientras/);
  });

  it('refuses a stale review with the version HQ holds, so two reviewers never overwrite each other silently', async () => {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const supervisor = await enrol(ctx, { name: 'Pat Gray', role: 'SUPERVISOR', fieldOffice: 'Houston' });
    const { validationId, findingId } = await submittedWithFinding(ctx, dana);
    const patReturns = {
      decision: 'RETURN_FOR_CORRECTION',
      comment: 'Redo 4.1 please.',
      reviewedBy: 'Pat Gray',
    } as const;

    expect(await outcomeOf(ctx, sam.token, [reviewChange(validationId, findingId)])).toEqual([['applied', null]]);
    const { body } = await push(ctx, supervisor.token, {
      changes: [reviewChange(validationId, findingId, patReturns)],
    });
    expect(body.receipts[0]).toMatchObject({
      outcome: 'stale',
      current: { version: 1, payload: { decision: 'CONCUR' } },
    });
    // Made on the version HQ holds, the supervisor's decision is taken.
    expect(
      await outcomeOf(ctx, supervisor.token, [reviewChange(validationId, findingId, { ...patReturns, version: 2 })]),
    ).toEqual([['applied', null]]);
  });

  it('refuses a review in someone else’s name, and a return or non-concurrence that does not say why', async () => {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const { validationId, findingId } = await submittedWithFinding(ctx, dana);
    const why = 'The policy cited covers another site.';

    expect(
      await outcomeOf(ctx, sam.token, [
        reviewChange(validationId, findingId, { reviewedBy: 'samortiz' }),
        reviewChange(validationId, findingId, { decision: 'RETURN_FOR_CORRECTION', comment: 'Redo.' }),
        reviewChange(validationId, findingId, { decision: 'NON_CONCUR', comment: why }),
        reviewChange(validationId, findingId, { decision: 'NON_CONCUR', proposedClassification: 'NO_FINDING' }),
        reviewChange(validationId, findingId, { proposedClassification: 'RECOMMENDATION' }),
      ]),
    ).toEqual([
      ['forbidden', 'The review names someone other than the enrolled person (Sam Ortiz, Field office reviewer)'],
      ['invalid', 'comment: say what the SCSS must correct or why you do not concur (at least 10 characters)'],
      ['invalid', 'proposedClassification: a non-concurrence proposes a classification'],
      ['invalid', 'comment: say what the SCSS must correct or why you do not concur (at least 10 characters)'],
      ['invalid', 'proposedClassification: only a non-concurrence proposes a classification'],
    ]);
    const nonConcur = reviewChange(validationId, findingId, {
      decision: 'NON_CONCUR',
      comment: why,
      proposedClassification: 'RECOMMENDATION',
    });
    expect(await outcomeOf(ctx, sam.token, [nonConcur])).toEqual([['applied', null]]);
    const [held] = await ctx.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM records WHERE entity = 'finding_review'`,
    );
    expect(held?.payload).toMatchObject({ decision: 'NON_CONCUR', proposedClassification: 'RECOMMENDATION' });
  });
});
