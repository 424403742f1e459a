import { describe, expect, it } from 'vitest';
import { listAuditForEntity, verifyAuditChain } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { listOutbox } from '../../db/outbox';
import type { AppServices } from '../../electron/services/app-services';
import { attachEvidence, PickedFileRegistry } from '../../electron/services/evidence-service';
import { deleteFinding, saveFinding, saveObservation, saveSite } from '../../electron/services/field-work-service';
import { saveChecklist } from '../../electron/services/inspection-service';
import { saveResponse } from '../../electron/services/response-service';
import {
  checkCompleteness,
  fingerprintOf,
  reopenValidation,
  submitValidation,
  verifySubmittedFingerprint,
} from '../../electron/services/submission-service';
import { loadValidationContent, type ValidationContent } from '../../electron/services/validation-content';
import { openWorksheet } from '../../electron/services/validation-service';
import type { Evidence } from '../../shared/domain/field-work';
import { fingerprintContent } from '../../shared/domain/fingerprint';
import type { Validation } from '../../shared/domain/validation';
import type { ErrorCode } from '../../shared/ipc/envelope';
import { makePng } from '../unit/evidence-fixtures';
import { expectAppError } from './app-error';
import { type BuildCompleteOptions, buildCompleteValidation, importers, newValidation } from './complete-validation';
import { appServicesFixture } from './services-fixture';

const ACTOR = 'test.scss';
const SIGNER = 'Dana Ruiz';
const REOPEN_REASON = 'The Member sent its revised seal procedure after the exit meeting.';

const { open, close, nextTime } = appServicesFixture('ctpat-submission-test-');
const buildComplete = (s: AppServices, opts: BuildCompleteOptions = {}) =>
  buildCompleteValidation(s, { signer: SIGNER, ...opts });

function counts(db: Db) {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    responses: n('criterion_responses'),
    findings: n('findings'),
    sites: n('sites'),
    audit: n('audit_log'),
    outbox: n('sync_outbox'),
  };
}

function expectRefused(s: AppServices, fn: () => unknown, code: ErrorCode, message?: RegExp): void {
  const before = counts(s.ctx.db);
  expectAppError(fn, code, message);
  expect(counts(s.ctx.db)).toEqual(before);
}

const codes = (problems: ReadonlyArray<{ code: string; criterionId: string | null }>) =>
  problems.map((p) => [p.criterionId, p.code]);

