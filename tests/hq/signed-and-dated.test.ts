import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  contentCounts,
  createValidation,
  DANA,
  type Enrolled,
  enrol,
  findingChange,
  type HqTestContext,
  issuedReportSha256,
  makeValidation,
  memberResponseChange,
  personOf,
  push,
  REVIEWER,
  reviewChange,
  SUPERVISOR,
  submitChange,
  useHqBackend,
  workflowEventChange,
} from './helpers';

/** What HQ takes from a laptop about who signed and when: the enrolled person, and dates the record bears out. */

type Receipt = { outcome: string; reason?: string };
const SUBMITTED = '2026-11-20T15:00:00.000Z';

async function send(ctx: HqTestContext, who: Enrolled, ...changes: object[]): Promise<Receipt[]> {
  const { status, body } = await push(ctx, who.token, { changes });
  expect(status).toBe(200);
  return body.receipts as Receipt[];
}
const outcomeAndReason = (receipts: Receipt[]) => receipts.map((r) => [r.outcome, r.reason]);

async function payloadOf(ctx: HqTestContext, validationId: string): Promise<Record<string, unknown>> {
  const [row] = await ctx.db.query<{ payload: Record<string, unknown> }>(
    'SELECT payload FROM validations WHERE id = $1',
    [validationId],
  );
  return row?.payload ?? {};
}

