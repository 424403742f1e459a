import { afterEach, describe, expect, it } from 'vitest';
import { auditChainHead } from '../../db/audit-log';
import { listOutbox } from '../../db/outbox';
import { saveObservation } from '../../electron/services/field-work-service';
import { saveResponse } from '../../electron/services/response-service';
import { listReviewQueue, reviewValidationView, saveFindingReview } from '../../electron/services/review-service';
import { reopenValidation, submitValidation } from '../../electron/services/submission-service';
import { createValidation, listValidationSummaries, openWorksheet } from '../../electron/services/validation-service';
import { transitionValidation } from '../../electron/services/workflow-service';
import { getWorklist } from '../../electron/services/worklist-service';
import { issueEnrolmentCode } from '../../hq/identity';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { buildCompleteValidation } from '../db/complete-validation';
import { addRealMember } from '../db/workflow-fixture';
import { testUserId } from '../hq/helpers';
import {
  DANA,
  type EnrolledLaptop,
  enrolledLaptop,
  type Person,
  SAM,
  startAssigned,
  unenrolledLaptop,
} from './enrolled-laptop';
import { sharedHqPerTest } from './sync-harness';

/**
 * A laptop enrolled as one SCSS and handed to another: the first person's validations stay on it to read, and the
 * new person cannot change them (HQ takes changes to a validation only from its owner, and the audit log would
 * name the wrong person).
 */

const hq = sharedHqPerTest('pglite', { listen: true });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const RILEY: Person = { name: 'Riley Chen', role: 'FIELD_OFFICE_REVIEWER', fieldOffice: 'Houston' };
const PAT: Person = { name: 'Pat Nguyen', role: 'SUPERVISOR', fieldOffice: 'Houston' };

async function enrolAs(laptop: EnrolledLaptop, person: Person) {
  const { code } = await issueEnrolmentCode(hq.db, await testUserId(hq.db, person));
  await laptop.sync.enroll({ hqUrl: hq.baseUrl, code, deviceName: `${person.name}'s laptop` });
  expect(laptop.sync.status()).toMatchObject({ enrolled: true, userName: person.name });
}

const ownerAtHq = async (validationId: string) =>
  (
    await hq.db.query<{ owner_user_id: string }>('SELECT owner_user_id FROM validations WHERE id = $1', [validationId])
  )[0]?.owner_user_id;