describe('checkCompleteness', () => {
  it('lists every criterion of a fresh validation as unanswered, in worksheet order, and warns of no sites', () => {
    const s = open();
    const validation = newValidation(s);
    const { criteria } = openWorksheet(s.ctx, validation.id);
    const report = checkCompleteness(s.ctx, validation.id);
    expect(report.ready).toBe(false);
    expect(report.errors).toHaveLength(93);
    expect(codes(report.errors)).toEqual(criteria.map((c) => [c.id, 'UNANSWERED']));
    expect(report.errors[0]).toMatchObject({ severity: 'error', category: 1, message: '1.1 has no result.' });
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'NO_SITES', criterionId: null })]);
  });

  it('reports each kind of gap with its criterion, in worksheet order', () => {
    const s = open();
    const { validation, naId } = buildComplete(s);
    expect(checkCompleteness(s.ctx, validation.id).ready).toBe(true);
    const id = validation.id;
    // A Must criterion Not applicable with only blanks for a justification.
    saveResponse(s.ctx, { validationId: id, criterionId: naId, naJustification: '   ' });
    // A Should criterion Not applicable needs no justification; a Must + Should one does.
    saveResponse(s.ctx, { validationId: id, criterionId: '1.1', result: 'NOT_APPLICABLE' });
    saveResponse(s.ctx, { validationId: id, criterionId: '2.2', result: 'NOT_APPLICABLE' });
    // The finding on 4.1 loses its reason, due date and description.
    saveFinding(s.ctx, {
      validationId: id,
      criterionId: '4.1',
      classification: 'ACTION_REQUIRED',
      reasonCode: null,
      description: ' ',
      dueDate: null,
    });
    // Deficient without a finding; an Action Required finding left on a Compliant criterion.
    saveResponse(s.ctx, { validationId: id, criterionId: '4.2', result: 'DEFICIENT' });
    saveFinding(s.ctx, {
      validationId: id,
      criterionId: '4.3',
      classification: 'ACTION_REQUIRED',
      reasonCode: 'OTHER',
      description: 'Left over',
      dueDate: '2026-06-08',
    });

    const report = checkCompleteness(s.ctx, id);
    expect(report.ready).toBe(false);
    expect(naId).toBe('1.3');
    expect(codes(report.errors)).toEqual([
      ['1.3', 'MUST_NA_WITHOUT_JUSTIFICATION'],
      ['2.2', 'MUST_NA_WITHOUT_JUSTIFICATION'],
      ['4.1', 'FINDING_WITHOUT_REASON'],
      ['4.1', 'FINDING_WITHOUT_DUE_DATE'],
      ['4.1', 'FINDING_WITHOUT_DESCRIPTION'],
      ['4.2', 'DEFICIENT_WITHOUT_FINDING'],
      ['4.3', 'FINDING_ON_NON_DEFICIENT'],
    ]);
    expect(report.errors.find((p) => p.criterionId === '4.3')).toMatchObject({ category: 4 });
    // Not applicable needs no verification method, so 1.1 raises nothing at all.
    expect([...report.errors, ...report.warnings].some((p) => p.criterionId === '1.1')).toBe(false);

    const before = counts(s.ctx.db);
    expectAppError(
      () => submitValidation(s.ctx, id, SIGNER),
      'BAD_REQUEST',
      /7 problems to fix \(1\.3 is a Must criterion marked Not applicable without a justification\..*Nothing was submitted/,
    );
    expect(counts(s.ctx.db)).toEqual(before);

    // Removing the stray finding clears that one error.
    deleteFinding(s.ctx, id, '4.3');
    expect(codes(checkCompleteness(s.ctx, id).errors)).not.toContainEqual(['4.3', 'FINDING_ON_NON_DEFICIENT']);
  });

  it('removing a finding tells HQ its evidence now stays with the criterion, so HQ holds what the laptop signs', async () => {
    const s = open();
    const { validation, deficientId } = buildComplete(s);
    const finding = openWorksheet(s.ctx, validation.id).findings.find((f) => f.criterionId === deficientId);
    const evidence = await attachEvidence(
      s.ctx,
      {
        validationId: validation.id,
        criterionId: deficientId,
        findingId: finding?.id ?? null,
        fileName: 'shared-login.png',
        mediaType: 'image/png',
        caption: 'One login on every terminal',
        source: { kind: 'bytes', base64: (await makePng(32, 24)).toString('base64') },
      },
      new PickedFileRegistry(),
    );
    expect(evidence.findingId).toBe(finding?.id);

    deleteFinding(s.ctx, validation.id, deficientId);
    const queued = listOutbox(s.ctx.db, 10_000).filter((r) => r.entity === 'evidence' && r.entityId === evidence.id);
    expect(queued.map((r) => (r.payload as Evidence).findingId)).toEqual([finding?.id, null]);
    // The last copy HQ is sent is the one the laptop fingerprints at submit.
    const held = loadValidationContent(s.ctx, validation).evidence.find((e) => e.id === evidence.id);
    expect(held?.findingId).toBeNull();
    expect(queued.at(-1)?.payload).toEqual(held);
    expect(listAuditForEntity(s.ctx.db, 'evidence', evidence.id).map((a) => a.action)).toEqual([
      'evidence.attach',
      'evidence.update',
    ]);
  });

  it('in a virtual validation, a Compliant criterion with no evidence is a warning, not an error', async () => {
    const s = open();
    const { validation, criteria, deficientId, naId } = buildComplete(s, { mode: 'VIRTUAL' });
    const compliant = criteria.map((c) => c.id).filter((cid) => cid !== deficientId && cid !== naId);

    const report = checkCompleteness(s.ctx, validation.id);
    expect(report.ready).toBe(true);
    expect(report.errors).toEqual([]);
    const noEvidence = report.warnings.filter((w) => w.code === 'VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE');
    expect(noEvidence.map((w) => w.criterionId)).toEqual(compliant);
    expect(noEvidence[0]).toMatchObject({ severity: 'warning', criterionId: '1.1' });

    // A screenshot attached to 1.1 clears its warning and no other.
    await attachEvidence(
      s.ctx,
      {
        validationId: validation.id,
        criterionId: '1.1',
        findingId: null,
        fileName: 'org-chart.png',
        mediaType: 'image/png',
        caption: 'Shared on screen',
        source: { kind: 'bytes', base64: (await makePng(32, 24)).toString('base64') },
      },
      new PickedFileRegistry(),
    );
    const after = checkCompleteness(s.ctx, validation.id).warnings.filter(
      (w) => w.code === 'VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE',
    );
    expect(after.map((w) => w.criterionId)).toEqual(compliant.filter((cid) => cid !== '1.1'));

    // Warnings do not block submission.
    expect(submitValidation(s.ctx, validation.id, SIGNER).status).toBe('SUBMITTED');
  });
});

