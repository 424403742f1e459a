import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../db/audit-log';
import { listOutbox } from '../../db/outbox';
import { insertMember } from '../../db/queries/members';
import { readSettings } from '../../db/queries/settings';
import { getValidation } from '../../db/queries/validations';
import { upsertMemberResponse } from '../../db/queries/workflow';
import type { AppServices } from '../../electron/services/app-services';
import { PickedFileRegistry } from '../../electron/services/evidence-service';
import { saveFinding } from '../../electron/services/field-work-service';
import { fileCredentialStore } from '../../electron/services/hq-credentials';
import { NOT_ENROLLED_ACTOR } from '../../electron/services/identity';
import { changeMemberRecord, getMemberRecord } from '../../electron/services/member-record-service';
import {
  assessMemberResponse,
  attachMemberResponseFile,
  listMemberResponsesOf,
  saveMemberResponse,
} from '../../electron/services/member-response-service';
import { loadReportInput } from '../../electron/services/report/load-input';
import { saveResponse } from '../../electron/services/response-service';
import {
  concurWithAllRemaining,
  listReviewQueue,
  reviewValidationView,
  saveFindingReview,
} from '../../electron/services/review-service';
import { keepHqPolicy } from '../../electron/services/settings-service';
import { reopenValidation, submitValidation } from '../../electron/services/submission-service';
import { createSyncService } from '../../electron/services/sync-service';
import { listValidationSummaries, openWorksheet } from '../../electron/services/validation-service';
import { transitionValidation, workflowHistory } from '../../electron/services/workflow-service';
import { getWorklist } from '../../electron/services/worklist-service';
import { responseDueDate } from '../../shared/domain/lifecycle';
import { policyOf } from '../../shared/domain/policy';
import { contract } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { buildReportModel } from '../../shared/report/model';
import { makePng } from '../unit/evidence-fixtures';
import { buildCompleteValidation, type Complete, importers } from './complete-validation';
import { appServicesFixture } from './services-fixture';
import {
  acknowledgeOutbox,
  addRealMember,
  enrolAs,
  type HqUserLike,
  hqCopyOf,
  person,
  pulledValidation,
  pullInto,
  workflowEvent,
} from './workflow-fixture';

const fixture = appServicesFixture('ctpat-workflow-');
/** The reviewer's or supervisor's laptop: a data folder of its own beside the SCSS's. */
const secondLaptop = appServicesFixture('ctpat-workflow-reviewer-');

const DANA = person('Dana Ruiz', 'SCSS');
const SAM = person('Sam Ortiz', 'FIELD_OFFICE_REVIEWER');
const PAT = person('Pat Nguyen', 'SUPERVISOR');
const ELSEWHERE = person('Lee Park', 'FIELD_OFFICE_REVIEWER', 'Laredo');

const expectRefused = (fn: () => unknown, code: string, message: RegExp) => {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppError);
  expect((thrown as AppError).code).toBe(code);
  expect((thrown as AppError).message).toMatch(message);
};

const kindsQueued = (s: AppServices) =>
  listOutbox(s.ctx.db, 1000).map((r) =>
    r.entity === 'workflow_event' ? String((r.payload as { kind: string }).kind) : `${r.entity}.${r.operation}`,
  );

/** An SCSS's submitted validation (a real Member), and the copy HQ holds of it. */
function submittedBySCSS(scss: AppServices, beforeSubmit?: (built: Complete) => void) {
  enrolAs(scss, DANA);
  const built = buildCompleteValidation(scss, { member: addRealMember(scss) });
  beforeSubmit?.(built);
  submitValidation(scss.ctx, built.validation.id, 'Dana Ruiz');
  return { ...built, copy: hqCopyOf(scss, built.validation.id) };
}