describe('a laptop handed over to another SCSS', () => {
  it('shows the first person’s validation read-only, refuses every change to it, and keeps the new person’s own', async () => {
    const laptop = await enrolledLaptop(hq, DANA, cleanups);
    const { ctx } = laptop.services;
    const danas = await startAssigned(laptop, hq.db, DANA, 'ACCT-501');
    const [first, second] = openWorksheet(ctx, danas.id).criteria;
    if (!first || !second) throw new Error('no criteria');
    saveResponse(ctx, { validationId: danas.id, criterionId: first.id, result: 'COMPLIANT', notes: 'Dana saw it.' });
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });

    await enrolAs(laptop, SAM);
    expect(listValidationSummaries(ctx, {}).find((v) => v.id === danas.id)?.anotherPersons).toEqual({
      name: DANA.name,
    });
    expect(openWorksheet(ctx, danas.id).anotherPersons).toEqual({ name: DANA.name });

    const head = auditChainHead(ctx.db);
    const told = message('errors.validation.anotherPersons', { name: DANA.name }).message;
    const refusals = [
      () => saveResponse(ctx, { validationId: danas.id, criterionId: second.id, result: 'DEFICIENT' }),
      () => saveResponse(ctx, { validationId: danas.id, criterionId: first.id, notes: 'Sam typed this.' }),
      () => saveObservation(ctx, { validationId: danas.id, category: 1, text: 'Sam’s observation.' }),
      () => submitValidation(ctx, danas.id, SAM.name),
      () => reopenValidation(ctx, danas.id, 'Sam wants to add a site.'),
    ];
    for (const change of refusals) {
      const error = (() => {
        try {
          change();
        } catch (thrown) {
          return thrown;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'FORBIDDEN', message: told });
    }
    // Nothing of Sam's reached the validation, its audit log or the outbox.
    const after = openWorksheet(ctx, danas.id);
    expect(after.responses.map((r) => [r.criterionId, r.result, r.notes])).toEqual([
      [first.id, 'COMPLIANT', 'Dana saw it.'],
    ]);
    expect(after.observations).toEqual([]);
    expect(auditChainHead(ctx.db)).toEqual(head);
    expect(listOutbox(ctx.db)).toEqual([]);

    // Sam's own validation on the same laptop is his to change, and reaches HQ as his.
    const sams = await startAssigned(laptop, hq.db, SAM, 'ACCT-502');
    saveResponse(ctx, { validationId: sams.id, criterionId: first.id, result: 'DEFICIENT', notes: 'Sam saw it.' });
    expect(listValidationSummaries(ctx, {}).find((v) => v.id === sams.id)?.anotherPersons).toBeNull();
    expect(openWorksheet(ctx, sams.id).anotherPersons).toBeNull();
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    expect(await ownerAtHq(sams.id)).toBe(await testUserId(hq.db, SAM));
    expect(await ownerAtHq(danas.id)).toBe(await testUserId(hq.db, DANA));
  });

  it('gives the first SCSS’s submitted validation to the reviewer and then the supervisor it is handed to, to review and approve', async () => {
    const laptop = await enrolledLaptop(hq, DANA, cleanups);
    const { ctx } = laptop.services;
    const built = buildCompleteValidation(laptop.services, { member: addRealMember(laptop.services) });
    const { validation, finding } = built;
    submitValidation(ctx, validation.id, DANA.name);
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });

    await enrolAs(laptop, RILEY);
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    // Dana's worksheet stays hers to read; her submitted validation is Riley's to review, as on any laptop.
    expect(openWorksheet(ctx, validation.id).anotherPersons).toEqual({ name: DANA.name });
    const queue = getWorklist(ctx, { list: 'REVIEW' });
    expect(queue.items.map((i) => [i.validationId, i.queue, i.signedByName])).toEqual([
      [validation.id, 'AWAITING_REVIEW', DANA.name],
    ]);
    const view = reviewValidationView(ctx, validation.id);
    expect(view.findings.map((f) => f.id)).toEqual([finding.id]);

    saveFindingReview(ctx, { validationId: validation.id, findingId: finding.id, decision: 'CONCUR', comment: '' });
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    const atHq = await hq.db.query<{ payload: { decision: string; reviewedBy: string } }>(
      `SELECT payload FROM records WHERE entity = 'finding_review' AND validation_id = $1`,
      [validation.id],
    );
    expect(atHq.map((r) => [r.payload.decision, r.payload.reviewedBy])).toEqual([['CONCUR', RILEY.name]]);
    expect(listReviewQueue(ctx).flatMap((v) => v.findings.map((f) => [f.id, f.review?.decision]))).toEqual([
      [finding.id, 'CONCUR'],
    ]);

    // Then to the supervisor, who approves it there; Dana's row on the laptop follows HQ.
    await enrolAs(laptop, PAT);
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    expect(getWorklist(ctx, { list: 'APPROVAL' }).items.map((i) => [i.validationId, i.queue])).toEqual([
      [validation.id, 'AWAITING_APPROVAL'],
    ]);
    transitionValidation(ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' });
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    const [stateAtHq] = await hq.db.query<{ workflow_state: string }>(
      'SELECT workflow_state FROM validations WHERE id = $1',
      [validation.id],
    );
    expect(stateAtHq?.workflow_state).toBe('APPROVED');
    expect(listValidationSummaries(ctx, {}).find((v) => v.id === validation.id)).toMatchObject({
      workflowState: 'APPROVED',
      anotherPersons: { name: DANA.name },
    });
  });

  it('gives validations started before any enrolment to the first person enrolled, as HQ records them', async () => {
    const laptop = unenrolledLaptop(cleanups);
    const { services, sync } = laptop;
    const member = addRealMember(services);
    const early = createValidation(services.ctx, {
      memberId: member.id,
      entityType: 'IMP',
      mode: 'IN_PERSON',
      scheduledDate: '2027-01-12',
    });

    await enrolAs(laptop, DANA);
    expect(openWorksheet(services.ctx, early.id).anotherPersons).toBeNull();
    expect(await sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    expect(await ownerAtHq(early.id)).toBe(await testUserId(hq.db, DANA));

    await enrolAs(laptop, SAM);
    expect(openWorksheet(services.ctx, early.id).anotherPersons).toEqual({ name: DANA.name });
  });
});
