import { afterEach, describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../db/audit-log';
import { listOutbox } from '../../db/outbox';
import { listMembers } from '../../db/queries/members';
import { getValidation } from '../../db/queries/validations';
import { queueForHq } from '../../electron/services/change-log';
import { PickedFileRegistry } from '../../electron/services/evidence-service';
import { saveFinding } from '../../electron/services/field-work-service';
import {
  loadLifecycle,
  type OutboxReader,
  outboxReadOnce,
  outboxReadWhileUnchanged,
} from '../../electron/services/lifecycle-read';
import {
  assessMemberResponse,
  attachMemberResponseFile,
  listMemberResponsesOf,
  saveMemberResponse,
} from '../../electron/services/member-response-service';
import { keepRefusedChangeOffHq, listRefusedChanges } from '../../electron/services/refused-changes';
import { reportModelFor } from '../../electron/services/report/export';
import { saveResponse } from '../../electron/services/response-service';
import {
  concurWithAllRemaining,
  reviewValidationView,
  saveFindingReview,
} from '../../electron/services/review-service';
import { reopenValidation, submitValidation } from '../../electron/services/submission-service';
import { createValidation, listValidationSummaries, openWorksheet } from '../../electron/services/validation-service';
import { transitionValidation, workflowHistory } from '../../electron/services/workflow-service';
import { getWorklist } from '../../electron/services/worklist-service';
import { i18n } from '../../renderer/src/i18n';
import { translateMessage } from '../../renderer/src/i18n/messages';
import { responseDueDate } from '../../shared/domain/lifecycle';
import { AppError } from '../../shared/ipc/envelope';
import { buildCompleteValidation } from '../db/complete-validation';
import { reportShaAtHq } from '../hq/helpers';
import { makePng } from '../unit/evidence-fixtures';
import { addMember, enrolLaptop, inProcessPull, type Laptop, removeLaptopDirs } from './lifecycle-harness';
import { BACKENDS, sharedHqPerTest } from './sync-harness';

const DANA = { name: 'Dana Ruiz', role: 'SCSS' } as const;
const SAM = { name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER' } as const;
const RILEY = { name: 'Riley Chen', role: 'FIELD_OFFICE_REVIEWER' } as const;
const PAT = { name: 'Pat Nguyen', role: 'SUPERVISOR' } as const;

const refusedWith = (fn: () => unknown, code: string, message: RegExp) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error(`expected ${code} ${message}`);
};

/** Each laptop's reader of the outbox made at its first list read and kept, as an export keeps one across turns. */
const heldReaders = new WeakMap<Laptop, OutboxReader>();
const heldReaderOf = (laptop: Laptop): OutboxReader => {
  const reader = heldReaders.get(laptop) ?? outboxReadWhileUnchanged(laptop.services.ctx);
  heldReaders.set(laptop, reader);
  return reader;
};

/**
 * A list reads the outbox once for all its lifecycles: each must read as it does asked for alone, and so must a
 * reader kept since an earlier read, whatever sync or saves have written since.
 */
const listReadsAsAlone = (laptop: Laptop, validationId: string) => {
  const alone = loadLifecycle(laptop.services.ctx, validationId);
  expect(loadLifecycle(laptop.services.ctx, validationId, outboxReadOnce(laptop.services.ctx))).toEqual(alone);
  expect(loadLifecycle(laptop.services.ctx, validationId, heldReaderOf(laptop))).toEqual(alone);
  return alone;
};

const outboxKinds = (laptop: Laptop) =>
  listOutbox(laptop.services.ctx.db, 1000).map((r) =>
    r.entity === 'workflow_event' ? `workflow_event:${String((r.payload as { kind: string }).kind)}` : r.entity,
  );

const historyKinds = (laptop: Laptop, validationId: string) =>
  workflowHistory(laptop.services.ctx, validationId).history.map((e) => e.kind);

describe.each(BACKENDS)('the review loop across an SCSS, a reviewer and a supervisor on %s', (backend) => {
  const hq = sharedHqPerTest(backend);
  const laptops: Laptop[] = [];
  afterEach(() => {
    for (const laptop of laptops.splice(0)) laptop.close();
    removeLaptopDirs();
  });
  const enrol = async (user: Parameters<typeof enrolLaptop>[1]) => {
    const laptop = await enrolLaptop(hq, user);
    laptops.push(laptop);
    return laptop;
  };

  it('submit → return two findings → correct and resubmit → concur → approve → issue → responses → closed everywhere', async () => {
    const dana = await enrol(DANA);
    const sam = await enrol(SAM);
    const riley = await enrol(RILEY);
    const pat = await enrol(PAT);
    const ctx = dana.services.ctx;

    // ── The SCSS submits a validation with two Action Required findings. ──
    const member = addMember(dana);
    const built = buildCompleteValidation(dana.services, { member, signer: DANA.name });
    const { validation, finding: findingA, site } = built;
    // A Must + Should criterion: the reviewer may find only its Should part unmet, which is a Recommendation.
    const otherId = built.criteria.find(
      (c) => c.id !== built.deficientId && c.id !== built.naId && c.level === 'MIXED' && !c.checklists?.length,
    )?.id;
    if (!otherId) throw new Error('no second criterion for a finding');
    saveResponse(ctx, {
      validationId: validation.id,
      criterionId: otherId,
      result: 'DEFICIENT',
      notes: 'No written procedure for visitor badges.',
      siteId: site.id,
      verificationMethods: ['DOCUMENT_REVIEWED'],
    });
    const findingB = saveFinding(ctx, {
      validationId: validation.id,
      criterionId: otherId,
      classification: 'ACTION_REQUIRED',
      reasonCode: 'NO_WRITTEN_PROCEDURE',
      description: 'Visitor badges are issued without a written procedure.',
      dueDate: '2026-06-08',
    });
    const submitted = submitValidation(ctx, validation.id, 'Dana M. Ruiz');
    // The typed signature stays as typed; who submitted is the enrolled person, never the OS account.
    expect(submitted).toMatchObject({ signedByName: 'Dana M. Ruiz', submittedBy: 'Dana Ruiz' });
    expect(listAuditForEntity(ctx.db, 'validation', validation.id).at(-1)?.actor).toBe(
      'Dana Ruiz (Supply Chain Security Specialist)',
    );
    expect((await dana.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    expect(getValidation(ctx.db, validation.id)?.status).toBe('SUBMITTED');

    // ── The reviewer sees the whole validation and returns two findings. ──
    await sam.pull();
    await riley.pull();
    const queue = getWorklist(sam.services.ctx, { list: 'REVIEW' });
    expect(queue.items.map((i) => [i.validationId, i.queue, i.memberName])).toEqual([
      [validation.id, 'AWAITING_REVIEW', member.legalName],
    ]);
    const view = reviewValidationView(sam.services.ctx, validation.id);
    const criterion41 = view.criteria.find((c) => c.criterionId === '4.1');
    expect(criterion41?.summary).toEqual(expect.any(String));
    expect(criterion41?.level).toMatch(/MUST|SHOULD|MIXED/);
    expect(criterion41?.response?.result).toBe('DEFICIENT');
    expect(view.findings.map((f) => f.criterionId).sort()).toEqual(['4.1', otherId].sort());
    const viewA = view.findings.find((f) => f.id === findingA.id);
    expect(viewA).toMatchObject({
      reasonLabel: 'Not implemented',
      notes: 'Shared logins on the warehouse terminals.',
      siteName: 'Houston distribution center',
      verificationMethods: ['DOCUMENT_REVIEWED', 'INTERVIEW'],
      review: null,
    });
    expect(view.checklists.length).toBeGreaterThan(0);
    expect(view.lifecycle).toMatchObject({ state: 'SUBMITTED', own: false });
    expect(view.changesSinceLastReview).toBeNull();

    saveFindingReview(sam.services.ctx, {
      validationId: validation.id,
      findingId: findingA.id,
      decision: 'RETURN_FOR_CORRECTION',
      comment: 'Say which terminals and attach the revised login policy.',
    });
    saveFindingReview(sam.services.ctx, {
      validationId: validation.id,
      findingId: findingB.id,
      decision: 'NON_CONCUR',
      comment: 'Badges are controlled at the gate: this is a recommendation at most.',
      proposedClassification: 'RECOMMENDATION',
    });
    refusedWith(
      () => transitionValidation(sam.services.ctx, { validationId: validation.id, kind: 'RETURN', comment: 'Fix' }),
      'CONFLICT',
      /at least 10 characters/,
    );
    const returned = transitionValidation(sam.services.ctx, {
      validationId: validation.id,
      kind: 'RETURN',
      comment: 'Two findings need work before approval; see the comments on each.',
    });
    expect(returned.state).toBe('RETURNED');
    expect(outboxKinds(sam)).toEqual([
      'workflow_event:START_REVIEW',
      'finding_review',
      'finding_review',
      'workflow_event:RETURN',
    ]);
    expect((await sam.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    expect(getWorklist(sam.services.ctx, { list: 'REVIEW' }).items.map((i) => i.queue)).toEqual(['RETURNED']);
    expect(
      listAuditForEntity(
        sam.services.ctx.db,
        'workflow_event',
        returned.history.find((e) => e.kind === 'RETURN')?.id ?? '',
      )[0]?.actor,
    ).toBe('Sam Ortiz (Field office reviewer)');

    // ── The SCSS's laptop reopens it through pull, with the returned findings and comments. ──
    await dana.pull();
    expect(getValidation(ctx.db, validation.id)).toMatchObject({ status: 'IN_PROGRESS' });
    expect(listOutbox(ctx.db)).toEqual([]); // no reopen change: HQ already holds it returned
    const reopened = openWorksheet(ctx, validation.id).lifecycle;
    expect(reopened.state).toBe('RETURNED');
    expect(reopened.returned).toMatchObject({
      comment: 'Two findings need work before approval; see the comments on each.',
      returnedBy: { name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER' },
    });
    expect(
      reopened.returned?.findings.map((f) => [f.findingId, f.decision, f.proposedClassification, f.reviewedBy]),
    ).toEqual(
      expect.arrayContaining([
        [findingA.id, 'RETURN_FOR_CORRECTION', null, 'Sam Ortiz'],
        [findingB.id, 'NON_CONCUR', 'RECOMMENDATION', 'Sam Ortiz'],
      ]),
    );
    expect(listValidationSummaries(ctx, {}).find((v) => v.id === validation.id)).toMatchObject({
      workflowState: 'RETURNED',
      returned: true,
      demo: false,
    });
    expect(listAuditForEntity(ctx.db, 'validation', validation.id).at(-1)).toMatchObject({
      action: 'validation.returned',
      actor: 'Sam Ortiz (Field office reviewer)',
    });

    // The SCSS corrects both and submits again.
    saveResponse(ctx, {
      validationId: validation.id,
      criterionId: '4.1',
      notes: 'Shared logins on terminals T1–T4 in the warehouse; revised policy requested.',
    });
    saveFinding(ctx, {
      validationId: validation.id,
      criterionId: '4.1',
      classification: 'ACTION_REQUIRED',
      reasonCode: 'NOT_IMPLEMENTED',
      description: 'Unique logins are not enforced on warehouse terminals T1–T4.',
      dueDate: '2026-06-08',
    });
    saveFinding(ctx, {
      validationId: validation.id,
      criterionId: otherId,
      classification: 'RECOMMENDATION',
      reasonCode: 'NO_WRITTEN_PROCEDURE',
      description: 'Write down the visitor badge procedure already followed at the gate.',
      dueDate: '2026-09-01',
    });
    submitValidation(ctx, validation.id, 'Dana M. Ruiz');
    expect(openWorksheet(ctx, validation.id).lifecycle).toMatchObject({ state: 'SUBMITTED', returned: null });
    expect((await dana.sync()).push).toMatchObject({ refused: 0, remaining: 0 });

    // ── The reviewer sees what changed since the return, and concurs with all. ──
    await sam.pull();
    await riley.pull();
    const resubmitted = getWorklist(sam.services.ctx, { list: 'REVIEW' }).items;
    expect(resubmitted.map((i) => [i.queue, i.changedSinceLastReview])).toEqual([['RESUBMITTED', 3]]);
    const changes = reviewValidationView(sam.services.ctx, validation.id).changesSinceLastReview?.changes ?? [];
    expect(changes.map((c) => [c.entity, c.criterionId, c.change]).sort()).toEqual(
      [
        ['criterion_response', '4.1', 'CHANGED'],
        ['finding', '4.1', 'CHANGED'],
        ['finding', otherId, 'CHANGED'],
      ].sort(),
    );
    expect(changes.find((c) => c.entity === 'finding' && c.criterionId === otherId)).toMatchObject({
      before: expect.objectContaining({ classification: 'ACTION_REQUIRED' }),
      after: expect.objectContaining({ classification: 'RECOMMENDATION' }),
    });
    // A reviewer whose laptop never saw it before the return gets the same from HQ's copy of what was returned.
    const jo = await enrol({ name: 'Jo Park', role: 'FIELD_OFFICE_REVIEWER' });
    await jo.pull();
    const joView = reviewValidationView(jo.services.ctx, validation.id).changesSinceLastReview;
    expect(joView?.changes.map((c) => [c.entity, c.criterionId, c.change, c.before, c.after])).toEqual(
      changes.map((c) => [c.entity, c.criterionId, c.change, c.before, c.after]),
    );
    // The SCSS's own laptop is not sent it: it has its own history of the return.
    const danaPage = await inProcessPull(hq, dana.token).pull(null, 200);
    expect(danaPage.validations.find((v) => v.id === validation.id)?.reviewedAtReturn ?? null).toBeNull();
    const concurred = concurWithAllRemaining(sam.services.ctx, { validationId: validation.id, comment: '' });
    expect(concurred.reviews.map((r) => [r.findingId, r.decision, r.reviewedBy]).sort()).toEqual(
      [
        [findingA.id, 'CONCUR', 'Sam Ortiz'],
        [findingB.id, 'CONCUR', 'Sam Ortiz'],
      ].sort(),
    );
    expect(listReadsAsAlone(sam, validation.id).reviews.get(findingA.id)?.sync).toBe('WAITING');
    expect((await sam.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    expect(listReadsAsAlone(sam, validation.id).reviews.get(findingA.id)?.sync).toBe('AT_HQ');

    // A second reviewer working from the copy before Sam's decisions: refused, told what HQ holds.
    saveFindingReview(riley.services.ctx, {
      validationId: validation.id,
      findingId: findingA.id,
      decision: 'NON_CONCUR',
      comment: 'I would keep this one as it was written first.',
      proposedClassification: 'ACTION_REQUIRED',
    });
    expect(listReadsAsAlone(riley, validation.id).reviews.get(findingA.id)?.sync).toBe('WAITING');
    expect((await riley.push()).refused).toBe(2);
    const rileyRefused = listRefusedChanges(riley.services.ctx);
    expect(rileyRefused.map((r) => r.entity)).toEqual(['workflow_event', 'finding_review']);
    expect(rileyRefused[0]?.reason).toMatch(/in review/i);
    expect(rileyRefused[1]?.reason).toMatch(/HQ has a newer version of this review \(version 2: Concur by Sam Ortiz\)/);
    expect(listReadsAsAlone(riley, validation.id).reviews.get(findingA.id)?.refusedReason).toBe(
      rileyRefused[1]?.reason,
    );

    // ── The supervisor approves; the SCSS cannot, here or by forcing it into the outbox. ──
    await pat.pull();
    expect(getWorklist(pat.services.ctx, { list: 'APPROVAL' }).items.map((i) => i.queue)).toEqual([
      'AWAITING_APPROVAL',
    ]);
    await dana.pull();
    refusedWith(
      () => transitionValidation(ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' }),
      'FORBIDDEN',
      /Only a supervisor/,
    );
    refusedWith(
      () => transitionValidation(sam.services.ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' }),
      'FORBIDDEN',
      /Only a supervisor/,
    );
    const forgedAt = ctx.now().toISOString();
    ctx.db.transaction(() =>
      queueForHq(ctx.db, {
        entity: 'workflow_event',
        entityId: '0f8f6b7e-8a8e-4b9a-9d4e-0c2f1a3b4c5d',
        operation: 'create',
        payload: {
          id: '0f8f6b7e-8a8e-4b9a-9d4e-0c2f1a3b4c5d',
          validationId: validation.id,
          kind: 'APPROVE',
          comment: '',
          at: forgedAt,
          actor: { userId: dana.userId, name: DANA.name, role: 'SCSS' },
          reportDate: forgedAt.slice(0, 10),
          reportSha256: null,
        },
        createdAt: forgedAt,
      }),
    )();
    expect(await dana.push()).toMatchObject({ refused: 1, applied: 0 });
    const [forged] = listRefusedChanges(ctx);
    expect(forged?.reason).toMatch(/your account may not change it.*supervisor/i);
    // In a Spanish interface HQ's own words inside the refusal are Spanish too: HQ sent them by key.
    await i18n.changeLanguage('es');
    try {
      expect(translateMessage({ message: forged?.reason ?? '', ...forged?.reasonMessage })).toBe(
        'La sede central rechazó esta aprobación: su cuenta no puede modificarlo (sede central: Solo un supervisor de la oficina regional puede hacer esto).',
      );
    } finally {
      await i18n.changeLanguage('en');
    }
    // Kept off HQ, as the SCSS would: until then the refused change holds HQ's newer copy back.
    keepRefusedChangeOffHq(ctx, forged?.changeId ?? '', 'An SCSS cannot approve; this was a mistake.');

    const approved = transitionValidation(pat.services.ctx, {
      validationId: validation.id,
      kind: 'APPROVE',
      comment: '',
    });
    expect(approved).toMatchObject({ state: 'APPROVED', reportDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const issued = transitionValidation(pat.services.ctx, {
      validationId: validation.id,
      kind: 'ISSUE_REPORT',
      comment: 'Report sent to the Member.',
    });
    expect(issued).toMatchObject({ state: 'AWAITING_RESPONSE', reportSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(issued.reportSha256).not.toBe(getValidation(ctx.db, validation.id)?.contentSha256);
    expect((await pat.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    // HQ took it: the fingerprint it recomputes from the findings, decisions and report date it holds is the same.
    expect(issued.reportSha256).toBe(await reportShaAtHq(hq, validation.id));
    // The report the Member gets carries that same fingerprint on its cover.
    const memberReport = reportModelFor(pat.services.ctx, validation.id, { audience: 'MEMBER' });
    expect(memberReport.cover.reportFingerprint).toBe(issued.reportSha256);
    const reportDate = approved.reportDate as string;

    // ── The Member answers; one response not accepted, the next accepted: closed. ──
    await dana.pull();
    const awaiting = listMemberResponsesOf(ctx, validation.id);
    expect(awaiting).toMatchObject({
      state: 'AWAITING_RESPONSE',
      reportDate,
      dueDate: responseDueDate(reportDate, 90),
      canRecord: true,
    });
    // Finding B is a Recommendation now: finding A awaits an answer; B, listed after it, may be answered.
    expect(awaiting.findings.map((f) => [f.finding.id, f.finding.classification])).toEqual([
      [findingA.id, 'ACTION_REQUIRED'],
      [findingB.id, 'RECOMMENDATION'],
    ]);
    const file = await attachMemberResponseFile(
      ctx,
      {
        validationId: validation.id,
        findingId: findingA.id,
        fileName: 'login-policy-v2.png',
        mediaType: 'image/png',
        source: { kind: 'bytes', base64: (await makePng(64, 64, 3)).toString('base64') },
      },
      new PickedFileRegistry(),
    );
    const first = saveMemberResponse(ctx, {
      validationId: validation.id,
      findingId: findingA.id,
      receivedOn: reportDate,
      correctiveAction: 'Unique logins will be enforced next quarter.',
      evidenceSha256: [file.sha256],
    });
    expect(getWorklist(ctx, { list: 'RESPONSES' }).items.map((i) => [i.findingId, i.status])).toEqual([
      [findingA.id, 'AWAITING_ASSESSMENT'],
    ]);
    expect(
      assessMemberResponse(ctx, {
        validationId: validation.id,
        responseId: first.id,
        assessment: 'NOT_ACCEPTED',
        note: 'Enforce unique logins now and send the system setting screenshot.',
      }),
    ).toMatchObject({ closed: false, response: { assessedBy: { name: DANA.name, role: 'SCSS' } } });
    const second = saveMemberResponse(ctx, {
      validationId: validation.id,
      findingId: findingA.id,
      receivedOn: reportDate,
      correctiveAction: 'Unique logins enforced on T1–T4 since this week; screenshot attached.',
      evidenceSha256: [file.sha256],
    });
    const accepted = assessMemberResponse(ctx, {
      validationId: validation.id,
      responseId: second.id,
      assessment: 'ACCEPTED',
      note: '',
    });
    expect(accepted).toMatchObject({ closed: true, lifecycle: { state: 'CLOSED' } });
    expect(outboxKinds(dana).slice(-2)).toEqual(['member_response', 'workflow_event:CLOSE']);
    expect((await dana.sync()).push).toMatchObject({ remaining: 0 });

    // ── Closed on all three laptops after pull, with the whole history naming who did what. ──
    await sam.pull();
    await pat.pull();
    for (const laptop of [dana, sam, pat]) {
      const life = workflowHistory(laptop.services.ctx, validation.id);
      expect(life.state, laptop.name).toBe('CLOSED');
      expect(life.history.every((e) => e.sync === 'AT_HQ' || e.kind === 'SUBMIT' || e.kind === 'WITHDRAW')).toBe(true);
    }
    const kinds = historyKinds(sam, validation.id);
    expect(kinds.filter((k) => k !== 'SUBMIT')).toEqual([
      'START_REVIEW',
      'RETURN',
      'START_REVIEW',
      'APPROVE',
      'ISSUE_REPORT',
      'CLOSE',
    ]);
    const actors = workflowHistory(sam.services.ctx, validation.id).history.map((e) => `${e.kind}:${e.actor.name}`);
    expect(actors).toEqual(expect.arrayContaining(['RETURN:Sam Ortiz', 'APPROVE:Pat Nguyen', 'CLOSE:Dana Ruiz']));
    const closedResponses = listMemberResponsesOf(pat.services.ctx, validation.id).findings[0];
    expect(closedResponses).toMatchObject({ resolved: true });
    expect(closedResponses?.responses.map((r) => r.assessment)).toEqual(['NOT_ACCEPTED', 'ACCEPTED']);
  });

  it('a withdrawn and resubmitted validation: the reviewer’s copy follows each time', async () => {
    const dana = await enrol(DANA);
    const sam = await enrol(SAM);
    const { ctx } = dana.services;
    const { validation, finding } = buildCompleteValidation(dana.services, {
      member: addMember(dana),
      signer: DANA.name,
    });
    submitValidation(ctx, validation.id, 'Dana Ruiz');
    await dana.sync();
    await sam.pull();
    expect(getWorklist(sam.services.ctx, { list: 'REVIEW' }).items.map((i) => i.queue)).toEqual(['AWAITING_REVIEW']);

    reopenValidation(ctx, validation.id, 'The Member sent the signed policy after all.');
    expect((await dana.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    await sam.pull();
    expect(getWorklist(sam.services.ctx, { list: 'REVIEW' }).items).toEqual([]);
    const withdrawn = workflowHistory(sam.services.ctx, validation.id);
    expect(withdrawn.state).toBe('IN_PROGRESS');
    expect(withdrawn.history.map((e) => `${e.kind}:${e.actor.name}`)).toEqual([
      'SUBMIT:Dana Ruiz',
      'WITHDRAW:Dana Ruiz',
    ]);
    refusedWith(
      () =>
        saveFindingReview(sam.services.ctx, {
          validationId: validation.id,
          findingId: finding.id,
          decision: 'CONCUR',
          comment: '',
        }),
      'CONFLICT',
      /reopened by its SCSS/,
    );

    saveResponse(ctx, { validationId: validation.id, criterionId: '4.1', notes: 'Signed policy received.' });
    submitValidation(ctx, validation.id, 'Dana Ruiz');
    expect((await dana.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    await sam.pull();
    expect(getWorklist(sam.services.ctx, { list: 'REVIEW' }).items.map((i) => [i.queue, i.state])).toEqual([
      ['AWAITING_REVIEW', 'SUBMITTED'],
    ]);
    expect(historyKinds(sam, validation.id)).toEqual(['SUBMIT', 'WITHDRAW', 'SUBMIT']);
    // The SCSS's own history is HQ's now: the entries made here were replaced by HQ's, not doubled.
    expect(historyKinds(dana, validation.id)).toEqual(['SUBMIT', 'WITHDRAW', 'SUBMIT']);
    expect(workflowHistory(ctx, validation.id).history.every((e) => e.sync === 'AT_HQ')).toBe(true);
  });

  it('keeps a demo Member’s validation on the laptop: nothing of it is queued, pushed or held at HQ', async () => {
    const dana = await enrol(DANA);
    const { ctx } = dana.services;
    const demo = listMembers(ctx.db).find((m) => m.accountNumber.startsWith('DEMO-') && m.entityType === 'IMP');
    if (!demo) throw new Error('no demo importer');
    const { validation } = buildCompleteValidation(dana.services, { member: demo, signer: DANA.name });
    submitValidation(ctx, validation.id, 'Dana Ruiz');
    const real = createValidation(ctx, {
      memberId: addMember(dana).id,
      entityType: 'IMP',
      mode: 'IN_PERSON',
      scheduledDate: '2026-03-20',
    });
    expect(listOutbox(ctx.db, 10_000).map((r) => r.entityId)).toEqual([real.id]);
    expect(
      listValidationSummaries(ctx, {})
        .map((v) => [v.id, v.demo])
        .sort(),
    ).toEqual(
      [
        [validation.id, true],
        [real.id, false],
      ].sort(),
    );
    expect(openWorksheet(ctx, validation.id).lifecycle).toMatchObject({ demo: true, state: 'SUBMITTED' });
    await dana.sync();
    const held = await hq.db.query<{ id: string }>('SELECT id FROM validations');
    expect(held.map((v) => v.id)).toEqual([real.id]);
  });
});
