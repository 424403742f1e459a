import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuditForEntity, verifyAuditChain } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { listOutbox } from '../../db/outbox';
import { listCatalogEditionIds } from '../../db/queries/catalog-editions';
import { listMembers } from '../../db/queries/members';
import type { AppServices } from '../../electron/services/app-services';
import { saveResponse } from '../../electron/services/response-service';
import { createValidation, listValidationSummaries, openWorksheet } from '../../electron/services/validation-service';
import type { Member, Validation } from '../../shared/domain/validation';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { expectAppError } from './app-error';
import { appServicesFixture } from './services-fixture';

const MISSING_ID = 'ffffffff-ffff-4fff-8fff-ffffffffffff';

const { open, close, dataDir } = appServicesFixture('ctpat-services-test-');

function counts(db: Db) {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    responses: n('criterion_responses'),
    audit: n('audit_log'),
    outbox: n('sync_outbox'),
    validations: n('validations'),
  };
}

function memberOfType(s: AppServices, type: Member['entityType']): Member {
  const member = listMembers(s.ctx.db).find((m) => m.entityType === type);
  if (!member) throw new Error(`no demo member of type ${type}`);
  return member;
}

function newValidation(
  s: AppServices,
  member: Member,
  overrides: Partial<ParsedRequestOf<'validations:create'>> = {},
): Validation {
  return createValidation(s.ctx, {
    memberId: member.id,
    entityType: member.entityType,
    mode: 'IN_PERSON',
    scheduledDate: '2026-03-10',
    ...overrides,
  });
}

describe('first run of a data folder', () => {
  it('creates the store, installs MSC-2019-11 and seeds five demo Members (audited, not queued for HQ)', () => {
    const s = open();
    expect(fs.existsSync(path.join(dataDir(), 'ctpat-validator.sqlite3'))).toBe(true);
    expect(listCatalogEditionIds(s.ctx.db)).toEqual(['MSC-2019-11']);
    const members = listMembers(s.ctx.db);
    expect(members).toHaveLength(5);
    expect(new Set(members.map((m) => m.entityType))).toEqual(new Set(['IMP', 'HC', 'FM']));
    expect(counts(s.ctx.db)).toMatchObject({ audit: 5, outbox: 0, validations: 0 });
    const [first] = members;
    expect(first?.createdAt).toMatch(/^2026-03-02T14:00:0\d\.000Z$/); // from the injected clock
    expect(listAuditForEntity(s.ctx.db, 'member', first?.id ?? '')).toEqual([
      expect.objectContaining({ action: 'member.seed-demo', actor: 'test.scss', at: first?.createdAt, after: first }),
    ]);
  });

  it('does not seed or install again on the next start', () => {
    const ids = listMembers(open().ctx.db).map((m) => m.id);
    close();
    const s = open();
    expect(listMembers(s.ctx.db).map((m) => m.id)).toEqual(ids);
    expect(listCatalogEditionIds(s.ctx.db)).toEqual(['MSC-2019-11']);
    expect(counts(s.ctx.db).audit).toBe(5);
  });

  it('can start without demo data', () => {
    const s = open({ seedDemoData: false });
    expect(listMembers(s.ctx.db)).toEqual([]);
    expect(listCatalogEditionIds(s.ctx.db)).toEqual(['MSC-2019-11']);
  });
});

describe('createValidation', () => {
  it('pins the current catalog edition and writes one audit row and one outbox row', () => {
    const s = open();
    const member = memberOfType(s, 'IMP');
    const before = counts(s.ctx.db);
    const validation = newValidation(s, member, { mode: 'VIRTUAL' });
    expect(validation).toMatchObject({
      memberId: member.id,
      entityType: 'IMP',
      mode: 'VIRTUAL',
      catalogEditionId: 'MSC-2019-11',
      status: 'DRAFT',
      scheduledDate: '2026-03-10',
      submittedAt: null,
    });
    expect(counts(s.ctx.db)).toEqual({ ...before, validations: 1, audit: before.audit + 1, outbox: 1 });
    expect(listAuditForEntity(s.ctx.db, 'validation', validation.id)).toEqual([
      expect.objectContaining({ action: 'validation.create', actor: 'test.scss', before: null, after: validation }),
    ]);
    expect(listOutbox(s.ctx.db)).toEqual([
      expect.objectContaining({
        entity: 'validation',
        entityId: validation.id,
        operation: 'create',
        // HQ and reviewers name the company from this snapshot.
        payload: { ...validation, member: expect.objectContaining({ legalName: expect.any(String) }) },
      }),
    ]);
    expect(openWorksheet(s.ctx, validation.id).edition.id).toBe('MSC-2019-11');
  });

  it('refuses an unknown Member (NOT_FOUND) and an entity type no installed catalog covers (BAD_REQUEST)', () => {
    const s = open();
    const before = counts(s.ctx.db);
    expectAppError(
      () =>
        createValidation(s.ctx, {
          memberId: MISSING_ID,
          entityType: 'IMP',
          mode: 'IN_PERSON',
          scheduledDate: '2026-03-10',
        }),
      'NOT_FOUND',
      /Member/,
    );
    expectAppError(
      () => newValidation(s, memberOfType(s, 'IMP'), { entityType: 'SEA' }),
      'BAD_REQUEST',
      /No installed MSC catalog has criteria for Sea Carrier/,
    );
    expect(counts(s.ctx.db)).toEqual(before);
  });
});

