import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../../shared/domain/lifecycle';
import type { PullResponse } from '../../shared/sync/pull-protocol';
import {
  ANALYST,
  answersCompleting,
  BACKENDS,
  completed,
  createValidation,
  DANA,
  type Enrolled,
  enrol,
  findingChange,
  type HqTestContext,
  issuedReportSha256,
  LEE,
  makeValidation,
  memberResponseChange,
  type PushReceipt,
  personOf,
  REVIEWER,
  REVIEWER_ELSEWHERE,
  reopenChange,
  reportShaAtHq,
  reviewChange,
  SUPERVISOR,
  sendChanges,
  submitChange,
  WORKFLOW_AT as T,
  useHqBackend,
  workflowEventChange,
} from './helpers';

/** A validation's whole life at HQ: submitted, reviewed, returned, corrected, approved, issued, answered, closed. */

const outcomes = (receipts: PushReceipt[]) => receipts.map((r) => r.outcome);

async function stateOf(ctx: HqTestContext, validationId: string) {
  const [row] = await ctx.db.query<{ status: string; workflow_state: string; version: number }>(
    'SELECT status, workflow_state, version FROM validations WHERE id = $1',
    [validationId],
  );
  return row;
}

async function pull(ctx: HqTestContext, who: Enrolled): Promise<PullResponse> {
  const response = await ctx.app.inject({
    method: 'GET',
    url: '/v1/pull?limit=200',
    headers: { authorization: `Bearer ${who.token}` },
  });
  expect(response.statusCode).toBe(200);
  return response.json() as PullResponse;
}