describe('who the app names', () => {
  it('before enrolment: "Not enrolled", never the OS account; after it, the enrolled person at once', async () => {
    const s = fixture.open({ actor: undefined });
    expect(s.ctx.actor).toBe(NOT_ENROLLED_ACTOR);
    const { validation } = buildCompleteValidation(s);
    const audit = listAuditForEntity(s.ctx.db, 'validation', validation.id);
    expect(audit.map((a) => a.actor)).toEqual([NOT_ENROLLED_ACTOR]);
    expect(audit.map((a) => a.actor)).not.toContain(os.userInfo().username);

    // Enrolment answers with the person HQ knows; the next change names them, without a restart.
    const credentials = fileCredentialStore(fixture.dataDir());
    const user = { id: DANA.id, name: 'Dana Ruiz', role: 'SCSS' as const, fieldOffice: 'Houston' };
    const fakeHq = (async () =>
      new Response(JSON.stringify({ deviceId: SAM.id, token: 't'.repeat(40), user }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })) as unknown as typeof fetch;
    const sync = createSyncService(s.ctx, credentials, { fetch: fakeHq });
    await sync.enroll({ hqUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH-1234', deviceName: 'laptop' });
    sync.stop();
    expect(s.ctx.actor).toBe('Dana Ruiz (Supply Chain Security Specialist)');
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', notes: 'Checked again.' });
    expect(listAuditForEntity(s.ctx.db, 'criterion_response', `${validation.id}/4.1`).at(-1)?.actor).toBe(
      'Dana Ruiz (Supply Chain Security Specialist)',
    );
    const submitted = submitValidation(s.ctx, validation.id, 'Dana M. Ruiz');
    expect(submitted).toMatchObject({ submittedBy: 'Dana Ruiz', signedByName: 'Dana M. Ruiz' });
    expect(workflowHistory(s.ctx, validation.id).history.map((e) => [e.kind, e.actor.name, e.actor.role])).toEqual([
      ['SUBMIT', 'Dana Ruiz', 'SCSS'],
    ]);

    // Opened again with its credentials, the store acts as the enrolled person from the start.
    fixture.close();
    const again = fixture.open({ actor: undefined, credentials });
    expect(again.ctx.actor).toBe('Dana Ruiz (Supply Chain Security Specialist)');
    expect(again.ctx.person).toMatchObject({ userId: DANA.id, role: 'SCSS', fieldOffice: 'Houston' });
  });
});

describe('demo validations', () => {
  it('queue nothing for HQ, from creation through submission, and say so in the list and the worksheet', () => {
    const s = fixture.open({ demoValidationsStayLocal: true });
    const [demo] = importers(s);
    expect(demo.accountNumber.startsWith('DEMO-')).toBe(true);
    const { validation } = buildCompleteValidation(s, { member: demo });
    submitValidation(s.ctx, validation.id, 'Dana Ruiz');
    reopenValidation(s.ctx, validation.id, 'Checking a note again before sending it');
    expect(listOutbox(s.ctx.db, 10_000)).toEqual([]);
    // The audit log still records every change.
    expect(listAuditForEntity(s.ctx.db, 'validation', validation.id).map((a) => a.action)).toEqual([
      'validation.create',
      'validation.submit',
      'validation.reopen',
    ]);
    expect(listValidationSummaries(s.ctx, {}).find((v) => v.id === validation.id)?.demo).toBe(true);
    expect(openWorksheet(s.ctx, validation.id).lifecycle).toMatchObject({ demo: true });
    expect(
      workflowHistory(s.ctx, validation.id).history.map((e) => [e.kind, e.sync]),
      'the history says these never left',
    ).toEqual([
      ['SUBMIT', 'LOCAL_ONLY'],
      ['WITHDRAW', 'LOCAL_ONLY'],
    ]);
  });

  it('a real Member’s validation on the same store is queued as before', () => {
    const s = fixture.open({ demoValidationsStayLocal: true });
    const { validation } = submittedBySCSS(s);
    const queued = kindsQueued(s);
    expect(queued[0]).toBe('validation.create');
    expect(queued.at(-1)).toBe('validation.submit');
    expect(queued).toContain('criterion_response.upsert');
    expect(listValidationSummaries(s.ctx, {}).find((v) => v.id === validation.id)).toMatchObject({
      demo: false,
      workflowState: 'SUBMITTED',
      returned: false,
    });
  });
});

describe('a reviewer’s decisions and the field office’s steps on a pulled copy', () => {
  /** Dana's validation, pulled onto a second store enrolled as `who`. */
  async function reviewerWithCopy(who: HqUserLike = SAM) {
    const scss = fixture.open();
    const { validation, finding, copy } = submittedBySCSS(scss);
    const submittedAt = String(copy.payload.submittedAt);
    fixture.close();
    // The reviewer's laptop: a fresh data folder of its own.
    const reviewer = secondLaptop.open();
    enrolAs(reviewer, who);
    const submit = workflowEvent(validation.id, 'SUBMIT', DANA, submittedAt);
    await pullInto(reviewer, pulledValidation(validation.id, copy, 'SUBMITTED', DANA, [submit]));
    return { reviewer, validation, finding, copy };
  }

  it('refuses anyone not enrolled as a reviewer of the validation’s field office', async () => {
    const { reviewer, validation, finding } = await reviewerWithCopy(DANA);
    const decide = () =>
      saveFindingReview(reviewer.ctx, {
        validationId: validation.id,
        findingId: finding.id,
        decision: 'CONCUR',
        comment: '',
      });
    expectRefused(decide, 'FORBIDDEN', /Only a field office reviewer or supervisor/);
    enrolAs(reviewer, ELSEWHERE);
    expectRefused(decide, 'FORBIDDEN', /another field office/);
    reviewer.ctx.person = null;
    expectRefused(decide, 'FORBIDDEN', /not enrolled with HQ/);
    expect(listOutbox(reviewer.ctx.db)).toEqual([]);
  });

  it('starts the review with the first decision, names the reviewer, and keeps a non-concurrence’s proposal', async () => {
    const { reviewer, validation, finding } = await reviewerWithCopy();
    const review = saveFindingReview(reviewer.ctx, {
      validationId: validation.id,
      findingId: finding.id,
      decision: 'NON_CONCUR',
      comment: 'Terminals lock after two minutes: a recommendation.',
      proposedClassification: 'RECOMMENDATION',
    });
    expect(review).toMatchObject({ reviewedBy: 'Sam Ortiz', proposedClassification: 'RECOMMENDATION', version: 1 });
    expect(kindsQueued(reviewer)).toEqual(['START_REVIEW', 'finding_review.upsert']);
    const [start] = listOutbox(reviewer.ctx.db);
    expect(start?.payload).toMatchObject({
      actor: { userId: SAM.id, name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER' },
    });
    expect(workflowHistory(reviewer.ctx, validation.id)).toMatchObject({ state: 'IN_REVIEW' });
    expect(
      listAuditForEntity(reviewer.ctx.db, 'finding_review', `${validation.id}/${finding.id}`).map((a) => a.actor),
    ).toEqual(['Sam Ortiz (Field office reviewer)']);
    // A second decision does not start the review again; a concurrence carries no proposal.
    const concur = saveFindingReview(reviewer.ctx, {
      validationId: validation.id,
      findingId: finding.id,
      decision: 'CONCUR',
      comment: '',
    });
    expect(concur).toMatchObject({ proposedClassification: null, version: 2 });
    expect(kindsQueued(reviewer)).toEqual(['START_REVIEW', 'finding_review.upsert', 'finding_review.upsert']);
    expect(listReviewQueue(reviewer.ctx)[0]).toMatchObject({ workflowState: 'IN_REVIEW', resubmitted: false });
  });

  it('shows the whole validation read-only: criterion text and level, answers, findings with reason, site and methods', async () => {
    const { reviewer, validation, finding } = await reviewerWithCopy();
    const view = reviewValidationView(reviewer.ctx, validation.id);
    // What the renderer checks the answer against.
    expect(contract['reviews:validation'].response.parse(view)).toEqual(view);
    expect(view.edition).toMatchObject({ id: 'MSC-2019-11', installed: true });
    expect(view.memberName).toBe('Bayou Logistics Imports LLC');
    const c41 = view.criteria.find((c) => c.criterionId === '4.1');
    expect(c41).toMatchObject({ level: expect.stringMatching(/MUST|SHOULD|MIXED/), response: { result: 'DEFICIENT' } });
    expect(c41?.requirements.length).toBeGreaterThan(0);
    expect(view.findings).toEqual([
      expect.objectContaining({
        id: finding.id,
        reasonLabel: 'Not implemented',
        notes: 'Shared logins on the warehouse terminals.',
        siteName: 'Houston distribution center',
        verificationMethods: ['DOCUMENT_REVIEWED', 'INTERVIEW'],
        review: null,
        decidedThisRound: false,
      }),
    ]);
    expect(view.sites).toHaveLength(1);
    expect(view.checklists.length).toBeGreaterThan(0);
    expect(view.lifecycle.history.map((e) => e.kind)).toEqual(['SUBMIT']);
    expect(view.lifecycle.actions).toMatchObject([
      { kind: 'RETURN', allowed: true, reason: null },
      { kind: 'APPROVE', allowed: false, reason: 'Only a supervisor of the field office can do this' },
      { kind: 'ISSUE_REPORT', allowed: false, reason: 'Only a supervisor of the field office can do this' },
      { kind: 'CLOSE', allowed: false, reason: 'Only a supervisor of the field office can do this' },
    ]);
  });

  it('returns with a comment, keeps the copy it judged, and lists what changed when it comes back', async () => {
    const { reviewer, validation, finding, copy } = await reviewerWithCopy();
    expectRefused(
      () => transitionValidation(reviewer.ctx, { validationId: validation.id, kind: 'RETURN', comment: 'Fix it' }),
      'CONFLICT',
      /at least 10 characters/,
    );
    saveFindingReview(reviewer.ctx, {
      validationId: validation.id,
      findingId: finding.id,
      decision: 'RETURN_FOR_CORRECTION',
      comment: 'Name the terminals and attach the policy.',
    });
    const returned = transitionValidation(reviewer.ctx, {
      validationId: validation.id,
      kind: 'RETURN',
      comment: 'One finding needs more before approval.',
    });
    expect(returned).toMatchObject({ state: 'RETURNED' });
    expect(kindsQueued(reviewer)).toEqual(['START_REVIEW', 'finding_review.upsert', 'RETURN']);
    expectRefused(
      () =>
        saveFindingReview(reviewer.ctx, {
          validationId: validation.id,
          findingId: finding.id,
          decision: 'CONCUR',
          comment: '',
        }),
      'CONFLICT',
      /returned for correction/,
    );

    // Back from the SCSS: one answer changed, one best practice added, a checklist removed.
    const reviewed = hqCopyOf(reviewer, validation.id).records;
    acknowledgeOutbox(reviewer);
    const removed = copy.records.find((r) => r.entity === 'inspection_checklist');
    const records = copy.records
      .filter((r) => r !== removed)
      .map((r) =>
        r.entity === 'criterion_response' && r.payload.criterionId === '4.1'
          ? {
              ...r,
              version: r.version + 1,
              payload: { ...r.payload, notes: 'Terminals T1–T4.', version: r.version + 1 },
            }
          : r,
      );
    const observationId = '9b0f4a57-1f43-4d7e-8f0e-1e8b7d6c5a4b';
    const added = {
      entity: 'observation',
      entityId: observationId,
      version: 1,
      payload: {
        id: observationId,
        validationId: validation.id,
        category: 4,
        text: 'Badge audits every week.',
        createdAt: '2026-03-03T10:00:00.000Z',
        updatedAt: '2026-03-03T10:00:00.000Z',
      },
    };
    const resubmit = workflowEvent(validation.id, 'SUBMIT', DANA, '2026-03-03T11:00:00.000Z');
    await pullInto(
      reviewer,
      pulledValidation(
        validation.id,
        { payload: copy.payload, records: [...records, added, ...reviewed] },
        'SUBMITTED',
        DANA,
        [resubmit],
      ),
    );
    const view = contract['reviews:validation'].response.parse(reviewValidationView(reviewer.ctx, validation.id));
    const changes = view.changesSinceLastReview?.changes ?? [];
    expect(changes.map((c) => [c.change, c.entity, c.criterionId])).toHaveLength(3);
    expect(changes.map((c) => [c.change, c.entity, c.criterionId])).toEqual(
      expect.arrayContaining([
        ['CHANGED', 'criterion_response', '4.1'],
        ['REMOVED', 'inspection_checklist', removed?.payload.criterionId],
        ['ADDED', 'observation', null],
      ]),
    );
    expect(changes.find((c) => c.change === 'CHANGED')).toMatchObject({
      before: { notes: 'Shared logins on the warehouse terminals.' },
      after: { notes: 'Terminals T1–T4.' },
    });
    const queue = getWorklist(reviewer.ctx, { list: 'REVIEW' }).items;
    expect(queue.map((i) => [i.queue, i.changedSinceLastReview, i.undecidedCount])).toEqual([['RESUBMITTED', 3, 1]]);
  });

  it('lets only a supervisor approve, once every finding is concurred with; approval fixes the report date', async () => {
    const { reviewer, validation, finding, copy } = await reviewerWithCopy(PAT);
    expectRefused(
      () => transitionValidation(reviewer.ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' }),
      'CONFLICT',
      /1 finding has no concurring review decision/,
    );
    enrolAs(reviewer, SAM);
    expectRefused(
      () => transitionValidation(reviewer.ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' }),
      'FORBIDDEN',
      /Only a supervisor/,
    );
    enrolAs(reviewer, PAT);
    const { reviews } = concurWithAllRemaining(reviewer.ctx, { validationId: validation.id, comment: 'Agreed.' });
    expect(reviews.map((r) => [r.findingId, r.decision, r.reviewedBy])).toEqual([[finding.id, 'CONCUR', 'Pat Nguyen']]);
    // Nothing remains: a second "concur with all" changes nothing.
    expect(concurWithAllRemaining(reviewer.ctx, { validationId: validation.id, comment: '' }).reviews).toEqual([]);
    expect(getWorklist(reviewer.ctx, { list: 'APPROVAL' }).items.map((i) => i.queue)).toEqual(['AWAITING_APPROVAL']);
    const approved = transitionValidation(reviewer.ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' });
    expect(approved).toMatchObject({ state: 'APPROVED', reportDate: reviewer.ctx.now().toISOString().slice(0, 10) });
    expect(getWorklist(reviewer.ctx, { list: 'APPROVAL' }).items.map((i) => i.queue)).toEqual(['AWAITING_REPORT']);
    const issued = transitionValidation(reviewer.ctx, {
      validationId: validation.id,
      kind: 'ISSUE_REPORT',
      comment: '',
    });
    // The report's own fingerprint (what it asserts: content, report date, findings, decisions), not the content's.
    expect(issued).toMatchObject({ state: 'AWAITING_RESPONSE', reportSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(issued.reportSha256).not.toBe(copy.payload.contentSha256);
    expect(kindsQueued(reviewer)).toEqual(['START_REVIEW', 'finding_review.upsert', 'APPROVE', 'ISSUE_REPORT']);
    expectRefused(
      () => transitionValidation(reviewer.ctx, { validationId: validation.id, kind: 'CLOSE', comment: '' }),
      'CONFLICT',
      /1 Action Required finding is not resolved/,
    );
  });

  it('approval fixes the response due date: a later response period moves neither the screens nor the report', async () => {
    const { reviewer, validation } = await reviewerWithCopy(PAT);
    concurWithAllRemaining(reviewer.ctx, { validationId: validation.id, comment: '' });
    const approved = transitionValidation(reviewer.ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' });
    const due = responseDueDate(String(approved.reportDate), 90);
    expect(approved.responseDueDate).toBe(due);
    // HQ is told the day itself, with the report date, so it dates the report as this laptop did.
    const queued = listOutbox(reviewer.ctx.db, 1000).find(
      (r) => r.entity === 'workflow_event' && (r.payload as { kind?: string }).kind === 'APPROVE',
    );
    expect(queued?.payload).toMatchObject({ reportDate: approved.reportDate, responseDueDate: due });
    transitionValidation(reviewer.ctx, { validationId: validation.id, kind: 'ISSUE_REPORT', comment: '' });

    // A supervisor then shortens the response period to 30 days; the report already out keeps its date.
    keepHqPolicy(reviewer.ctx, {
      version: 1,
      updatedAt: reviewer.ctx.now().toISOString(),
      updatedBy: 'Pat Nguyen',
      policy: { ...policyOf(readSettings(reviewer.ctx.db)), responseDays: 30 },
    });
    expect(readSettings(reviewer.ctx.db).responseDays).toBe(30);
    expect(workflowHistory(reviewer.ctx, validation.id)).toMatchObject({ responseDueDate: due });
    expect(loadReportInput(reviewer.ctx, validation.id).responseDueDate).toBe(due);
    const report = buildReportModel(loadReportInput(reviewer.ctx, validation.id), {
      audience: 'MEMBER',
      generatedAt: reviewer.ctx.now().toISOString(),
    });
    expect(report.responseRequest.dueDate).toBe(due);
    expect(report.actionRequired.map((f) => f.responseDueDate)).toEqual([due]);
  });

  it('a concurrence on a finding the SCSS reworded after a return no longer counts: approval waits for a new one', async () => {
    const { reviewer, validation, finding, copy } = await reviewerWithCopy(PAT);
    const [concurred] = concurWithAllRemaining(reviewer.ctx, { validationId: validation.id, comment: '' }).reviews;
    const readVersion = copy.records.find((r) => r.entity === 'finding' && r.entityId === finding.id)?.version ?? 0;
    expect(concurred).toMatchObject({ decision: 'CONCUR', findingVersion: readVersion });
    transitionValidation(reviewer.ctx, {
      validationId: validation.id,
      kind: 'RETURN',
      comment: 'Add the site visit notes before approval.',
    });
    const decisions = hqCopyOf(reviewer, validation.id).records.filter((r) => r.entity === 'finding_review');
    acknowledgeOutbox(reviewer);

    // Back from the SCSS with the finding reworded: a new version of it.
    const records = copy.records.map((r) =>
      r.entity === 'finding' && r.entityId === finding.id
        ? {
            ...r,
            version: readVersion + 1,
            payload: { ...r.payload, description: 'Shared logins on the dock PC only.', version: readVersion + 1 },
          }
        : r,
    );
    const resubmit = workflowEvent(validation.id, 'SUBMIT', DANA, reviewer.ctx.now().toISOString());
    await pullInto(
      reviewer,
      pulledValidation(
        validation.id,
        { payload: copy.payload, records: [...records, ...decisions] },
        'SUBMITTED',
        DANA,
        [resubmit],
      ),
    );
    const view = contract['reviews:validation'].response.parse(reviewValidationView(reviewer.ctx, validation.id));
    expect(view.findings).toEqual([
      expect.objectContaining({ review: expect.objectContaining({ decision: 'CONCUR' }), decisionOutdated: true }),
    ]);
    expect(view.lifecycle.actions.find((a) => a.kind === 'APPROVE')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/1 finding has no concurring review decision/),
    });
    expectRefused(
      () => transitionValidation(reviewer.ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' }),
      'CONFLICT',
      /1 finding has no concurring review decision/,
    );
    expect(listReviewQueue(reviewer.ctx)[0]?.findings).toEqual([expect.objectContaining({ decisionOutdated: true })]);
    const inWorklist = getWorklist(reviewer.ctx, { list: 'REVIEW' }).items;
    expect(inWorklist.map((i) => [i.queue, i.concurredCount, i.findingCount])).toEqual([['RESUBMITTED', 0, 1]]);

    // "Concur with all remaining" takes in the reworded finding, on the version read now; then approval goes through.
    const { reviews } = concurWithAllRemaining(reviewer.ctx, { validationId: validation.id, comment: '' });
    expect(reviews.map((r) => [r.findingId, r.findingVersion])).toEqual([[finding.id, readVersion + 1]]);
    expect(listOutbox(reviewer.ctx.db).at(-1)?.payload).toMatchObject({ findingVersion: readVersion + 1 });
    expect(reviewValidationView(reviewer.ctx, validation.id).findings[0]?.decisionOutdated).toBe(false);
    const approved = transitionValidation(reviewer.ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' });
    expect(approved).toMatchObject({ state: 'APPROVED' });
  });

  it('an approval moves the Member’s last validation date and its revalidation four years on; the tier follows it', async () => {
    const { reviewer, validation, copy } = await reviewerWithCopy(PAT);
    // The supervisor's laptop holds the Member (as a pulled assignment brings it), under its own local id.
    const snapshot = copy.payload.member as { legalName: string; accountNumber: string };
    const member = {
      id: randomUUID(),
      legalName: snapshot.legalName,
      accountNumber: snapshot.accountNumber,
      entityType: 'IMP' as const,
      city: '',
      country: '',
      correspondenceLanguage: 'en' as const,
      createdAt: reviewer.ctx.now().toISOString(),
    };
    insertMember(reviewer.ctx.db, member);
    changeMemberRecord(reviewer.ctx, {
      memberId: member.id,
      baseVersion: 0,
      change: { kind: 'CERTIFIED', certifiedOn: '2025-06-01' },
    });
    expect(getMemberRecord(reviewer.ctx, member.id)).toMatchObject({
      nextValidationDueOn: '2026-06-01',
      nextValidationKind: 'VALIDATION',
    });
    concurWithAllRemaining(reviewer.ctx, { validationId: validation.id, comment: 'Agreed.' });
    const approved = transitionValidation(reviewer.ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' });
    const reportDate = approved.reportDate ?? '';
    const record = getMemberRecord(reviewer.ctx, member.id);
    expect(record).toMatchObject({
      version: 2,
      lastValidatedOn: reportDate,
      nextValidationDueOn: `${Number(reportDate.slice(0, 4)) + 4}${reportDate.slice(4)}`,
      nextValidationKind: 'REVALIDATION',
      status: 'CERTIFIED',
      tier: 1,
    });
    expect(record.history[0]).toMatchObject({
      actorName: expect.stringContaining('Pat Nguyen'),
      change: { kind: 'VALIDATION_APPROVED', validationId: validation.id, approvedOn: reportDate },
    });
    expectRefused(
      () =>
        changeMemberRecord(reviewer.ctx, {
          memberId: member.id,
          baseVersion: 2,
          change: { kind: 'TIER_SET', tier: 3, validationId: validation.id, bestPractices: [] },
        }),
      'BAD_REQUEST',
      /Tier 3 needs at least one best practice that meets all five requirements/,
    );
    const tiered = changeMemberRecord(reviewer.ctx, {
      memberId: member.id,
      baseVersion: 2,
      change: { kind: 'TIER_SET', tier: 2, validationId: validation.id, bestPractices: [] },
    });
    expect(tiered).toMatchObject({ status: 'VALIDATED', tier: 2, version: 3 });
  });
});

describe('the SCSS’s own validation follows HQ', () => {
  async function returnedToScss() {
    const s = fixture.open();
    const { validation, finding, copy } = submittedBySCSS(s);
    acknowledgeOutbox(s);
    const review = {
      entity: 'finding_review',
      entityId: `${validation.id}/${finding.id}`,
      version: 1,
      payload: {
        validationId: validation.id,
        findingId: finding.id,
        decision: 'RETURN_FOR_CORRECTION',
        comment: 'Name the terminals.',
        proposedClassification: null,
        reviewedAt: '2026-03-02T16:00:00.000Z',
        reviewedBy: 'Sam Ortiz',
        version: 1,
      },
    };
    const ret = workflowEvent(validation.id, 'RETURN', SAM, '2026-03-02T16:01:00.000Z', {
      comment: 'See the comment on 4.1.',
    });
    const pulled = pulledValidation(validation.id, copy, 'RETURNED', DANA, [review, ret]);
    await pullInto(s, pulled);
    return { s, validation, finding, copy, pulled };
  }

  it('reopens a returned validation with the reviewer’s comments, queuing nothing, and highlights them until resubmitted', async () => {
    const { s, validation, finding, pulled } = await returnedToScss();
    expect(getValidation(s.ctx.db, validation.id)).toMatchObject({ status: 'IN_PROGRESS', contentSha256: null });
    expect(listOutbox(s.ctx.db)).toEqual([]);
    const life = contract['worksheet:open'].response.parse(openWorksheet(s.ctx, validation.id)).lifecycle;
    expect(life).toMatchObject({
      state: 'RETURNED',
      returned: {
        comment: 'See the comment on 4.1.',
        returnedBy: { name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER' },
        findings: [
          {
            findingId: finding.id,
            criterionId: '4.1',
            decision: 'RETURN_FOR_CORRECTION',
            comment: 'Name the terminals.',
            reviewedBy: 'Sam Ortiz',
          },
        ],
      },
    });
    expect(listAuditForEntity(s.ctx.db, 'validation', validation.id).at(-1)).toMatchObject({
      action: 'validation.returned',
      actor: 'Sam Ortiz (Field office reviewer)',
    });
    // The same copy pulled again changes nothing and audits nothing more.
    const audits = listAuditForEntity(s.ctx.db, 'validation', validation.id).length;
    await pullInto(s, { ...pulled, hqVersion: pulled.hqVersion + 1 });
    expect(listAuditForEntity(s.ctx.db, 'validation', validation.id)).toHaveLength(audits);

    saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', notes: 'Terminals T1–T4.' });
    submitValidation(s.ctx, validation.id, 'Dana Ruiz');
    expect(openWorksheet(s.ctx, validation.id).lifecycle).toMatchObject({ state: 'SUBMITTED', returned: null });
    expect(listValidationSummaries(s.ctx, {}).find((v) => v.id === validation.id)?.returned).toBe(false);
  });

  it('a copy pulled while the SCSS still has changes to send waits; approval and the report follow; no withdrawal after approval', async () => {
    const s = fixture.open();
    const { validation, copy } = submittedBySCSS(s);
    // The submit is still in the outbox: HQ's view is held back.
    await pullInto(s, pulledValidation(validation.id, copy, 'APPROVED', DANA));
    expect(workflowHistory(s.ctx, validation.id).state).toBe('SUBMITTED');
    acknowledgeOutbox(s);
    const approve = workflowEvent(validation.id, 'APPROVE', PAT, '2026-03-03T09:00:00.000Z', {
      reportDate: '2026-03-03',
    });
    await pullInto(s, pulledValidation(validation.id, copy, 'APPROVED', DANA, [approve]));
    expect(workflowHistory(s.ctx, validation.id)).toMatchObject({ state: 'APPROVED', reportDate: '2026-03-03' });
    expect(listAuditForEntity(s.ctx.db, 'validation', validation.id).at(-1)).toMatchObject({
      action: 'validation.workflow_state',
      actor: 'Pat Nguyen (Supervisor)',
    });
    expectRefused(
      () => reopenValidation(s.ctx, validation.id, 'The Member sent one more document'),
      'CONFLICT',
      /approved: it can no longer be reopened/,
    );
  });
});

/** A Should criterion found deficient: a Recommendation, answered by the Member if they choose. */
function addRecommendation(s: AppServices, built: Complete) {
  const criterion = built.criteria.find(
    (c) => c.level === 'SHOULD' && !c.checklists?.length && c.id !== built.deficientId && c.id !== built.naId,
  );
  if (!criterion) throw new Error('no plain Should criterion for a Recommendation');
  const base = { validationId: built.validation.id, criterionId: criterion.id };
  saveResponse(s.ctx, {
    ...base,
    result: 'DEFICIENT',
    notes: 'Seals are logged on paper only.',
    siteId: built.site.id,
    verificationMethods: ['DOCUMENT_REVIEWED'],
  });
  return saveFinding(s.ctx, {
    ...base,
    classification: 'RECOMMENDATION',
    reasonCode: 'NOT_IMPLEMENTED',
    description: 'Consider an electronic seal log.',
    dueDate: '2026-06-08',
  });
}

describe('Member responses and closing', () => {
  async function awaitingResponse(withRecommendation = false) {
    const s = fixture.open();
    let recommendation: ReturnType<typeof addRecommendation> | undefined;
    const { validation, finding, copy } = submittedBySCSS(s, (built) => {
      if (withRecommendation) recommendation = addRecommendation(s, built);
    });
    acknowledgeOutbox(s);
    const events = [
      workflowEvent(validation.id, 'APPROVE', PAT, '2026-03-02T15:00:00.000Z', { reportDate: '2026-03-02' }),
      workflowEvent(validation.id, 'ISSUE_REPORT', PAT, '2026-03-02T15:10:00.000Z', {
        reportSha256: String(copy.payload.contentSha256),
      }),
    ];
    await pullInto(s, pulledValidation(validation.id, copy, 'AWAITING_RESPONSE', DANA, events));
    return { s, validation, finding, recommendation };
  }

  it('records responses with the Member’s files, assesses them, and closes when the last Action Required is accepted', async () => {
    const { s, validation, finding } = await awaitingResponse();
    const listed = contract['replies:list'].response.parse(listMemberResponsesOf(s.ctx, validation.id));
    expect(listed).toMatchObject({
      state: 'AWAITING_RESPONSE',
      reportDate: '2026-03-02',
      dueDate: responseDueDate('2026-03-02', 90),
      overdue: false,
      canRecord: true,
    });
    const file = await attachMemberResponseFile(
      s.ctx,
      {
        validationId: validation.id,
        findingId: finding.id,
        fileName: 'policy.png',
        mediaType: 'image/png',
        source: { kind: 'bytes', base64: (await makePng(32, 32, 9)).toString('base64') },
      },
      new PickedFileRegistry(),
    );
    expect(file).toMatchObject({
      findingId: finding.id,
      mediaType: 'image/png',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(() =>
      saveMemberResponse(s.ctx, {
        validationId: validation.id,
        findingId: finding.id,
        receivedOn: '2026-03-02',
        correctiveAction: 'Policy attached.',
        evidenceSha256: ['f'.repeat(64)],
      }),
    ).toThrow(/Attach the Member’s files/);
    const first = saveMemberResponse(s.ctx, {
      validationId: validation.id,
      findingId: finding.id,
      receivedOn: '2026-03-02',
      correctiveAction: 'Policy attached.',
      evidenceSha256: [file.sha256],
    });
    // Corrected before it is assessed: the same response, one version on.
    const corrected = saveMemberResponse(s.ctx, {
      validationId: validation.id,
      findingId: finding.id,
      id: first.id,
      receivedOn: '2026-03-02',
      correctiveAction: 'Policy attached; logins enforced from next week.',
      evidenceSha256: [file.sha256],
    });
    expect(corrected).toMatchObject({ id: first.id, version: 2 });
    const notAccepted = assessMemberResponse(s.ctx, {
      validationId: validation.id,
      responseId: first.id,
      assessment: 'NOT_ACCEPTED',
      note: 'Send proof the logins are enforced now.',
    });
    expect(notAccepted).toMatchObject({
      closed: false,
      response: { assessment: 'NOT_ACCEPTED', assessedBy: { userId: DANA.id, name: 'Dana Ruiz', role: 'SCSS' } },
    });
    expectRefused(
      () =>
        saveMemberResponse(s.ctx, {
          validationId: validation.id,
          findingId: finding.id,
          id: first.id,
          receivedOn: '2026-03-02',
          correctiveAction: 'Changed afterwards',
          evidenceSha256: [],
        }),
      'CONFLICT',
      /has been assessed/,
    );
    const second = saveMemberResponse(s.ctx, {
      validationId: validation.id,
      findingId: finding.id,
      receivedOn: s.ctx.now().toISOString().slice(0, 10),
      correctiveAction: 'Unique logins enforced; screenshot of the setting attached.',
      evidenceSha256: [file.sha256],
    });
    const accepted = assessMemberResponse(s.ctx, {
      validationId: validation.id,
      responseId: second.id,
      assessment: 'ACCEPTED',
      note: '',
    });
    expect(contract['replies:assess'].response.parse(accepted)).toMatchObject({
      closed: true,
      lifecycle: { state: 'CLOSED' },
    });
    expect(kindsQueued(s).slice(-2)).toEqual(['member_response.upsert', 'CLOSE']);
    expect(listMemberResponsesOf(s.ctx, validation.id).findings[0]).toMatchObject({ resolved: true });
    expectRefused(
      () =>
        saveMemberResponse(s.ctx, {
          validationId: validation.id,
          findingId: finding.id,
          receivedOn: '2026-03-02',
          correctiveAction: 'Late',
          evidenceSha256: [],
        }),
      'CONFLICT',
      /it is closed/,
    );
  });

  it('refuses a response received before the report was issued, naming the day it was issued', async () => {
    const { s, validation, finding } = await awaitingResponse();
    // The report went out at 15:10 UTC on 2 March (awaitingResponse's ISSUE_REPORT); the clock reads 2 March.
    const listed = listMemberResponsesOf(s.ctx, validation.id);
    expect(listed.reportIssuedOn).toBe(format(parseISO('2026-03-02T15:10:00.000Z'), 'yyyy-MM-dd'));
    const record = (receivedOn: string) =>
      saveMemberResponse(s.ctx, {
        validationId: validation.id,
        findingId: finding.id,
        receivedOn,
        correctiveAction: 'Logins enforced.',
        evidenceSha256: [],
      });
    const queued = listOutbox(s.ctx.db, 1000).length;
    expectRefused(() => record('2026-02-27'), 'BAD_REQUEST', /before the report was issued on/);
    expect(listOutbox(s.ctx.db, 1000)).toHaveLength(queued);
    const saved = record(String(listed.reportIssuedOn));
    expect(saved).toMatchObject({ receivedOn: listed.reportIssuedOn, version: 1 });

    // A response recorded before this rule, dated earlier, can still be corrected: its date is not new.
    upsertMemberResponse(s.ctx.db, { ...saved, receivedOn: '2026-02-27' });
    const corrected = saveMemberResponse(s.ctx, {
      id: saved.id,
      validationId: validation.id,
      findingId: finding.id,
      receivedOn: '2026-02-27',
      correctiveAction: 'Logins enforced on every terminal.',
      evidenceSha256: [],
    });
    expect(corrected).toMatchObject({ receivedOn: '2026-02-27', version: 2 });
  });

  it('lists responses due within 14 days, overdue, and awaiting assessment; "Response overdue" once the due date passes', async () => {
    const { s, validation, finding } = await awaitingResponse();
    // The fixture's clock reads 2026-03-02: due 2026-05-31, far off.
    expect(getWorklist(s.ctx, { list: 'RESPONSES' }).items).toEqual([]);
    expect(getWorklist(s.ctx, { list: 'RESPONSES', statuses: ['OPEN'] }).items).toEqual([
      expect.objectContaining({ findingId: finding.id, status: 'OPEN', dueDate: '2026-05-31', own: true }),
    ]);
    fixture.close();
    const later = fixture.open({ now: () => new Date('2026-05-20T12:00:00.000Z') });
    enrolAs(later, DANA);
    expect(getWorklist(later.ctx, { list: 'RESPONSES' }).items.map((i) => [i.status, i.daysLeft])).toEqual([
      ['DUE_SOON', 11],
    ]);
    fixture.close();
    const overdue = fixture.open({ now: () => new Date('2026-06-02T12:00:00.000Z') });
    enrolAs(overdue, DANA);
    expect(getWorklist(overdue.ctx, { list: 'RESPONSES', search: 'gulf' }).items).toEqual([]);
    contract['worklists:get'].response.parse(getWorklist(overdue.ctx, { list: 'RESPONSES', statuses: ['OVERDUE'] }));
    expect(
      getWorklist(overdue.ctx, { list: 'RESPONSES', search: '4.1' }).items.map((i) => [i.status, i.daysLeft]),
    ).toEqual([['OVERDUE', -2]]);
    expect(workflowHistory(overdue.ctx, validation.id)).toMatchObject({ responseOverdue: true });
    saveMemberResponse(overdue.ctx, {
      validationId: validation.id,
      findingId: finding.id,
      receivedOn: '2026-06-01',
      correctiveAction: 'Logins enforced.',
      evidenceSha256: [],
    });
    expect(getWorklist(overdue.ctx, { list: 'RESPONSES' }).items.map((i) => i.status)).toEqual(['AWAITING_ASSESSMENT']);
  });

  it('records and assesses a Response to a Recommendation, never due nor overdue, and closes without waiting for it', async () => {
    const { s, validation, finding, recommendation } = await awaitingResponse(true);
    if (!recommendation) throw new Error('no Recommendation');
    const listed = listMemberResponsesOf(s.ctx, validation.id);
    // Action Required first, then the Recommendation.
    expect(listed.findings.map((f) => f.finding.classification)).toEqual(['ACTION_REQUIRED', 'RECOMMENDATION']);
    const file = await attachMemberResponseFile(
      s.ctx,
      {
        validationId: validation.id,
        findingId: recommendation.id,
        fileName: 'seal-log.png',
        mediaType: 'image/png',
        source: { kind: 'bytes', base64: (await makePng(16, 16, 3)).toString('base64') },
      },
      new PickedFileRegistry(),
    );
    const first = saveMemberResponse(s.ctx, {
      validationId: validation.id,
      findingId: recommendation.id,
      receivedOn: '2026-03-02',
      correctiveAction: 'We are trialling an electronic seal log.',
      evidenceSha256: [file.sha256],
    });
    expect(
      assessMemberResponse(s.ctx, {
        validationId: validation.id,
        responseId: first.id,
        assessment: 'NOT_ACCEPTED',
        note: 'Send the log once the trial is over.',
      }),
    ).toMatchObject({ closed: false, lifecycle: { state: 'AWAITING_RESPONSE' } });
    const second = saveMemberResponse(s.ctx, {
      validationId: validation.id,
      findingId: recommendation.id,
      receivedOn: '2026-03-02',
      correctiveAction: 'Trial over; the log is attached.',
      evidenceSha256: [file.sha256],
    });
    expect(listMemberResponsesOf(s.ctx, validation.id).findings[1]).toMatchObject({
      finding: { id: recommendation.id },
      resolved: false,
      responses: [{ id: first.id }, { id: second.id }],
      files: [{ sha256: file.sha256 }],
    });

    // Long after the due date, only the Action Required finding is overdue; the Recommendation awaits assessment.
    fixture.close();
    const late = fixture.open({ now: () => new Date('2026-06-02T12:00:00.000Z') });
    enrolAs(late, DANA);
    const all = getWorklist(late.ctx, {
      list: 'RESPONSES',
      statuses: ['OVERDUE', 'DUE_SOON', 'AWAITING_ASSESSMENT', 'OPEN', 'RESOLVED'],
    });
    contract['worklists:get'].response.parse(all);
    expect(all.items.map((i) => [i.criterionId, i.classification, i.status, i.dueDate, i.daysLeft])).toEqual([
      [finding.criterionId, 'ACTION_REQUIRED', 'OVERDUE', '2026-05-31', -2],
      [recommendation.criterionId, 'RECOMMENDATION', 'AWAITING_ASSESSMENT', null, null],
    ]);

    // Accepting the Action Required finding closes the validation; the Recommendation's answer stays unassessed.
    const answer = saveMemberResponse(late.ctx, {
      validationId: validation.id,
      findingId: finding.id,
      receivedOn: '2026-06-01',
      correctiveAction: 'Unique logins enforced.',
      evidenceSha256: [],
    });
    const accepted = assessMemberResponse(late.ctx, {
      validationId: validation.id,
      responseId: answer.id,
      assessment: 'ACCEPTED',
      note: '',
    });
    expect(contract['replies:assess'].response.parse(accepted)).toMatchObject({
      closed: true,
      lifecycle: { state: 'CLOSED' },
    });
    expect(kindsQueued(late).slice(-2)).toEqual(['member_response.upsert', 'CLOSE']);
    expect(listMemberResponsesOf(late.ctx, validation.id).findings[1]?.responses.at(-1)).toMatchObject({
      id: second.id,
      assessment: null,
    });
  });

  it('refuses responses from anyone but the owning SCSS', async () => {
    const { s, validation, finding } = await awaitingResponse();
    const openResponses = () => getWorklist(s.ctx, { list: 'RESPONSES', statuses: ['OPEN'] }).items;
    expect(openResponses().map((i) => i.findingId)).toEqual([finding.id]);
    expect(listMemberResponsesOf(s.ctx, validation.id).canRecord).toBe(true);
    enrolAs(s, PAT);
    // A supervisor the laptop is handed to sees them read-only, as HQ's copy of them on any supervisor's laptop.
    expect(openResponses().map((i) => [i.findingId, i.own])).toEqual([[finding.id, false]]);
    expectRefused(
      () =>
        saveMemberResponse(s.ctx, {
          validationId: validation.id,
          findingId: finding.id,
          receivedOn: '2026-03-02',
          correctiveAction: 'x',
          evidenceSha256: [],
        }),
      'FORBIDDEN',
      /Only the SCSS who performed the validation/,
    );
    enrolAs(s, person('Alex Other', 'SCSS'));
    expectRefused(
      () =>
        saveMemberResponse(s.ctx, {
          validationId: validation.id,
          findingId: finding.id,
          receivedOn: '2026-03-02',
          correctiveAction: 'x',
          evidenceSha256: [],
        }),
      'FORBIDDEN',
      /belongs to another SCSS/,
    );
    // The laptop handed to another SCSS neither lists the earlier one's responses as work nor offers to record one.
    expect(openResponses()).toEqual([]);
    expect(listMemberResponsesOf(s.ctx, validation.id).canRecord).toBe(false);
    expect(listOutbox(s.ctx.db)).toEqual([]);
  });
});