describe('saveResponse', () => {
  it('saves an answer with its audit and outbox rows, moving the validation to In progress', () => {
    const s = open();
    const validation = newValidation(s, memberOfType(s, 'IMP'));
    const before = counts(s.ctx.db);

    const saved = saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', result: 'COMPLIANT' });

    expect(saved).toMatchObject({ result: 'COMPLIANT', notes: '', version: 1, updatedBy: 'test.scss' });
    expect(counts(s.ctx.db)).toEqual({ ...before, responses: 1, audit: before.audit + 1, outbox: before.outbox + 1 });
    const worksheet = openWorksheet(s.ctx, validation.id);
    expect(worksheet.validation.status).toBe('IN_PROGRESS');
    expect(worksheet.validation.updatedAt).toBe(saved.updatedAt);
    expect(worksheet.responses).toEqual([saved]);
    const audit = listAuditForEntity(s.ctx.db, 'criterion_response', `${validation.id}/4.1`);
    // The audit row records what changed (for a first save: every answer field) and the version it made.
    const { result, notes, siteId, verificationMethods, naJustification, version } = saved;
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'response.save',
        actor: 'test.scss',
        before: null,
        after: { result, notes, siteId, verificationMethods, naJustification, version },
      }),
    ]);
    expect(listOutbox(s.ctx.db).at(-1)).toMatchObject({
      entity: 'criterion_response',
      entityId: `${validation.id}/4.1`,
      operation: 'upsert',
      payload: { ...saved, baseVersion: 0 },
    });
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', notes: 'Policy seen on screen share.' });
    expect(listAuditForEntity(s.ctx.db, 'criterion_response', `${validation.id}/4.1`).at(-1)).toMatchObject({
      before: { notes: '' },
      after: { notes: 'Policy seen on screen share.', version: 2 },
    });
  });

  it('bumps the version on each change and keeps fields the request leaves out', () => {
    const s = open();
    const validation = newValidation(s, memberOfType(s, 'IMP'));
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', result: 'DEFICIENT' });
    const second = saveResponse(s.ctx, {
      validationId: validation.id,
      criterionId: '4.1',
      notes: 'No password policy',
    });
    expect(second).toMatchObject({ result: 'DEFICIENT', notes: 'No password policy', version: 2 });
    const third = saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', result: null });
    expect(third).toMatchObject({ result: null, notes: 'No password policy', version: 3 });
    expect(listOutbox(s.ctx.db).at(-1)?.payload).toMatchObject({ version: 3, baseVersion: 2 });
  });

  it('re-saving identical content writes nothing new', () => {
    const s = open();
    const validation = newValidation(s, memberOfType(s, 'IMP'));
    const first = saveResponse(s.ctx, {
      validationId: validation.id,
      criterionId: '4.1',
      result: 'COMPLIANT',
      notes: 'Saw the policy',
    });
    const before = counts(s.ctx.db);
    const again = saveResponse(s.ctx, {
      validationId: validation.id,
      criterionId: '4.1',
      result: 'COMPLIANT',
      notes: 'Saw the policy',
    });
    const notesOnly = saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', notes: 'Saw the policy' });
    expect(again).toEqual(first);
    expect(notesOnly).toEqual(first);
    expect(counts(s.ctx.db)).toEqual(before);
    expect(openWorksheet(s.ctx, validation.id).responses).toEqual([first]);
  });

  it('rejects a criterion that is not on the worksheet for the entity type, writing nothing', () => {
    const s = open();
    const imp = newValidation(s, memberOfType(s, 'IMP'));
    const hc = newValidation(s, memberOfType(s, 'HC'));
    const before = counts(s.ctx.db);
    expectAppError(
      () => saveResponse(s.ctx, { validationId: imp.id, criterionId: '6.3', result: 'COMPLIANT' }),
      'BAD_REQUEST',
      /Criterion 6\.3 is not part of the MSC-2019-11 worksheet for U\.S\. Importer/,
    );
    expect(counts(s.ctx.db)).toEqual(before);
    expect(openWorksheet(s.ctx, imp.id).validation.status).toBe('DRAFT');
    // The same criterion is fine for a Highway Carrier.
    expect(saveResponse(s.ctx, { validationId: hc.id, criterionId: '6.3', result: 'COMPLIANT' }).version).toBe(1);
  });

  it('gives NOT_FOUND for a validation that does not exist', () => {
    const s = open();
    const before = counts(s.ctx.db);
    expectAppError(
      () => saveResponse(s.ctx, { validationId: MISSING_ID, criterionId: '1.1', result: 'COMPLIANT' }),
      'NOT_FOUND',
      /does not exist/,
    );
    expect(counts(s.ctx.db)).toEqual(before);
  });

  it('refuses changes to a submitted validation with LOCKED', () => {
    const s = open();
    const validation = newValidation(s, memberOfType(s, 'IMP'));
    s.ctx.db.prepare("UPDATE validations SET status = 'SUBMITTED' WHERE id = ?").run(validation.id);
    const before = counts(s.ctx.db);
    expectAppError(
      () => saveResponse(s.ctx, { validationId: validation.id, criterionId: '1.1', result: 'COMPLIANT' }),
      'LOCKED',
      /submitted and is locked/,
    );
    expect(counts(s.ctx.db)).toEqual(before);
  });

  it('writes the answer, status, audit row and outbox row together or not at all', () => {
    const s = open();
    const validation = newValidation(s, memberOfType(s, 'IMP'));
    const before = counts(s.ctx.db);
    // Simulate the outbox insert failing (the last write of the four).
    s.ctx.db.exec(
      "CREATE TEMP TRIGGER outbox_down BEFORE INSERT ON sync_outbox BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END",
    );
    expect(() => saveResponse(s.ctx, { validationId: validation.id, criterionId: '1.1', result: 'COMPLIANT' })).toThrow(
      /outbox unavailable/,
    );
    expect(counts(s.ctx.db)).toEqual(before);
    const worksheet = openWorksheet(s.ctx, validation.id);
    expect(worksheet.responses).toEqual([]);
    expect(worksheet.validation.status).toBe('DRAFT');
    expect(verifyAuditChain(s.ctx.db).ok).toBe(true);

    s.ctx.db.exec('DROP TRIGGER outbox_down');
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '1.1', result: 'COMPLIANT' });
    expect(counts(s.ctx.db)).toMatchObject({ responses: 1, audit: before.audit + 1, outbox: before.outbox + 1 });
  });
});