describe('a Compliant criterion whose own inspection failed an item', () => {
  /** Fails the floor of 5.3's recorded container inspection, with the given note on that item. */
  function failFloorOf53(s: AppServices, validationId: string, note: string) {
    const recorded = loadValidationContent(s.ctx, openWorksheet(s.ctx, validationId).validation).checklists.find(
      (c) => c.criterionId === '5.3',
    );
    if (!recorded) throw new Error('expected the complete validation to record a 5.3 inspection');
    saveChecklist(s.ctx, {
      validationId,
      id: recorded.id,
      criterionId: '5.3',
      kind: recorded.kind,
      label: recorded.label,
      refrigerated: recorded.refrigerated,
      items: recorded.items.map((item) => (item.key === 'floor' ? { ...item, status: 'FAIL', note } : item)),
    });
  }

  it('blocks submission (the service enforces it, not only the screen) until the failure is explained', () => {
    const s = open();
    const { validation } = buildComplete(s);
    failFloorOf53(s, validation.id, '');

    const report = checkCompleteness(s.ctx, validation.id);
    expect(codes(report.errors)).toEqual([['5.3', 'CHECKLIST_FAILED_ON_COMPLIANT']]);
    expect(report.errors[0]).toMatchObject({ severity: 'error', category: 5 });
    expectRefused(
      s,
      () => submitValidation(s.ctx, validation.id, SIGNER),
      'BAD_REQUEST',
      /not complete: 1 problem to fix \(5\.3 is marked Compliant but its 7-point container inspection .* failed an item \(Floor\)/,
    );

    // Writing why on the failed item resolves it: the SCSS decided 5.3 is still met.
    failFloorOf53(
      s,
      validation.id,
      'Damaged floor found; the Member rejected the container as its procedure requires.',
    );
    expect(checkCompleteness(s.ctx, validation.id).ready).toBe(true);
    expect(submitValidation(s.ctx, validation.id, SIGNER).status).toBe('SUBMITTED');
  });

  it('is resolved as well by changing the result: a Deficient 5.3 with a failed item is not flagged', () => {
    const s = open();
    const { validation } = buildComplete(s);
    failFloorOf53(s, validation.id, '');
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '5.3', result: 'DEFICIENT' });
    const report = checkCompleteness(s.ctx, validation.id);
    expect(report.errors.map((p) => p.code)).not.toContain('CHECKLIST_FAILED_ON_COMPLIANT');
    expect(codes(report.errors)).toEqual([['5.3', 'DEFICIENT_WITHOUT_FINDING']]);
  });
});