describe.each(BACKENDS)('HQ names the enrolled signer and bounds the dates a laptop sets, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  /** A validation submitted with one Action Required finding the field office concurs with. */
  async function concurredValidation() {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const pat = await enrol(ctx, SUPERVISOR);
    const v = makeValidation();
    const findingId = randomUUID();
    const finding = findingChange(v.id, findingId, { criterionId: '4.1' });
    const submit = submitChange(v, [finding], SUBMITTED);
    expect((await send(ctx, dana, createValidation(v), finding, submit)).map((r) => r.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    expect((await send(ctx, sam, reviewChange(v.id, findingId, { reviewedBy: REVIEWER.name })))[0]?.outcome).toBe(
      'applied',
    );
    return { dana, sam, pat, v, findingId, finding, submit };
  }

  it('records the enrolled SCSS as who submitted, whatever name the laptop sent', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const submit = submitChange(v, [], SUBMITTED);
    submit.payload = { ...submit.payload, submittedBy: 'Somebody Else Entirely', signedByName: 'D. Ruiz' };
    expect((await send(ctx, dana, createValidation(v), submit)).map((r) => r.outcome)).toEqual(['applied', 'applied']);
    // The typed signature stays as typed; who submitted is the person HQ enrolled on that laptop.
    expect(await payloadOf(ctx, v.id)).toMatchObject({ submittedBy: DANA.name, signedByName: 'D. Ruiz' });
  });

  it('refuses an approval dated before the validation was submitted, and takes one dated the day before in UTC', async () => {
    const { pat, v } = await concurredValidation();
    const asPat = personOf(pat, SUPERVISOR);
    const before = await contentCounts(ctx.db);
    const backdated = workflowEventChange(v.id, 'APPROVE', asPat, {
      reportDate: '2019-03-01',
      at: '2019-03-01T15:00:00.000Z',
    });
    expect(outcomeAndReason(await send(ctx, pat, backdated))).toEqual([
      ['invalid', 'reportDate: 2019-03-01 is before the validation was submitted (2026-11-20)'],
    ]);
    expect(await contentCounts(ctx.db)).toEqual(before);
    expect(await payloadOf(ctx, v.id)).toMatchObject({ workflowState: 'SUBMITTED' });

    // West of UTC the supervisor's day can still be the 19th when the SCSS's submit is the 20th in UTC.
    const sameEvening = workflowEventChange(v.id, 'APPROVE', asPat, {
      reportDate: '2026-11-19',
      at: '2026-11-20T16:00:00.000Z',
    });
    expect(outcomeAndReason(await send(ctx, pat, sameEvening))).toEqual([['applied', undefined]]);
    expect(await payloadOf(ctx, v.id)).toMatchObject({ workflowState: 'APPROVED', reportDate: '2026-11-19' });
  });

  it('refuses a time more than a day after HQ’s clock in any change, naming the field, and takes a clock a little ahead', async () => {
    const { sam, pat, v, findingId } = await concurredValidation();
    const asPat = personOf(pat, SUPERVISOR);
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const before = await contentCounts(ctx.db);

    const future = inDays(3);
    const approvedLater = workflowEventChange(v.id, 'APPROVE', asPat, { reportDate: '2026-11-24', at: future });
    const reviewedLater = reviewChange(v.id, findingId, { reviewedBy: REVIEWER.name, version: 2, reviewedAt: future });
    const [approval] = await send(ctx, pat, approvedLater);
    const [review] = await send(ctx, sam, reviewedLater);
    expect([approval, review]).toEqual([
      expect.objectContaining({
        outcome: 'invalid',
        reason: expect.stringMatching(`^at: ${future} is more than a day after HQ's clock`),
      }),
      expect.objectContaining({
        outcome: 'invalid',
        reason: expect.stringMatching(`^reviewedAt: ${future} is more than a day after HQ's clock`),
      }),
    ]);
    expect(approval?.reason).toMatch(/Check the date and time on this computer, then send it again$/);
    expect(await contentCounts(ctx.db)).toEqual(before);
    expect(await payloadOf(ctx, v.id)).toMatchObject({ workflowState: 'SUBMITTED' });

    // A laptop clock an hour fast is a laptop clock, not a forgery.
    const aLittleAhead = workflowEventChange(v.id, 'APPROVE', asPat, { reportDate: '2026-11-24', at: inDays(1 / 24) });
    expect((await send(ctx, pat, aLittleAhead)).map((r) => r.outcome)).toEqual(['applied']);
  });

  it('refuses an assessment of a Member response that does not say who assessed it and when', async () => {
    const { dana, pat, v, findingId, finding, submit } = await concurredValidation();
    const asPat = personOf(pat, SUPERVISOR);
    const issue = workflowEventChange(v.id, 'ISSUE_REPORT', asPat, {
      reportSha256: issuedReportSha256(
        v.id,
        String(submit.payload.contentSha256),
        '2026-11-24',
        [finding],
        [{ findingId, decision: 'CONCUR' }],
      ),
      at: '2026-11-25T09:00:00.000Z',
    });
    const approve = workflowEventChange(v.id, 'APPROVE', asPat, {
      reportDate: '2026-11-24',
      at: '2026-11-24T09:00:00.000Z',
    });
    expect((await send(ctx, pat, approve, issue)).map((r) => r.outcome)).toEqual(['applied', 'applied']);
    const before = await contentCounts(ctx.db);

    const nobodyAccepted = memberResponseChange(v.id, findingId, { assessment: 'ACCEPTED', assessedBy: null });
    const undatedAcceptance = memberResponseChange(v.id, findingId, {
      assessment: 'ACCEPTED',
      assessedBy: personOf(dana, DANA),
      assessedAt: null,
    });
    const signedButNotAssessed = memberResponseChange(v.id, findingId, { assessedBy: personOf(dana, DANA) });
    expect(outcomeAndReason(await send(ctx, dana, nobodyAccepted, undatedAcceptance, signedButNotAssessed))).toEqual([
      ['invalid', 'assessedBy: an assessment must say who assessed it and when'],
      ['invalid', 'assessedAt: an assessment must say who assessed it and when'],
      ['invalid', expect.stringMatching(/^assessedBy: only an assessment has this/)],
    ]);
    // Nothing was stored, and the finding is still open: the validation awaits the Member.
    expect(await contentCounts(ctx.db)).toEqual(before);
    expect(await payloadOf(ctx, v.id)).toMatchObject({ workflowState: 'AWAITING_RESPONSE' });

    const signed = memberResponseChange(v.id, findingId, { assessment: 'ACCEPTED', assessedBy: personOf(dana, DANA) });
    expect((await send(ctx, dana, signed)).map((r) => r.outcome)).toEqual(['applied']);
  });
});