describe('a working session across restarts', () => {
  it('shows the same answers after closing and reopening the data folder, and filters the list', () => {
    let s = open();
    const [firstImp, secondImp] = listMembers(s.ctx.db).filter((m) => m.entityType === 'IMP');
    if (!firstImp || !secondImp) throw new Error('expected two demo importers');
    const fm = memberOfType(s, 'FM');
    const march = newValidation(s, firstImp, { scheduledDate: '2026-03-10' });
    const april = newValidation(s, secondImp, { scheduledDate: '2026-04-15' });
    const may = newValidation(s, fm, { scheduledDate: '2026-05-20', mode: 'VIRTUAL' });
    saveResponse(s.ctx, { validationId: march.id, criterionId: '1.1', result: 'COMPLIANT' });
    saveResponse(s.ctx, { validationId: march.id, criterionId: '4.1', result: 'DEFICIENT', notes: 'Shared logins' });
    saveResponse(s.ctx, { validationId: march.id, criterionId: '7.1', notes: 'Ask about seals' });
    saveResponse(s.ctx, { validationId: may.id, criterionId: '1.1', result: 'NOT_VERIFIED' });
    const responsesBefore = openWorksheet(s.ctx, march.id).responses;
    close();

    s = open();
    const worksheet = openWorksheet(s.ctx, march.id);
    expect(worksheet.responses).toEqual(responsesBefore);
    expect(worksheet.responses.find((r) => r.criterionId === '4.1')).toMatchObject({
      result: 'DEFICIENT',
      notes: 'Shared logins',
    });
    expect(worksheet.criteria).toHaveLength(93);

    const ids = (filter: Parameters<typeof listValidationSummaries>[1]) =>
      listValidationSummaries(s.ctx, filter).map((v) => v.id);
    expect(ids({})).toEqual([may.id, april.id, march.id]);
    expect(ids({ memberId: firstImp.id })).toEqual([march.id]);
    expect(ids({ status: 'IN_PROGRESS' })).toEqual([may.id, march.id]);
    expect(ids({ status: 'DRAFT' })).toEqual([april.id]);
    expect(ids({ scheduledFrom: '2026-04-01', scheduledTo: '2026-04-30' })).toEqual([april.id]);
    expect(ids({ scheduledFrom: '2026-04-15' })).toEqual([may.id, april.id]);
    expect(ids({ scheduledTo: '2026-03-10' })).toEqual([march.id]);
    expect(ids({ memberId: firstImp.id, status: 'DRAFT' })).toEqual([]);

    const [marchSummary] = listValidationSummaries(s.ctx, { memberId: firstImp.id });
    // Notes alone do not count as answered.
    expect(marchSummary).toMatchObject({ memberName: firstImp.legalName, answeredCount: 2, applicableCount: 93 });
    expect(listValidationSummaries(s.ctx, { memberId: fm.id })[0]).toMatchObject({
      answeredCount: 1,
      applicableCount: 97,
    });

    const chain = verifyAuditChain(s.ctx.db);
    expect(chain).toMatchObject({ ok: true, rows: 5 + 3 + 4 });
  });
});