describe('submitValidation', () => {
  it('refuses an incomplete validation, counting its problems, and changes nothing', () => {
    const s = open();
    const validation = newValidation(s);
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '1.1', result: 'COMPLIANT' });
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', result: 'DEFICIENT' });
    const before = counts(s.ctx.db);
    const worksheetBefore = openWorksheet(s.ctx, validation.id);

    // 91 unanswered criteria, and 4.1 Deficient without a finding.
    expectAppError(
      () => submitValidation(s.ctx, validation.id, SIGNER),
      'BAD_REQUEST',
      /^The validation is not complete: 92 problems to fix \(1\.2 has no result\. 1\.3 has no result\. 1\.4 has no result\. …\)\. Nothing was submitted\.$/,
    );
    expect(counts(s.ctx.db)).toEqual(before);
    const worksheetAfter = openWorksheet(s.ctx, validation.id);
    expect(worksheetAfter).toEqual(worksheetBefore);
    expect(worksheetAfter.validation).toMatchObject({
      status: 'IN_PROGRESS',
      submittedAt: null,
      submittedBy: null,
      signedByName: null,
      contentSha256: null,
    });
  });

  it('submits a complete validation: locked, signed, fingerprinted, audited and queued for HQ', () => {
    const s = open();
    const { validation } = buildComplete(s);
    const report = checkCompleteness(s.ctx, validation.id);
    expect(report).toEqual({ ready: true, errors: [], warnings: [] });
    const before = counts(s.ctx.db);
    const expectedAt = nextTime();

    const submitted = submitValidation(s.ctx, validation.id, SIGNER);

    expect(submitted).toMatchObject({
      id: validation.id,
      status: 'SUBMITTED',
      signedByName: SIGNER,
      submittedBy: ACTOR,
      submittedAt: expectedAt,
      updatedAt: expectedAt,
    });
    expect(submitted.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const check = verifySubmittedFingerprint(s.ctx, validation.id);
    expect(check).toEqual({ matches: true, stored: submitted.contentSha256, actual: submitted.contentSha256 });
    expect(fingerprintOf(loadValidationContent(s.ctx, submitted))).toBe(submitted.contentSha256);

    expect(counts(s.ctx.db)).toEqual({ ...before, audit: before.audit + 1, outbox: before.outbox + 1 });
    expect(listAuditForEntity(s.ctx.db, 'validation', validation.id).at(-1)).toMatchObject({
      action: 'validation.submit',
      actor: ACTOR,
      at: expectedAt,
      before: expect.objectContaining({ status: 'IN_PROGRESS', contentSha256: null }),
      after: submitted,
    });
    expect(listOutbox(s.ctx.db, 10_000).at(-1)).toMatchObject({
      entity: 'validation',
      entityId: validation.id,
      operation: 'submit',
      payload: {
        validationId: validation.id,
        submittedAt: expectedAt,
        submittedBy: ACTOR,
        signedByName: SIGNER,
        contentSha256: submitted.contentSha256,
      },
    });

    // The submission survives a restart, and the fingerprint still matches.
    close();
    const again = open();
    expect(openWorksheet(again.ctx, validation.id).validation).toEqual(submitted);
    expect(verifySubmittedFingerprint(again.ctx, validation.id).matches).toBe(true);
    expect(verifyAuditChain(again.ctx.db).ok).toBe(true);
  });

  it('locks the worksheet: every change and a second submit are LOCKED, and nothing is written', () => {
    const s = open();
    const { validation, site } = buildComplete(s);
    const submitted = submitValidation(s.ctx, validation.id, SIGNER);
    const id = validation.id;
    expectRefused(s, () => saveResponse(s.ctx, { validationId: id, criterionId: '1.1', notes: 'late' }), 'LOCKED');
    expectRefused(
      s,
      () => saveResponse(s.ctx, { validationId: id, criterionId: '4.1', result: 'COMPLIANT' }),
      'LOCKED',
      /submitted and is locked/,
    );
    expectRefused(
      s,
      () =>
        saveFinding(s.ctx, {
          validationId: id,
          criterionId: '4.1',
          classification: 'RECOMMENDATION',
          reasonCode: 'OTHER',
          description: 'softened',
          dueDate: '2027-01-01',
        }),
      'LOCKED',
    );
    expectRefused(s, () => deleteFinding(s.ctx, id, '4.1'), 'LOCKED');
    expectRefused(
      s,
      () =>
        saveSite(s.ctx, { validationId: id, id: site.id, name: 'x', address: '', siteType: 'OTHER', visitDate: null }),
      'LOCKED',
    );
    expectRefused(s, () => saveObservation(s.ctx, { validationId: id, category: 3, text: 'late' }), 'LOCKED');
    expectRefused(s, () => submitValidation(s.ctx, id, 'Someone Else'), 'LOCKED', /already submitted/);
    expect(openWorksheet(s.ctx, id).validation).toEqual(submitted);
    expect(verifySubmittedFingerprint(s.ctx, id).matches).toBe(true);
  });
});