async function history(ctx: HqTestContext, who: Enrolled | null, validationId: string) {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/v1/validations/${validationId}/history`,
    headers: who ? { authorization: `Bearer ${who.token}` } : {},
  });
  return {
    status: response.statusCode,
    body: response.json() as { validationId: string; workflowState: string; events: WorkflowEvent[] },
  };
}

describe.each(BACKENDS)('a validation’s life at HQ, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('goes submitted → in review → returned → resubmitted → approved → report issued → answered → closed', async () => {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const pat = await enrol(ctx, SUPERVISOR);
    const lee = await enrol(ctx, LEE);
    const kim = await enrol(ctx, REVIEWER_ELSEWHERE);
    const ari = await enrol(ctx, ANALYST);
    const asDana = personOf(dana, DANA);
    const asSam = personOf(sam, REVIEWER);
    const asPat = personOf(pat, SUPERVISOR);

    // Dana submits a validation with two Action Required findings and a Recommendation.
    const v = makeValidation();
    const [f1, f2, f3] = [randomUUID(), randomUUID(), randomUUID()];
    const finding1 = findingChange(v.id, f1, { criterionId: '4.1' });
    const finding2 = findingChange(v.id, f2, { criterionId: '5.2' });
    const finding3 = findingChange(v.id, f3, { criterionId: '6.1', classification: 'RECOMMENDATION' });
    const answers = answersCompleting(v, [finding1, finding2, finding3]);
    const firstSubmit = submitChange(v, [finding1, finding2, finding3, ...answers], T.submitted);
    expect(
      outcomes(
        await sendChanges(ctx, dana, createValidation(v), finding1, finding2, finding3, ...answers, firstSubmit),
      ),
    ).toEqual(Array(answers.length + 5).fill('applied'));
    expect(await stateOf(ctx, v.id)).toMatchObject({ status: 'SUBMITTED', workflow_state: 'SUBMITTED' });

    // Out of order: refused as conflicts that carry HQ's state, so the laptop learns where the validation is.
    const early = await sendChanges(
      ctx,
      pat,
      workflowEventChange(v.id, 'ISSUE_REPORT', asPat, { reportSha256: String(firstSubmit.payload.contentSha256) }),
    );
    expect(early[0]).toMatchObject({
      outcome: 'conflict',
      reason: 'Report issued is not possible while the validation is submitted',
      current: { id: v.id, workflowState: 'SUBMITTED' },
    });
    expect((await sendChanges(ctx, dana, workflowEventChange(v.id, 'CLOSE', asDana)))[0]).toMatchObject({
      outcome: 'conflict',
      current: { workflowState: 'SUBMITTED' },
    });

    // Sam starts the review; starting it twice is out of order.
    const start = workflowEventChange(v.id, 'START_REVIEW', asSam, { at: T.reviewStarted });
    expect(outcomes(await sendChanges(ctx, sam, start))).toEqual(['applied']);
    expect((await sendChanges(ctx, sam, workflowEventChange(v.id, 'START_REVIEW', asSam)))[0]).toMatchObject({
      outcome: 'conflict',
      current: { workflowState: 'IN_REVIEW' },
    });

    // Sam returns the two Action Required findings and concurs with the Recommendation.
    const why = (n: string) => `Finding ${n}: attach the policy the finding cites.`;
    expect(
      outcomes(
        await sendChanges(
          ctx,
          sam,
          reviewChange(v.id, f1, { reviewedBy: REVIEWER.name, decision: 'RETURN_FOR_CORRECTION', comment: why('4.1') }),
          reviewChange(v.id, f2, { reviewedBy: REVIEWER.name, decision: 'RETURN_FOR_CORRECTION', comment: why('5.2') }),
          reviewChange(v.id, f3, { reviewedBy: REVIEWER.name }),
        ),
      ),
    ).toEqual(['applied', 'applied', 'applied']);
    // Pat's decision made on no version, after Sam's: stale, with the version HQ holds.
    const stale = await sendChanges(ctx, pat, reviewChange(v.id, f1, { reviewedBy: SUPERVISOR.name }));
    expect(stale[0]).toMatchObject({
      outcome: 'stale',
      current: { version: 1, payload: { decision: 'RETURN_FOR_CORRECTION', reviewedBy: 'Sam Ortiz' } },
    });

    // A return must say what to correct.
    const terse = await sendChanges(ctx, sam, workflowEventChange(v.id, 'RETURN', asSam, { comment: 'Fix it.' }));
    expect(terse[0]).toMatchObject({ outcome: 'conflict', reason: expect.stringMatching(/at least 10 characters/) });
    const returnComment = 'Findings 4.1 and 5.2 need the policy documents attached.';
    const returned = workflowEventChange(v.id, 'RETURN', asSam, { comment: returnComment, at: T.returned });
    expect(outcomes(await sendChanges(ctx, sam, returned))).toEqual(['applied']);
    expect(await stateOf(ctx, v.id)).toMatchObject({ status: 'IN_PROGRESS', workflow_state: 'RETURNED' });
    // Returned: the review is closed until Dana resubmits.
    const lateReview = await sendChanges(ctx, sam, reviewChange(v.id, f3, { reviewedBy: REVIEWER.name, version: 2 }));
    expect(lateReview[0]).toMatchObject({ outcome: 'conflict', current: { workflowState: 'RETURNED' } });

    // Dana's laptop pulls her returned validation, with what to correct and the history so far.
    const mine = (await pull(ctx, dana)).validations.find((p) => p.id === v.id);
    expect(mine).toMatchObject({
      status: 'IN_PROGRESS',
      workflowState: 'RETURNED',
      payload: { workflowState: 'RETURNED', returnComment, returnedAt: T.returned },
    });
    expect(
      mine?.records
        .filter((r) => r.entity === 'workflow_event')
        .map((r) => r.payload.kind as string)
        .sort(),
    ).toEqual(['RETURN', 'START_REVIEW', 'SUBMIT']);
    expect(mine?.records.filter((r) => r.entity === 'finding_review')).toHaveLength(3);

    // Dana corrects finding 4.1 and resubmits over what HQ now holds.
    const corrected = findingChange(v.id, f1, {
      criterionId: '4.1',
      version: 2,
      description: 'Unique logins are not enforced on the warehouse terminals; policy WH-7 attached.',
    });
    const resubmit = submitChange(v, [...answers, corrected, finding2, finding3], T.resubmitted);
    expect(outcomes(await sendChanges(ctx, dana, corrected, resubmit))).toEqual(['applied', 'applied']);
    expect(await stateOf(ctx, v.id)).toMatchObject({ status: 'SUBMITTED', workflow_state: 'SUBMITTED' });
    const sha256 = String(resubmit.payload.contentSha256);

    // The second review concurs with 4.1 first; approval waits for every finding.
    expect(
      outcomes(
        await sendChanges(
          ctx,
          sam,
          workflowEventChange(v.id, 'START_REVIEW', asSam, { at: T.reviewRestarted }),
          reviewChange(v.id, f1, { reviewedBy: REVIEWER.name, version: 2, findingVersion: 2 }),
        ),
      ),
    ).toEqual(['applied', 'applied']);
    const approve = (by = asPat, reportDate = '2026-11-24') =>
      workflowEventChange(v.id, 'APPROVE', by, { reportDate, at: T.approved });
    expect((await sendChanges(ctx, dana, approve(asDana)))[0]).toMatchObject({
      outcome: 'forbidden',
      reason: 'Only a supervisor of the field office can do this',
    });
    expect((await sendChanges(ctx, pat, approve()))[0]).toMatchObject({
      outcome: 'conflict',
      reason: '1 finding has no concurring review decision yet; every finding needs one before approval',
      current: { workflowState: 'IN_REVIEW' },
    });
    expect(
      outcomes(await sendChanges(ctx, sam, reviewChange(v.id, f2, { reviewedBy: REVIEWER.name, version: 2 }))),
    ).toEqual(['applied']);
    // Signed by the enrolled supervisor, with a report date no later than the approval.
    expect(await sendChanges(ctx, pat, approve(asSam), approve(asPat, '2026-11-25'))).toEqual([
      expect.objectContaining({
        outcome: 'forbidden',
        reason: 'The event names someone other than the enrolled person (Pat Lane, Supervisor)',
      }),
      expect.objectContaining({
        outcome: 'invalid',
        reason: expect.stringMatching(/^reportDate: 2026-11-25 is after/),
      }),
    ]);
    expect(outcomes(await sendChanges(ctx, pat, approve()))).toEqual(['applied']);
    expect(await stateOf(ctx, v.id)).toMatchObject({ status: 'SUBMITTED', workflow_state: 'APPROVED' });

    // Approved: Dana can neither change nor withdraw it.
    const afterApproval = await sendChanges(
      ctx,
      dana,
      findingChange(v.id, f2, { criterionId: '5.2', version: 2 }),
      reopenChange(v.id, '2026-11-24T12:00:00.000Z'),
    );
    expect(afterApproval).toEqual([
      expect.objectContaining({
        outcome: 'conflict',
        reason: 'submitted validations are immutable: this one is approved',
      }),
      expect.objectContaining({ outcome: 'conflict', current: expect.objectContaining({ workflowState: 'APPROVED' }) }),
    ]);

    // The report issued asserts what HQ holds: the signed validation, its report date, findings and decisions.
    const issue = (reportSha256: string) =>
      workflowEventChange(v.id, 'ISSUE_REPORT', asPat, { reportSha256, at: T.issued });
    expect((await sendChanges(ctx, pat, issue('f'.repeat(64))))[0]).toMatchObject({ outcome: 'conflict' });
    // The validation's own fingerprint is not the report's: a report says more than the content it was made from.
    expect((await sendChanges(ctx, pat, issue(sha256)))[0]).toMatchObject({
      outcome: 'conflict',
      reason: expect.stringMatching(/does not match the validation, findings, decisions and report date HQ holds/),
    });
    const reportSha256 = await reportShaAtHq(ctx, v.id);
    expect(reportSha256).not.toBe(sha256);
    expect(outcomes(await sendChanges(ctx, pat, issue(reportSha256)))).toEqual(['applied']);
    expect(await stateOf(ctx, v.id)).toMatchObject({ workflow_state: 'AWAITING_RESPONSE' });

    // The Member answers 4.1 and Dana does not accept it; a reviewer cannot record responses.
    const firstAnswer = memberResponseChange(v.id, f1, {
      receivedOn: '2026-11-27',
      assessment: 'NOT_ACCEPTED',
      assessedBy: asDana,
    });
    expect(outcomes(await sendChanges(ctx, dana, firstAnswer))).toEqual(['applied']);
    expect((await sendChanges(ctx, sam, memberResponseChange(v.id, f2)))[0]).toMatchObject({ outcome: 'forbidden' });
    expect(
      (await sendChanges(ctx, dana, memberResponseChange(v.id, f2, { assessment: 'ACCEPTED', assessedBy: asSam })))[0],
    ).toMatchObject({
      outcome: 'forbidden',
      reason:
        'The assessment names someone other than the enrolled person (Dana Ruiz, Supply Chain Security Specialist)',
    });
    const staleAnswer = memberResponseChange(v.id, f1, {
      id: String(firstAnswer.payload.id),
      version: 2,
      baseVersion: 0,
    });
    expect((await sendChanges(ctx, dana, staleAnswer))[0]).toMatchObject({ outcome: 'stale', current: { version: 1 } });

    const close = () => workflowEventChange(v.id, 'CLOSE', asDana, { at: T.closed });
    expect((await sendChanges(ctx, dana, close()))[0]).toMatchObject({
      outcome: 'conflict',
      reason: '2 Action Required findings are not resolved (no accepted Member response yet)',
    });
    // A second answer to 4.1 is accepted; 5.2 still waits.
    const accept = (findingId: string) =>
      memberResponseChange(v.id, findingId, { receivedOn: '2026-11-28', assessment: 'ACCEPTED', assessedBy: asDana });
    expect(outcomes(await sendChanges(ctx, dana, accept(f1)))).toEqual(['applied']);
    expect((await sendChanges(ctx, dana, close()))[0]).toMatchObject({
      outcome: 'conflict',
      reason: '1 Action Required finding is not resolved (no accepted Member response yet)',
    });
    expect(outcomes(await sendChanges(ctx, dana, accept(f2), close()))).toEqual(['applied', 'applied']);
    expect(await stateOf(ctx, v.id)).toMatchObject({ status: 'SUBMITTED', workflow_state: 'CLOSED' });

    // The history names who took each step, in what role, and when.
    const { status, body } = await history(ctx, dana, v.id);
    expect(status).toBe(200);
    expect(body.validationId).toBe(v.id);
    expect(body.workflowState).toBe('CLOSED');
    expect(body.events.map((e) => [e.kind, e.actor.name, e.actor.role, e.at])).toEqual([
      ['SUBMIT', 'Dana Ruiz', 'SCSS', T.submitted],
      ['START_REVIEW', 'Sam Ortiz', 'FIELD_OFFICE_REVIEWER', T.reviewStarted],
      ['RETURN', 'Sam Ortiz', 'FIELD_OFFICE_REVIEWER', T.returned],
      ['SUBMIT', 'Dana Ruiz', 'SCSS', T.resubmitted],
      ['START_REVIEW', 'Sam Ortiz', 'FIELD_OFFICE_REVIEWER', T.reviewRestarted],
      ['APPROVE', 'Pat Lane', 'SUPERVISOR', T.approved],
      ['ISSUE_REPORT', 'Pat Lane', 'SUPERVISOR', T.issued],
      ['CLOSE', 'Dana Ruiz', 'SCSS', T.closed],
    ]);
    expect(body.events.every((e) => e.validationId === v.id)).toBe(true);
    expect(body.events.map((e) => e.actor.userId)).toEqual([
      dana.userId,
      sam.userId,
      sam.userId,
      dana.userId,
      sam.userId,
      pat.userId,
      pat.userId,
      dana.userId,
    ]);
    expect(body.events[0]?.id).toBe(firstSubmit.changeId);
    expect(body.events[2]?.comment).toBe(returnComment);
    expect(body.events[5]?.reportDate).toBe('2026-11-24');
    expect(body.events[6]?.reportSha256).toBe(reportSha256);

    // The validation's payload carries what the steps fixed.
    const [held] = await ctx.db.query<{ payload: Record<string, unknown> }>(
      'SELECT payload FROM validations WHERE id = $1',
      [v.id],
    );
    expect(held?.payload).toMatchObject({
      workflowState: 'CLOSED',
      reportDate: '2026-11-24',
      reportIssuedAt: T.issued,
      reportSha256,
      closedAt: T.closed,
      contentSha256: sha256,
    });

    // The history is the field office's, HQ's and the SCSS's to read; not another office's nor another SCSS's.
    for (const who of [sam, pat, ari]) expect((await history(ctx, who, v.id)).status).toBe(200);
    for (const who of [lee, kim]) expect((await history(ctx, who, v.id)).status).toBe(403);
    expect((await history(ctx, dana, randomUUID())).status).toBe(404);
    expect((await history(ctx, dana, 'not-a-uuid')).status).toBe(400);
    expect((await history(ctx, null, v.id)).status).toBe(401);
  });

  it('takes a Member response to a Recommendation, and closes without waiting for its assessment', async () => {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const pat = await enrol(ctx, SUPERVISOR);
    const asDana = personOf(dana, DANA);
    const asPat = personOf(pat, SUPERVISOR);
    const v = makeValidation();
    const [ar, rec] = [randomUUID(), randomUUID()];
    const findings = [
      findingChange(v.id, ar, { criterionId: '4.1' }),
      findingChange(v.id, rec, { criterionId: '6.1', classification: 'RECOMMENDATION' }),
    ];
    const full = completed(v, findings);
    const submit = submitChange(v, full, T.submitted);
    await sendChanges(ctx, dana, createValidation(v), ...full, submit);
    await sendChanges(ctx, sam, ...[ar, rec].map((f) => reviewChange(v.id, f, { reviewedBy: REVIEWER.name })));
    const issue = workflowEventChange(v.id, 'ISSUE_REPORT', asPat, {
      reportSha256: issuedReportSha256(
        v.id,
        String(submit.payload.contentSha256),
        '2026-11-24',
        findings,
        [ar, rec].map((findingId) => ({ findingId, decision: 'CONCUR' })),
      ),
      at: T.issued,
    });
    const approve = workflowEventChange(v.id, 'APPROVE', asPat, { reportDate: '2026-11-24', at: T.approved });
    expect(outcomes(await sendChanges(ctx, pat, approve, issue))).toEqual(['applied', 'applied']);
    expect(await stateOf(ctx, v.id)).toMatchObject({ workflow_state: 'AWAITING_RESPONSE' });

    // The Member answers the Recommendation; Dana records it and later finds it not enough.
    const recAnswer = memberResponseChange(v.id, rec, { receivedOn: '2026-11-26' });
    expect(outcomes(await sendChanges(ctx, dana, recAnswer))).toEqual(['applied']);
    const recAssessed = memberResponseChange(v.id, rec, {
      id: String(recAnswer.payload.id),
      version: 2,
      receivedOn: '2026-11-26',
      assessment: 'NOT_ACCEPTED',
      assessedBy: asDana,
    });
    expect(outcomes(await sendChanges(ctx, dana, recAssessed))).toEqual(['applied']);
    // A second answer, not assessed yet, is still open when the validation closes.
    expect(
      outcomes(await sendChanges(ctx, dana, memberResponseChange(v.id, rec, { receivedOn: '2026-11-28' }))),
    ).toEqual(['applied']);
    const close = workflowEventChange(v.id, 'CLOSE', asDana, { at: T.closed });
    expect((await sendChanges(ctx, dana, close))[0]).toMatchObject({
      outcome: 'conflict',
      reason: '1 Action Required finding is not resolved (no accepted Member response yet)',
    });
    const accepted = memberResponseChange(v.id, ar, {
      receivedOn: '2026-11-28',
      assessment: 'ACCEPTED',
      assessedBy: asDana,
    });
    expect(outcomes(await sendChanges(ctx, dana, accepted, close))).toEqual(['applied', 'applied']);
    expect(await stateOf(ctx, v.id)).toMatchObject({ workflow_state: 'CLOSED' });

    // Dana's laptop pulls the Recommendation's responses with the rest.
    const mine = (await pull(ctx, dana)).validations.find((p) => p.id === v.id);
    expect(
      mine?.records
        .filter((r) => r.entity === 'member_response' && r.payload.findingId === rec)
        .map((r) => r.payload.assessment),
    ).toEqual(expect.arrayContaining(['NOT_ACCEPTED', null]));
  });

  it('sends the reviewer a validation its SCSS withdrew from review, with the withdrawal in its history', async () => {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const v = makeValidation();
    const full = completed(v, [findingChange(v.id, randomUUID())]);
    await sendChanges(ctx, dana, createValidation(v), ...full, submitChange(v, full));
    expect(
      outcomes(
        await sendChanges(
          ctx,
          sam,
          workflowEventChange(v.id, 'START_REVIEW', personOf(sam, REVIEWER), { at: T.reviewStarted }),
        ),
      ),
    ).toEqual(['applied']);
    const { cursor } = await pull(ctx, sam);

    const withdraw = reopenChange(v.id, '2026-11-22T08:00:00.000Z');
    expect(outcomes(await sendChanges(ctx, dana, withdraw))).toEqual(['applied']);
    expect(await stateOf(ctx, v.id)).toMatchObject({ status: 'IN_PROGRESS', workflow_state: 'IN_PROGRESS' });
    // Withdrawn twice: out of order.
    expect((await sendChanges(ctx, dana, reopenChange(v.id)))[0]).toMatchObject({
      outcome: 'conflict',
      current: { workflowState: 'IN_PROGRESS' },
    });

    const response = await ctx.app.inject({
      method: 'GET',
      url: `/v1/pull?cursor=${cursor}`,
      headers: { authorization: `Bearer ${sam.token}` },
    });
    const pulled = (response.json() as PullResponse).validations;
    expect(pulled.map((p) => [p.id, p.status, p.workflowState])).toEqual([[v.id, 'IN_PROGRESS', 'IN_PROGRESS']]);
    const withdrawal = pulled[0]?.records.find((r) => r.entity === 'workflow_event' && r.payload.kind === 'WITHDRAW');
    expect(withdrawal?.payload).toMatchObject({
      id: withdraw.changeId,
      comment: 'Member sent new documents',
      at: '2026-11-22T08:00:00.000Z',
      actor: { userId: dana.userId, name: 'Dana Ruiz', role: 'SCSS' },
    });
    expect((await history(ctx, sam, v.id)).body.events.map((e) => e.kind)).toEqual([
      'SUBMIT',
      'START_REVIEW',
      'WITHDRAW',
    ]);
  });

  it('takes a submit or withdrawal only as the validation’s own change, and never lets one person approve their own work', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const full = completed(v);
    await sendChanges(ctx, dana, createValidation(v), ...full, submitChange(v, full));
    const asDana = personOf(dana, DANA);
    expect(
      await sendChanges(
        ctx,
        dana,
        workflowEventChange(v.id, 'SUBMIT', asDana),
        workflowEventChange(v.id, 'WITHDRAW', asDana),
      ),
    ).toEqual([
      expect.objectContaining({
        outcome: 'invalid',
        reason: "kind: SUBMIT travels as the validation's submit change, not as a workflow event",
      }),
      expect.objectContaining({
        outcome: 'invalid',
        reason: "kind: WITHDRAW travels as the validation's reopen change, not as a workflow event",
      }),
    ]);

    // Dana is made a supervisor of her office: she still may not approve the validation she performed.
    await ctx.db.query(`UPDATE users SET role = 'SUPERVISOR' WHERE id = $1`, [dana.userId]);
    const asSupervisor = { ...asDana, role: 'SUPERVISOR' as const };
    const approval = workflowEventChange(v.id, 'APPROVE', asSupervisor, { reportDate: '2026-11-20' });
    expect((await sendChanges(ctx, dana, approval))[0]).toMatchObject({
      outcome: 'forbidden',
      reason: 'A supervisor cannot approve or issue a validation they performed',
    });
    expect(await stateOf(ctx, v.id)).toMatchObject({ workflow_state: 'SUBMITTED' });
    // A step is never taken twice under one id.
    const lee = await enrol(ctx, { ...LEE, role: 'SUPERVISOR' });
    const asLee = personOf(lee, { ...LEE, role: 'SUPERVISOR' });
    // Each kind carries only what it fixes: the report date with an approval, the fingerprint with the report.
    expect(
      await sendChanges(
        ctx,
        lee,
        workflowEventChange(v.id, 'START_REVIEW', asLee, { reportDate: '2026-11-20' }),
        workflowEventChange(v.id, 'APPROVE', asLee),
        workflowEventChange(v.id, 'APPROVE', asLee, { reportDate: '2026-11-20', reportSha256: 'a'.repeat(64) }),
      ),
    ).toEqual([
      expect.objectContaining({ outcome: 'invalid', reason: 'reportDate: only an approval names the report date' }),
      expect.objectContaining({ outcome: 'invalid', reason: 'reportDate: an approval names the report date' }),
      expect.objectContaining({
        outcome: 'invalid',
        reason: 'reportSha256: only an issued report carries its fingerprint',
      }),
    ]);
    const started = workflowEventChange(v.id, 'START_REVIEW', asLee);
    expect(outcomes(await sendChanges(ctx, lee, started))).toEqual(['applied']);
    const returned = workflowEventChange(v.id, 'RETURN', asLee, { comment: 'Attach the missing policies.' });
    const again = { ...returned, entityId: started.entityId, payload: { ...returned.payload, id: started.entityId } };
    expect((await sendChanges(ctx, lee, again))[0]).toMatchObject({ outcome: 'conflict' });
    expect(await stateOf(ctx, v.id)).toMatchObject({ workflow_state: 'IN_REVIEW' });
  });
});
