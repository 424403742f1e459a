import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../hq/identity';
import {
  BACKENDS,
  completed,
  contentCounts,
  createValidation,
  DANA,
  enrol,
  enrolUser,
  findingChange,
  type HqTestContext,
  issuedReportSha256,
  makeValidation,
  memberResponseChange,
  type PushReceipt,
  personOf,
  REVIEWER,
  reviewChange,
  SUPERVISOR,
  sendApplied,
  sendChanges,
  setResponseDaysAtHq,
  submitChange,
  useHqBackend,
  WORKFLOW_AT,
  workflowEventChange,
} from './helpers';

/** What HQ takes from a laptop about who signed and when: the enrolled person, and dates the record bears out. */

const SUBMITTED = WORKFLOW_AT.submitted;

const outcomeAndReason = (receipts: PushReceipt[]) => receipts.map((r) => [r.outcome, r.reason]);

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
    const worksheet = completed(v, [finding]);
    const submit = submitChange(v, worksheet, SUBMITTED);
    await sendApplied(ctx, dana, createValidation(v), ...worksheet, submit);
    expect(
      (await sendChanges(ctx, sam, reviewChange(v.id, findingId, { reviewedBy: REVIEWER.name })))[0]?.outcome,
    ).toBe('applied');
    return { dana, sam, pat, v, findingId, finding, submit };
  }

  it('records the enrolled SCSS as who submitted, whatever name the laptop sent', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const worksheet = completed(v);
    const submit = submitChange(v, worksheet, SUBMITTED);
    submit.payload = { ...submit.payload, submittedBy: 'Somebody Else Entirely', signedByName: 'D. Ruiz' };
    await sendApplied(ctx, dana, createValidation(v), ...worksheet, submit);
    // The typed signature stays as typed; who submitted is the person HQ enrolled on that laptop.
    expect(await payloadOf(ctx, v.id)).toMatchObject({ submittedBy: DANA.name, signedByName: 'D. Ruiz' });
  });

  it('stores each decision with the id of the reviewer who pushed it, so two reviewers of one name stay apart', async () => {
    const { v, findingId, sam } = await concurredValidation();
    // Another Sam Ortiz joins the same field office: a different person HQ enrolled under the same name.
    const otherSam = await enrolUser(ctx, (await createUser(ctx.db, REVIEWER)).id, 'The other Sam’s laptop');
    expect(otherSam.userId).not.toBe(sam.userId);
    const reviewerIdOf = async () =>
      (
        await ctx.db.query<{ payload: { reviewerId?: string } }>(
          `SELECT payload FROM records WHERE entity = 'finding_review' AND entity_id = $1`,
          [`${v.id}/${findingId}`],
        )
      ).at(0)?.payload.reviewerId;
    expect(await reviewerIdOf()).toBe(sam.userId);

    const secondLook = reviewChange(v.id, findingId, { reviewedBy: REVIEWER.name, version: 2, comment: 'Seen again.' });
    expect(outcomeAndReason(await sendChanges(ctx, otherSam, secondLook))).toEqual([['applied', undefined]]);
    expect(await reviewerIdOf()).toBe(otherSam.userId);

    // A laptop does not say who decided: HQ does, from the device that pushed it.
    const naming = reviewChange(v.id, findingId, { reviewedBy: REVIEWER.name, version: 3 });
    naming.payload = { ...naming.payload, reviewerId: sam.userId };
    expect(outcomeAndReason(await sendChanges(ctx, otherSam, naming))).toEqual([
      ['invalid', expect.stringContaining('reviewerId')],
    ]);
    expect(await reviewerIdOf()).toBe(otherSam.userId);
  });

  it('refuses an approval dated before the validation was submitted, and takes one dated the day before in UTC', async () => {
    const { pat, v } = await concurredValidation();
    const asPat = personOf(pat, SUPERVISOR);
    const before = await contentCounts(ctx.db);
    const backdated = workflowEventChange(v.id, 'APPROVE', asPat, {
      reportDate: '2019-03-01',
      at: '2019-03-01T15:00:00.000Z',
    });
    expect(outcomeAndReason(await sendChanges(ctx, pat, backdated))).toEqual([
      ['invalid', 'reportDate: 2019-03-01 is before the validation was submitted (2026-11-20)'],
    ]);
    expect(await contentCounts(ctx.db)).toEqual(before);
    expect(await payloadOf(ctx, v.id)).toMatchObject({ workflowState: 'SUBMITTED' });

    // West of UTC the supervisor's day can still be the 19th when the SCSS's submit is the 20th in UTC.
    const sameEvening = workflowEventChange(v.id, 'APPROVE', asPat, {
      reportDate: '2026-11-19',
      at: '2026-11-20T16:00:00.000Z',
    });
    expect(outcomeAndReason(await sendChanges(ctx, pat, sameEvening))).toEqual([['applied', undefined]]);
    expect(await payloadOf(ctx, v.id)).toMatchObject({ workflowState: 'APPROVED', reportDate: '2026-11-19' });
  });

  it('takes an approval’s response due date only as the report date plus a period HQ’s policy has given', async () => {
    const { pat, v, findingId, finding, submit } = await concurredValidation();
    const asPat = personOf(pat, SUPERVISOR);
    const approval = (responseDueDate: string) =>
      workflowEventChange(v.id, 'APPROVE', asPat, {
        reportDate: '2026-11-21',
        responseDueDate,
        at: '2026-11-21T15:00:00.000Z',
      });
    const before = await contentCounts(ctx.db);
    // 60 days, while HQ's policy has only ever given the default 90.
    expect(outcomeAndReason(await sendChanges(ctx, pat, approval('2027-01-20')))).toEqual([
      [
        'invalid',
        "responseDueDate: 2027-01-20 is 60 days after the report date; HQ's policy has given the Member 90 days",
      ],
    ]);
    expect(await contentCounts(ctx.db)).toEqual(before);

    // A supervisor sets 60 days; then back to 90. A laptop that approved before it synced either may send either.
    await setResponseDaysAtHq(ctx.app, pat.token, 0, 60);
    await setResponseDaysAtHq(ctx.app, pat.token, 1, 90);
    expect(outcomeAndReason(await sendChanges(ctx, pat, approval('2027-01-19')))).toEqual([
      [
        'invalid',
        "responseDueDate: 2027-01-19 is 59 days after the report date; HQ's policy has given the Member 60, 90 days",
      ],
    ]);
    expect(outcomeAndReason(await sendChanges(ctx, pat, approval('2027-01-20')))).toEqual([['applied', undefined]]);
    expect(await payloadOf(ctx, v.id)).toMatchObject({ reportDate: '2026-11-21', responseDueDate: '2027-01-20' });

    // Only an approval fixes it; the issued report's fingerprint asserts it.
    const contentSha256 = String(submit.payload.contentSha256);
    const decisions = [{ findingId, decision: 'CONCUR' }];
    const issued = (reportSha256: string, responseDueDate?: string) =>
      workflowEventChange(v.id, 'ISSUE_REPORT', asPat, {
        reportSha256,
        responseDueDate,
        at: '2026-11-21T16:00:00.000Z',
      });
    const withDue = issuedReportSha256(v.id, contentSha256, '2026-11-21', [finding], decisions, '2027-01-20');
    const withoutDue = issuedReportSha256(v.id, contentSha256, '2026-11-21', [finding], decisions);
    expect(outcomeAndReason(await sendChanges(ctx, pat, issued(withDue, '2027-01-20')))).toEqual([
      ['invalid', 'responseDueDate: only an approval fixes the response due date'],
    ]);
    expect((await sendChanges(ctx, pat, issued(withoutDue)))[0]?.outcome).toBe('conflict');
    expect(outcomeAndReason(await sendChanges(ctx, pat, issued(withDue)))).toEqual([['applied', undefined]]);
  });

  it('refuses a time more than a day after HQ’s clock in any change, naming the field, and takes a clock a little ahead', async () => {
    const { sam, pat, v, findingId } = await concurredValidation();
    const asPat = personOf(pat, SUPERVISOR);
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const before = await contentCounts(ctx.db);

    const future = inDays(3);
    const approvedLater = workflowEventChange(v.id, 'APPROVE', asPat, { reportDate: '2026-11-24', at: future });
    const reviewedLater = reviewChange(v.id, findingId, { reviewedBy: REVIEWER.name, version: 2, reviewedAt: future });
    const [approval] = await sendChanges(ctx, pat, approvedLater);
    const [review] = await sendChanges(ctx, sam, reviewedLater);
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
    expect((await sendChanges(ctx, pat, aLittleAhead)).map((r) => r.outcome)).toEqual(['applied']);
  });

  /** The validation approved and its report issued: it awaits the Member's responses. */
  async function issuedValidation() {
    const concurred = await concurredValidation();
    const { pat, v, findingId, finding, submit } = concurred;
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
    expect((await sendChanges(ctx, pat, approve, issue)).map((r) => r.outcome)).toEqual(['applied', 'applied']);
    return concurred;
  }

  it('refuses an assessment of a Member response that does not say who assessed it and when', async () => {
    const { dana, v, findingId } = await issuedValidation();
    const before = await contentCounts(ctx.db);

    const nobodyAccepted = memberResponseChange(v.id, findingId, { assessment: 'ACCEPTED', assessedBy: null });
    const undatedAcceptance = memberResponseChange(v.id, findingId, {
      assessment: 'ACCEPTED',
      assessedBy: personOf(dana, DANA),
      assessedAt: null,
    });
    const signedButNotAssessed = memberResponseChange(v.id, findingId, { assessedBy: personOf(dana, DANA) });
    expect(
      outcomeAndReason(await sendChanges(ctx, dana, nobodyAccepted, undatedAcceptance, signedButNotAssessed)),
    ).toEqual([
      ['invalid', 'assessedBy: an assessment must say who assessed it and when'],
      ['invalid', 'assessedAt: an assessment must say who assessed it and when'],
      ['invalid', expect.stringMatching(/^assessedBy: only an assessment has this/)],
    ]);
    // Nothing was stored, and the finding is still open: the validation awaits the Member.
    expect(await contentCounts(ctx.db)).toEqual(before);
    expect(await payloadOf(ctx, v.id)).toMatchObject({ workflowState: 'AWAITING_RESPONSE' });

    const signed = memberResponseChange(v.id, findingId, { assessment: 'ACCEPTED', assessedBy: personOf(dana, DANA) });
    expect((await sendChanges(ctx, dana, signed)).map((r) => r.outcome)).toEqual(['applied']);
  });

  it('refuses a Member response received after the day it was recorded, allowing the day ahead east of UTC', async () => {
    const { dana, v, findingId } = await issuedValidation();
    const before = await contentCounts(ctx.db);
    const recorded = '2026-12-01T15:00:00.000Z';
    const received = (receivedOn: string) => memberResponseChange(v.id, findingId, { receivedOn, updatedAt: recorded });
    expect(outcomeAndReason(await sendChanges(ctx, dana, received('2026-12-03')))).toEqual([
      ['invalid', 'receivedOn: a response cannot have been received after the day it was recorded (2026-12-01)'],
    ]);
    expect(await contentCounts(ctx.db)).toEqual(before);
    // A laptop in Guam reads 2 December while it is still 1 December in UTC.
    expect(outcomeAndReason(await sendChanges(ctx, dana, received('2026-12-02')))).toEqual([['applied', undefined]]);
  });

  it('refuses a Member response received before the report was issued, allowing the day behind west of UTC', async () => {
    const { dana, v, findingId } = await issuedValidation();
    const before = await contentCounts(ctx.db);
    // The report was issued at 09:00 UTC on 25 November (WORKFLOW_AT.issued).
    const received = (receivedOn: string) => memberResponseChange(v.id, findingId, { receivedOn });
    expect(outcomeAndReason(await sendChanges(ctx, dana, received('2026-11-23')))).toEqual([
      ['invalid', 'receivedOn: 2026-11-23 is before the report was issued (2026-11-25)'],
    ]);
    expect(await contentCounts(ctx.db)).toEqual(before);
    // In Honolulu it was still 24 November when the report went out.
    expect(outcomeAndReason(await sendChanges(ctx, dana, received('2026-11-24')))).toEqual([['applied', undefined]]);

    // A response HQ took before this rule, dated earlier, can still be assessed: its date is not new. A correction
    // to another early date is refused like any.
    const legacy = memberResponseChange(v.id, findingId, { receivedOn: '2026-12-01' });
    expect((await sendChanges(ctx, dana, legacy))[0]?.outcome).toBe('applied');
    await ctx.db.query(
      `UPDATE records SET payload = jsonb_set(payload, '{receivedOn}', '"2026-11-20"')
       WHERE entity = 'member_response' AND entity_id = $1`,
      [legacy.entityId],
    );
    const again = (receivedOn: string, version: number) =>
      memberResponseChange(v.id, findingId, {
        id: legacy.entityId,
        version,
        receivedOn,
        updatedAt: WORKFLOW_AT.closed,
      });
    expect(outcomeAndReason(await sendChanges(ctx, dana, again('2026-11-19', 2)))).toEqual([
      ['invalid', 'receivedOn: 2026-11-19 is before the report was issued (2026-11-25)'],
    ]);
    const assessed = memberResponseChange(v.id, findingId, {
      id: legacy.entityId,
      version: 2,
      receivedOn: '2026-11-20',
      assessment: 'ACCEPTED',
      assessedBy: personOf(dana, DANA),
      updatedAt: WORKFLOW_AT.closed,
    });
    expect(outcomeAndReason(await sendChanges(ctx, dana, assessed))).toEqual([['applied', undefined]]);
  });
});