describe('tamper evidence', () => {
  it('a response edited behind the app no longer matches the submitted fingerprint', () => {
    const s = open();
    const { validation } = buildComplete(s);
    const submitted = submitValidation(s.ctx, validation.id, SIGNER);
    s.ctx.db
      .prepare("UPDATE criterion_responses SET notes = 'All fine' WHERE validation_id = ? AND criterion_id = '4.1'")
      .run(validation.id);
    const check = verifySubmittedFingerprint(s.ctx, validation.id);
    expect(check.matches).toBe(false);
    expect(check.stored).toBe(submitted.contentSha256);
    expect(check.actual).toMatch(/^[0-9a-f]{64}$/);
    expect(check.actual).not.toBe(submitted.contentSha256);
  });

  it("a finding's due date moved behind the app no longer matches either", () => {
    const s = open();
    const { validation } = buildComplete(s);
    submitValidation(s.ctx, validation.id, SIGNER);
    s.ctx.db.prepare("UPDATE findings SET due_date = '2027-06-08' WHERE validation_id = ?").run(validation.id);
    expect(verifySubmittedFingerprint(s.ctx, validation.id).matches).toBe(false);
  });

  it('an edited audit row of the submission breaks the audit chain at that row', () => {
    const s = open();
    const { validation } = buildComplete(s);
    submitValidation(s.ctx, validation.id, SIGNER);
    expect(verifyAuditChain(s.ctx.db).ok).toBe(true);
    const { seq } = s.ctx.db
      .prepare("SELECT seq FROM audit_log WHERE action = 'validation.submit' AND entity_id = ?")
      .get(validation.id) as { seq: number };
    s.ctx.db
      .prepare("UPDATE audit_log SET after_json = replace(after_json, 'Dana Ruiz', 'Someone Else') WHERE seq = ?")
      .run(seq);
    expect(verifyAuditChain(s.ctx.db)).toMatchObject({ ok: false, brokenAtSeq: seq });
  });
});

describe('the fingerprint', () => {
  /** The same few answers, site, finding and observation on a new validation of the same Member. */
  function recordSameContent(
    s: AppServices,
    validation: Validation,
    methods: Array<'INTERVIEW' | 'DOCUMENT_REVIEWED'>,
  ) {
    const id = validation.id;
    const site = saveSite(s.ctx, {
      validationId: id,
      name: 'Main office',
      address: '1 Main St, Houston, TX',
      siteType: 'MAIN_OFFICE',
      visitDate: '2026-03-10',
    });
    saveResponse(s.ctx, { validationId: id, criterionId: '1.1', result: 'COMPLIANT', verificationMethods: methods });
    saveResponse(s.ctx, {
      validationId: id,
      criterionId: '4.1',
      result: 'DEFICIENT',
      notes: 'Shared logins',
      siteId: site.id,
      verificationMethods: ['INTERVIEW'],
    });
    const finding = saveFinding(s.ctx, {
      validationId: id,
      criterionId: '4.1',
      classification: 'ACTION_REQUIRED',
      reasonCode: 'NOT_IMPLEMENTED',
      description: 'No unique logins',
      dueDate: '2026-06-08',
    });
    const observation = saveObservation(s.ctx, { validationId: id, category: 12, text: 'Monthly phishing drills' });
    return { site, finding, observation };
  }

  it('depends only on what was recorded: two identical validations differ only by their ids', () => {
    const s = open();
    const a = newValidation(s);
    const b = newValidation(s);
    const recordedA = recordSameContent(s, a, ['INTERVIEW', 'DOCUMENT_REVIEWED']);
    const recordedB = recordSameContent(s, b, ['DOCUMENT_REVIEWED', 'INTERVIEW']);
    // b gets more saves (higher versions, later timestamps) that end with the same content.
    saveResponse(s.ctx, { validationId: b.id, criterionId: '1.1', notes: 'draft thought' });
    saveResponse(s.ctx, { validationId: b.id, criterionId: '1.1', notes: '' });
    const { validationId, criterionId, classification, reasonCode, description, dueDate } = recordedB.finding;
    saveFinding(s.ctx, { validationId, criterionId, classification, reasonCode, description, dueDate });

    const contentA = loadValidationContent(s.ctx, openWorksheet(s.ctx, a.id).validation);
    const contentB = loadValidationContent(s.ctx, openWorksheet(s.ctx, b.id).validation);
    expect(contentB.responses.find((r) => r.criterionId === '1.1')?.version).toBe(3);
    expect(contentA.responses.find((r) => r.criterionId === '1.1')?.version).toBe(1);
    expect(contentB.findings[0]?.version).toBe(2);

    const textA = fingerprintContent(contentA);
    const textB = fingerprintContent(contentB);
    expect(textB).not.toBe(textA);
    const idsOfB: Array<[string, string]> = [
      [b.id, a.id],
      [recordedB.site.id, recordedA.site.id],
      [recordedB.finding.id, recordedA.finding.id],
      [recordedB.observation.id, recordedA.observation.id],
    ];
    const renamed = idsOfB.reduce((text, [from, to]) => text.replaceAll(from, to), textB);
    expect(renamed).toBe(textA);
  });

  it('ignores timestamps and version counters but changes with a note, a result, an evidence hash or a due date', () => {
    const s = open();
    const validation = newValidation(s);
    recordSameContent(s, validation, ['INTERVIEW']);
    const loaded = loadValidationContent(s.ctx, openWorksheet(s.ctx, validation.id).validation);
    const photo: Evidence = {
      id: '55555555-5555-4555-8555-555555555555',
      validationId: validation.id,
      criterionId: '4.1',
      findingId: null,
      sha256: 'a'.repeat(64),
      fileName: 'terminal.jpg',
      mediaType: 'image/jpeg',
      sizeBytes: 2048,
      caption: 'Sticky note with the shared password',
      observedRemotely: false,
      hasThumbnail: true,
      createdAt: '2026-03-02T14:05:00.000Z',
    };
    const base: ValidationContent = { ...loaded, evidence: [photo] };
    const text = fingerprintContent(base);

    const edit = (change: (c: ValidationContent) => ValidationContent) =>
      fingerprintContent(change(structuredClone(base)));
    const mapResponse = (
      c: ValidationContent,
      criterionId: string,
      f: (r: ValidationContent['responses'][0]) => object,
    ) => ({
      ...c,
      responses: c.responses.map((r) => (r.criterionId === criterionId ? { ...r, ...f(r) } : r)),
    });

    // Not content: when and how often things were saved, and where the validation stands.
    expect(
      edit((c) => mapResponse(c, '4.1', (r) => ({ updatedAt: '2030-01-01T00:00:00.000Z', version: r.version + 5 }))),
    ).toBe(text);
    expect(edit((c) => mapResponse(c, '4.1', () => ({ updatedBy: 'someone.else' })))).toBe(text);
    expect(
      edit((c) => ({
        ...c,
        findings: c.findings.map((f) => ({ ...f, version: 9, updatedAt: '2030-01-01T00:00:00.000Z' })),
      })),
    ).toBe(text);
    expect(edit((c) => ({ ...c, sites: c.sites.map((x) => ({ ...x, updatedAt: '2030-01-01T00:00:00.000Z' })) }))).toBe(
      text,
    );
    expect(
      edit((c) => ({ ...c, evidence: c.evidence.map((e) => ({ ...e, createdAt: '2030-01-01T00:00:00.000Z' })) })),
    ).toBe(text);
    expect(
      edit((c) => ({
        ...c,
        validation: { ...c.validation, status: 'SUBMITTED', updatedAt: '2030-01-01T00:00:00.000Z' },
      })),
    ).toBe(text);
    // The order rows come back in does not matter either.
    expect(edit((c) => ({ ...c, responses: [...c.responses].reverse() }))).toBe(text);

    // Content: any of these is a different submission.
    expect(edit((c) => mapResponse(c, '4.1', () => ({ notes: 'Shared logins!' })))).not.toBe(text);
    expect(edit((c) => mapResponse(c, '4.1', () => ({ result: 'COMPLIANT' })))).not.toBe(text);
    expect(edit((c) => ({ ...c, evidence: c.evidence.map((e) => ({ ...e, sha256: 'b'.repeat(64) })) }))).not.toBe(text);
    expect(edit((c) => ({ ...c, findings: c.findings.map((f) => ({ ...f, dueDate: '2026-06-09' })) }))).not.toBe(text);
    expect(fingerprintOf(base)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('reopenValidation', () => {
  it('refuses to reopen a validation that is not submitted (CONFLICT), writing nothing', () => {
    const s = open();
    const validation = newValidation(s);
    expectRefused(s, () => reopenValidation(s.ctx, validation.id, REOPEN_REASON), 'CONFLICT', /Only a submitted/);
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '1.1', result: 'COMPLIANT' });
    expectRefused(s, () => reopenValidation(s.ctx, validation.id, REOPEN_REASON), 'CONFLICT');
    expect(openWorksheet(s.ctx, validation.id).validation).toMatchObject({ status: 'IN_PROGRESS', reopenedAt: null });
  });

  it('unlocks with a reason: signature and fingerprint cleared, the reason audited, answers editable again', () => {
    const s = open();
    const { validation } = buildComplete(s);
    const submitted = submitValidation(s.ctx, validation.id, SIGNER);
    const before = counts(s.ctx.db);
    const expectedAt = nextTime();

    const reopened = reopenValidation(s.ctx, validation.id, REOPEN_REASON);

    expect(reopened).toMatchObject({
      status: 'IN_PROGRESS',
      submittedAt: null,
      submittedBy: null,
      signedByName: null,
      contentSha256: null,
      reopenedAt: expectedAt,
      reopenReason: REOPEN_REASON,
    });
    expect(counts(s.ctx.db)).toEqual({ ...before, audit: before.audit + 1, outbox: before.outbox + 1 });
    // The audit log keeps the earlier signature and fingerprint next to the reason.
    expect(listAuditForEntity(s.ctx.db, 'validation', validation.id).at(-1)).toMatchObject({
      action: 'validation.reopen',
      actor: ACTOR,
      before: submitted,
      after: expect.objectContaining({ reopenReason: REOPEN_REASON, signedByName: null }),
    });
    expect(listOutbox(s.ctx.db, 10_000).at(-1)).toMatchObject({
      operation: 'reopen',
      payload: { validationId: validation.id, reason: REOPEN_REASON, reopenedAt: expectedAt },
    });
    expect(verifySubmittedFingerprint(s.ctx, validation.id)).toMatchObject({ matches: false, stored: null });

    // Answers can be saved again, and a second submission fingerprints the new content.
    const edited = saveResponse(s.ctx, {
      validationId: validation.id,
      criterionId: '4.1',
      notes: 'Shared logins; revised procedure received.',
    });
    expect(edited.notes).toBe('Shared logins; revised procedure received.');
    const resubmitted = submitValidation(s.ctx, validation.id, SIGNER);
    expect(resubmitted.status).toBe('SUBMITTED');
    expect(resubmitted.contentSha256).not.toBe(submitted.contentSha256);
    expect(resubmitted.reopenReason).toBe(REOPEN_REASON);
    expect(verifySubmittedFingerprint(s.ctx, validation.id).matches).toBe(true);
    expect(verifyAuditChain(s.ctx.db).ok).toBe(true);
  });
});

describe('revalidation', () => {
  it("shows each criterion's result from the Member's previous submitted validation, and none for another Member", () => {
    const s = open();
    const [member, otherMember] = importers(s);
    const earlier = buildComplete(s, { member, scheduledDate: '2022-05-01', deficientId: '4.1' });
    submitValidation(s.ctx, earlier.validation.id, SIGNER);
    // A later validation that was never submitted is not a previous result.
    const abandoned = newValidation(s, { member, scheduledDate: '2024-05-01' });
    saveResponse(s.ctx, { validationId: abandoned.id, criterionId: '4.1', result: 'COMPLIANT' });

    const current = newValidation(s, { member, scheduledDate: '2026-05-01' });
    const previous = openWorksheet(s.ctx, current.id).previousResults;
    expect(previous).toHaveLength(earlier.criteria.length);
    expect(previous).toContainEqual({
      criterionId: '4.1',
      result: 'DEFICIENT',
      validationId: earlier.validation.id,
      scheduledDate: '2022-05-01',
    });
    expect(previous.find((p) => p.criterionId === earlier.naId)?.result).toBe('NOT_APPLICABLE');
    expect(previous.filter((p) => p.result === 'COMPLIANT')).toHaveLength(earlier.criteria.length - 2);
    expect(new Set(previous.map((p) => p.validationId))).toEqual(new Set([earlier.validation.id]));

    const stranger = newValidation(s, { member: otherMember, scheduledDate: '2026-05-01' });
    expect(openWorksheet(s.ctx, stranger.id).previousResults).toEqual([]);
    // The first validation had nothing before it.
    expect(openWorksheet(s.ctx, earlier.validation.id).previousResults).toEqual([]);
  });
});

describe('the language the worksheet was shown in', () => {
  it('is recorded with the signature and sent to HQ, and the fingerprint does not depend on it', () => {
    const s = open();
    const { validation } = buildComplete(s);
    const content = loadValidationContent(s.ctx, openWorksheet(s.ctx, validation.id).validation);
    const submitted = submitValidation(s.ctx, validation.id, SIGNER, 'es');
    // The signed fingerprint is the content's, whatever language the SCSS read it in.
    expect(submitted.contentSha256).toBe(fingerprintOf(content));
    const row = s.ctx.db.prepare('SELECT worksheet_language FROM validations WHERE id = ?').get(validation.id) as {
      worksheet_language: string | null;
    };
    expect(row.worksheet_language).toBe('es');
    expect(listOutbox(s.ctx.db, 10_000).at(-1)).toMatchObject({
      operation: 'submit',
      payload: { validationId: validation.id, signedByName: SIGNER, worksheetLanguage: 'es' },
    });

    // Reopening clears it with the signature; the next signing records its own.
    reopenValidation(s.ctx, validation.id, REOPEN_REASON);
    const reopened = s.ctx.db.prepare('SELECT worksheet_language FROM validations WHERE id = ?').get(validation.id) as {
      worksheet_language: string | null;
    };
    expect(reopened.worksheet_language).toBeNull();
    expect(submitValidation(s.ctx, validation.id, SIGNER).contentSha256).toBe(fingerprintOf(content));
    const row2 = s.ctx.db.prepare('SELECT worksheet_language FROM validations WHERE id = ?').get(validation.id) as {
      worksheet_language: string | null;
    };
    expect(row2.worksheet_language).toBe('en');
  });
});
