import { describe, expect, it } from 'vitest';
import { listAuditForEntity, verifyAuditChain } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { listOutbox } from '../../db/outbox';
import { listMembers } from '../../db/queries/members';
import type { AppServices } from '../../electron/services/app-services';
import {
  deleteFinding,
  deleteObservation,
  deleteSite,
  saveFinding,
  saveObservation,
  saveSite,
} from '../../electron/services/field-work-service';
import { saveResponse } from '../../electron/services/response-service';
import { getSettings, updateSettings } from '../../electron/services/settings-service';
import { createValidation, openWorksheet } from '../../electron/services/validation-service';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/field-work';
import type { Member, Validation } from '../../shared/domain/validation';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { AppError, type ErrorCode } from '../../shared/ipc/envelope';
import { expectAppError } from './app-error';
import { appServicesFixture } from './services-fixture';

const MISSING_ID = 'ffffffff-ffff-4fff-8fff-ffffffffffff';

const { open, close } = appServicesFixture('ctpat-field-work-test-');

function counts(db: Db) {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    sites: n('sites'),
    liveSites: (db.prepare('SELECT count(*) AS n FROM sites WHERE deleted_at IS NULL').get() as { n: number }).n,
    findings: n('findings'),
    observations: n('observations'),
    responses: n('criterion_responses'),
    audit: n('audit_log'),
    outbox: n('sync_outbox'),
  };
}

/** Refused with `code`, and nothing at all was written: no row, no audit row, no outbox row. */
function expectRefused(s: AppServices, fn: () => unknown, code: ErrorCode, message?: RegExp): void {
  const before = counts(s.ctx.db);
  expectAppError(fn, code, message);
  expect(counts(s.ctx.db)).toEqual(before);
}

type LastChange = { action: string; entity: string; entityId: string; operation: string; payload: unknown };

/** Runs one write and checks it added exactly one audit row and one outbox row; returns both rows' gist. */
function oneChange<T>(s: AppServices, write: () => T): { value: T; change: LastChange } {
  const db = s.ctx.db;
  const before = counts(db);
  const value = write();
  const after = counts(db);
  expect(after.audit - before.audit, 'audit rows added').toBe(1);
  expect(after.outbox - before.outbox, 'outbox rows added').toBe(1);
  const audit = db.prepare('SELECT action, entity, entity_id FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    action: string;
    entity: string;
    entity_id: string;
  };
  const outbox = listOutbox(db, 10_000).at(-1);
  expect(outbox?.entityId).toBe(audit.entity_id);
  return {
    value,
    change: {
      action: audit.action,
      entity: audit.entity,
      entityId: audit.entity_id,
      operation: outbox?.operation ?? '',
      payload: outbox?.payload,
    },
  };
}

function memberOfType(s: AppServices, type: Member['entityType']): Member {
  const member = listMembers(s.ctx.db).find((m) => m.entityType === type);
  if (!member) throw new Error(`no demo member of type ${type}`);
  return member;
}

function newValidation(s: AppServices): Validation {
  const member = memberOfType(s, 'IMP');
  return createValidation(s.ctx, {
    memberId: member.id,
    entityType: member.entityType,
    mode: 'IN_PERSON',
    scheduledDate: '2026-03-10',
  });
}

function siteRequest(
  validation: Validation,
  overrides: Partial<ParsedRequestOf<'sites:save'>> = {},
): ParsedRequestOf<'sites:save'> {
  return {
    validationId: validation.id,
    name: 'Houston distribution center',
    address: '1200 Port Rd, Houston, TX',
    siteType: 'DISTRIBUTION_CENTER',
    visitDate: '2026-03-10',
    ...overrides,
  };
}

function findingRequest(
  validation: Validation,
  overrides: Partial<ParsedRequestOf<'findings:save'>> = {},
): ParsedRequestOf<'findings:save'> {
  return {
    validationId: validation.id,
    criterionId: '4.1',
    classification: 'ACTION_REQUIRED',
    reasonCode: 'NO_WRITTEN_PROCEDURE',
    description: 'No written password policy for the warehouse systems.',
    dueDate: '2026-06-08',
    ...overrides,
  };
}

describe('sites', () => {
  it('adds a site with one audit row and one outbox row, and shows it on the worksheet', () => {
    const s = open();
    const validation = newValidation(s);
    const { value: site, change } = oneChange(s, () => saveSite(s.ctx, siteRequest(validation)));
    expect(site).toMatchObject({
      validationId: validation.id,
      name: 'Houston distribution center',
      siteType: 'DISTRIBUTION_CENTER',
      visitDate: '2026-03-10',
    });
    expect(site.createdAt).toBe(site.updatedAt);
    expect(change).toEqual({
      action: 'site.create',
      entity: 'site',
      entityId: site.id,
      operation: 'upsert',
      payload: site,
    });
    expect(openWorksheet(s.ctx, validation.id).sites).toEqual([site]);
  });

  it('updates a site in place: same id and creation time, new details, audit row with before and after', () => {
    const s = open();
    const validation = newValidation(s);
    const created = saveSite(s.ctx, siteRequest(validation));
    const { value: updated, change } = oneChange(s, () =>
      saveSite(s.ctx, siteRequest(validation, { id: created.id, name: 'Houston DC (north gate)', visitDate: null })),
    );
    expect(updated).toMatchObject({ id: created.id, createdAt: created.createdAt, name: 'Houston DC (north gate)' });
    expect(updated.visitDate).toBeNull();
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(change).toMatchObject({ action: 'site.update', entityId: created.id, operation: 'upsert' });
    expect(listAuditForEntity(s.ctx.db, 'site', created.id).at(-1)).toMatchObject({ before: created, after: updated });
    expect(openWorksheet(s.ctx, validation.id).sites).toEqual([updated]);
  });

  it("refuses to update another validation's site (NOT_FOUND), writing nothing", () => {
    const s = open();
    const mine = newValidation(s);
    const other = newValidation(s);
    const theirs = saveSite(s.ctx, siteRequest(other));
    expectRefused(s, () => saveSite(s.ctx, siteRequest(mine, { id: theirs.id, name: 'Hijacked' })), 'NOT_FOUND');
    expect(openWorksheet(s.ctx, other.id).sites).toEqual([theirs]);
    expect(openWorksheet(s.ctx, mine.id).sites).toEqual([]);
  });

  it('deleting a site hides it from the worksheet, keeps its row, and unlinks the answers that named it', () => {
    const s = open();
    const validation = newValidation(s);
    const dc = saveSite(s.ctx, siteRequest(validation));
    const office = saveSite(s.ctx, siteRequest(validation, { name: 'Main office', siteType: 'MAIN_OFFICE' }));
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', result: 'COMPLIANT', siteId: dc.id });
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '1.1', result: 'COMPLIANT', siteId: office.id });

    const before = counts(s.ctx.db);
    expect(deleteSite(s.ctx, validation.id, dc.id)).toEqual({ deleted: true });
    // Two changes, both audited and queued for HQ: 4.1 loses its site (a versioned save), then the site goes.
    expect(counts(s.ctx.db)).toEqual({
      ...before,
      liveSites: before.liveSites - 1,
      audit: before.audit + 2,
      outbox: before.outbox + 2,
    });
    expect(listAuditForEntity(s.ctx.db, 'site', dc.id).at(-1)).toMatchObject({
      action: 'site.delete',
      before: dc,
      after: null,
    });
    expect(listAuditForEntity(s.ctx.db, 'criterion_response', `${validation.id}/4.1`).at(-1)).toMatchObject({
      before: { siteId: dc.id },
      after: { siteId: null, version: 2 },
    });

    const worksheet = openWorksheet(s.ctx, validation.id);
    expect(worksheet.sites).toEqual([office]);
    const byCriterion = new Map(worksheet.responses.map((r) => [r.criterionId, r]));
    expect(byCriterion.get('4.1')).toMatchObject({ result: 'COMPLIANT', siteId: null });
    expect(byCriterion.get('1.1')).toMatchObject({ siteId: office.id });
    // Soft delete: the row stays for history, marked deleted.
    expect(s.ctx.db.prepare('SELECT name, deleted_at FROM sites WHERE id = ?').get(dc.id)).toEqual({
      name: dc.name,
      deleted_at: expect.stringMatching(/^2026-03-02T14:00:\d\d\.000Z$/),
    });

    // A removed site cannot be removed again, nor named by an answer.
    expectRefused(s, () => deleteSite(s.ctx, validation.id, dc.id), 'NOT_FOUND', /already removed/);
    expectRefused(
      s,
      () => saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', siteId: dc.id }),
      'BAD_REQUEST',
      /not one of this validation/,
    );
  });
});

describe('answers with a site and verification methods', () => {
  it('saves the site and how the criterion was verified, with one audit and one outbox row', () => {
    const s = open();
    const validation = newValidation(s);
    const site = saveSite(s.ctx, siteRequest(validation));
    const { value: saved, change } = oneChange(s, () =>
      saveResponse(s.ctx, {
        validationId: validation.id,
        criterionId: '4.1',
        result: 'COMPLIANT',
        siteId: site.id,
        verificationMethods: ['DOCUMENT_REVIEWED', 'INTERVIEW'],
      }),
    );
    expect(saved).toMatchObject({
      siteId: site.id,
      verificationMethods: ['DOCUMENT_REVIEWED', 'INTERVIEW'],
      naJustification: '',
      version: 1,
    });
    expect(change).toMatchObject({ action: 'response.save', entityId: `${validation.id}/4.1`, operation: 'upsert' });

    // Later saves that leave the site and methods out keep them.
    const notes = saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', notes: 'Policy v3 seen' });
    expect(notes).toMatchObject({
      siteId: site.id,
      verificationMethods: ['DOCUMENT_REVIEWED', 'INTERVIEW'],
      version: 2,
    });
    // A null siteId clears the site.
    const cleared = saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', siteId: null });
    expect(cleared).toMatchObject({ siteId: null, version: 3 });
    expect(openWorksheet(s.ctx, validation.id).responses).toEqual([cleared]);
  });

  it('refuses a site of another validation (BAD_REQUEST) and writes nothing, not even the result', () => {
    const s = open();
    const mine = newValidation(s);
    const other = newValidation(s);
    const theirs = saveSite(s.ctx, siteRequest(other));
    expectRefused(
      s,
      () => saveResponse(s.ctx, { validationId: mine.id, criterionId: '4.1', result: 'COMPLIANT', siteId: theirs.id }),
      'BAD_REQUEST',
      /site is not one of this validation/,
    );
    expectRefused(
      s,
      () => saveResponse(s.ctx, { validationId: mine.id, criterionId: '4.1', siteId: MISSING_ID }),
      'BAD_REQUEST',
    );
    const worksheet = openWorksheet(s.ctx, mine.id);
    expect(worksheet.responses).toEqual([]);
    expect(worksheet.validation.status).toBe('DRAFT');
  });
});

describe('findings', () => {
  it('creates a finding, then updates it in place bumping its version, one audit and outbox row each', () => {
    const s = open();
    const validation = newValidation(s);
    const { value: created, change: createChange } = oneChange(s, () => saveFinding(s.ctx, findingRequest(validation)));
    expect(created).toMatchObject({
      validationId: validation.id,
      criterionId: '4.1',
      classification: 'ACTION_REQUIRED',
      reasonCode: 'NO_WRITTEN_PROCEDURE',
      dueDate: '2026-06-08',
      version: 1,
    });
    expect(createChange).toEqual({
      action: 'finding.create',
      entity: 'finding',
      entityId: created.id,
      operation: 'upsert',
      payload: { ...created, baseVersion: 0 },
    });

    const { value: updated, change: updateChange } = oneChange(s, () =>
      saveFinding(
        s.ctx,
        findingRequest(validation, { classification: 'RECOMMENDATION', reasonCode: 'TRAINING_GAP', dueDate: null }),
      ),
    );
    expect(updated).toMatchObject({
      id: created.id,
      createdAt: created.createdAt,
      classification: 'RECOMMENDATION',
      reasonCode: 'TRAINING_GAP',
      dueDate: null,
      version: 2,
    });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(updateChange).toMatchObject({
      action: 'finding.update',
      entityId: created.id,
      payload: { version: 2, baseVersion: 1 },
    });
    expect(openWorksheet(s.ctx, validation.id).findings).toEqual([updated]);
  });

  it('deletes a finding with one audit row and one outbox row; a second delete is NOT_FOUND', () => {
    const s = open();
    const validation = newValidation(s);
    const finding = saveFinding(s.ctx, findingRequest(validation));
    const { value, change } = oneChange(s, () => deleteFinding(s.ctx, validation.id, '4.1'));
    expect(value).toEqual({ deleted: true });
    expect(change).toMatchObject({ action: 'finding.delete', entityId: finding.id, operation: 'delete' });
    expect(openWorksheet(s.ctx, validation.id).findings).toEqual([]);
    expectRefused(s, () => deleteFinding(s.ctx, validation.id, '4.1'), 'NOT_FOUND', /4\.1 has no finding/);
  });

  it('refuses a reason code that is not in Settings, naming it, and writes nothing', () => {
    const s = open();
    const validation = newValidation(s);
    expectRefused(
      s,
      () => saveFinding(s.ctx, findingRequest(validation, { reasonCode: 'BRIBERY' })),
      'BAD_REQUEST',
      /"BRIBERY" is not a deficiency reason/,
    );
    expect(openWorksheet(s.ctx, validation.id).findings).toEqual([]);
  });

  it('refuses a response due date before the report date (today at the earliest), saying why, and writes nothing', () => {
    // Noon UTC is March 2 on every U.S. field laptop, Guam to Hawaii; the laptop judges by its own day.
    const s = open({ now: () => new Date('2026-03-02T12:00:00.000Z') });
    const validation = newValidation(s);
    expectRefused(
      s,
      () => saveFinding(s.ctx, findingRequest(validation, { dueDate: '2026-03-01' })),
      'BAD_REQUEST',
      /^The response due date, Mar 1, 2026, is before the report date: .* dated Mar 2, 2026 at the earliest\. Choose Mar 2, 2026 or a later date\.$/,
    );
    expect(openWorksheet(s.ctx, validation.id).findings).toEqual([]);
    expect(saveFinding(s.ctx, findingRequest(validation, { dueDate: '2026-03-02' })).dueDate).toBe('2026-03-02');
  });

  it('keeps a due date set earlier that has since passed, so other edits still save (submit flags the date)', () => {
    let now = Date.parse('2026-03-02T14:00:00.000Z');
    const s = open({
      now: () => {
        now += 1000;
        return new Date(now);
      },
    });
    const validation = newValidation(s);
    saveFinding(s.ctx, findingRequest(validation, { dueDate: '2026-03-05' }));
    now = Date.parse('2026-04-01T14:00:00.000Z');
    const edited = saveFinding(s.ctx, findingRequest(validation, { dueDate: '2026-03-05', description: 'Reworded.' }));
    expect(edited).toMatchObject({ dueDate: '2026-03-05', description: 'Reworded.', version: 2 });
    // Changing it to another past date is refused.
    expectAppError(
      () => saveFinding(s.ctx, findingRequest(validation, { dueDate: '2026-03-06' })),
      'BAD_REQUEST',
      /before the report date/,
    );
  });

  it('stores a Recommendation without a due date (the Member need not answer it), even on a Compliant criterion', () => {
    const s = open();
    const validation = newValidation(s);
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', result: 'COMPLIANT' });
    const { value, change } = oneChange(s, () =>
      saveFinding(
        s.ctx,
        findingRequest(validation, { classification: 'RECOMMENDATION', reasonCode: null, dueDate: '2026-06-08' }),
      ),
    );
    expect(value).toMatchObject({ classification: 'RECOMMENDATION', reasonCode: null, dueDate: null });
    expect(change.payload).toMatchObject({ classification: 'RECOMMENDATION', dueDate: null });
    // A past date sent with a Recommendation is cleared, not refused: there is no date to be wrong.
    expect(
      saveFinding(s.ctx, findingRequest(validation, { classification: 'RECOMMENDATION', dueDate: '2020-01-01' }))
        .dueDate,
    ).toBeNull();
  });

  it('refuses a finding for a criterion that is not on the worksheet, and writes nothing', () => {
    const s = open();
    const validation = newValidation(s);
    // 6.3 is a Highway Carrier criterion; this is an Importer worksheet.
    expectRefused(
      s,
      () => saveFinding(s.ctx, findingRequest(validation, { criterionId: '6.3' })),
      'BAD_REQUEST',
      /Criterion 6\.3 is not on this validation's worksheet/,
    );
  });
});

describe('observations (best practices)', () => {
  it('adds, edits and removes an observation, one audit and outbox row each', () => {
    const s = open();
    const validation = newValidation(s);
    const { value: created, change: c1 } = oneChange(s, () =>
      saveObservation(s.ctx, { validationId: validation.id, category: 4, text: 'Quarterly phishing drills' }),
    );
    expect(created).toMatchObject({ validationId: validation.id, category: 4, text: 'Quarterly phishing drills' });
    expect(c1).toMatchObject({ action: 'observation.create', entityId: created.id, operation: 'upsert' });

    const { value: edited, change: c2 } = oneChange(s, () =>
      saveObservation(s.ctx, {
        validationId: validation.id,
        id: created.id,
        category: 12,
        text: 'Monthly phishing drills with follow-up training',
      }),
    );
    expect(edited).toMatchObject({ id: created.id, createdAt: created.createdAt, category: 12 });
    expect(c2).toMatchObject({ action: 'observation.update', entityId: created.id });
    expect(openWorksheet(s.ctx, validation.id).observations).toEqual([edited]);

    const { change: c3 } = oneChange(s, () => deleteObservation(s.ctx, validation.id, created.id));
    expect(c3).toMatchObject({ action: 'observation.delete', entityId: created.id, operation: 'delete' });
    expect(openWorksheet(s.ctx, validation.id).observations).toEqual([]);
    expectRefused(s, () => deleteObservation(s.ctx, validation.id, created.id), 'NOT_FOUND');
  });
});

describe('a submitted validation is locked', () => {
  it('refuses every field-work write with LOCKED and changes nothing', () => {
    const s = open();
    const validation = newValidation(s);
    const site = saveSite(s.ctx, siteRequest(validation));
    saveFinding(s.ctx, findingRequest(validation));
    const observation = saveObservation(s.ctx, { validationId: validation.id, category: 1, text: 'Good vetting' });
    saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', result: 'DEFICIENT', siteId: site.id });
    s.ctx.db.prepare("UPDATE validations SET status = 'SUBMITTED' WHERE id = ?").run(validation.id);
    const before = openWorksheet(s.ctx, validation.id);

    const writes: Array<[string, () => unknown]> = [
      ['add site', () => saveSite(s.ctx, siteRequest(validation, { name: 'Annex' }))],
      ['edit site', () => saveSite(s.ctx, siteRequest(validation, { id: site.id, name: 'Renamed' }))],
      ['delete site', () => deleteSite(s.ctx, validation.id, site.id)],
      ['add finding', () => saveFinding(s.ctx, findingRequest(validation, { criterionId: '4.2' }))],
      ['edit finding', () => saveFinding(s.ctx, findingRequest(validation, { description: 'Changed' }))],
      ['delete finding', () => deleteFinding(s.ctx, validation.id, '4.1')],
      ['add observation', () => saveObservation(s.ctx, { validationId: validation.id, category: 2, text: 'More' })],
      [
        'edit observation',
        () => saveObservation(s.ctx, { validationId: validation.id, id: observation.id, category: 1, text: 'Edited' }),
      ],
      ['delete observation', () => deleteObservation(s.ctx, validation.id, observation.id)],
      ['answer', () => saveResponse(s.ctx, { validationId: validation.id, criterionId: '1.1', result: 'COMPLIANT' })],
      [
        'verification methods',
        () =>
          saveResponse(s.ctx, { validationId: validation.id, criterionId: '4.1', verificationMethods: ['INTERVIEW'] }),
      ],
    ];
    for (const [name, write] of writes) {
      const counted = counts(s.ctx.db);
      let thrown: unknown;
      try {
        write();
      } catch (error) {
        thrown = error;
      }
      expect(thrown, name).toBeInstanceOf(AppError);
      expect((thrown as AppError).code, name).toBe('LOCKED');
      expect(counts(s.ctx.db), name).toEqual(counted);
    }
    expect(openWorksheet(s.ctx, validation.id)).toEqual(before);
    expect(verifyAuditChain(s.ctx.db).ok).toBe(true);
  });
});

describe('settings', () => {
  const withReasons = (settings: Settings, reasons: Settings['deficiencyReasons']): Settings => ({
    ...settings,
    deficiencyReasons: reasons,
  });

  it('start with the nine proposed deficiency reasons, all active, and 90 days to respond', () => {
    const s = open();
    const settings = getSettings(s.ctx);
    expect(settings.deficiencyReasons.map((r) => r.code)).toEqual([
      'NO_WRITTEN_PROCEDURE',
      'PROCEDURE_INCOMPLETE',
      'NOT_IMPLEMENTED',
      'PARTIALLY_IMPLEMENTED',
      'NO_EVIDENCE',
      'NOT_REVIEWED_OR_UPDATED',
      'BUSINESS_PARTNER_GAP',
      'TRAINING_GAP',
      'OTHER',
    ]);
    expect(settings.deficiencyReasons.every((r) => r.active && r.label.length > 0)).toBe(true);
    expect(settings.responseDays).toBe(90);
    expect(openWorksheet(s.ctx, newValidation(s).id).settings).toEqual(settings);
  });

  it('refuses to remove a reason a finding uses (CONFLICT, nothing saved) but lets it be marked inactive', () => {
    const s = open();
    const validation = newValidation(s);
    saveFinding(s.ctx, findingRequest(validation, { reasonCode: 'TRAINING_GAP' }));
    const defaults = getSettings(s.ctx);
    const before = counts(s.ctx.db);

    expectAppError(
      () =>
        updateSettings(
          s.ctx,
          withReasons(
            defaults,
            defaults.deficiencyReasons.filter((r) => r.code !== 'TRAINING_GAP'),
          ),
        ),
      'CONFLICT',
      /TRAINING_GAP is used by findings; mark it inactive/,
    );
    expect(counts(s.ctx.db)).toEqual(before);
    expect(getSettings(s.ctx)).toEqual(defaults);

    const retired = withReasons(
      { ...defaults, responseDays: 60 },
      defaults.deficiencyReasons.map((r) => (r.code === 'TRAINING_GAP' ? { ...r, active: false } : r)),
    );
    expect(updateSettings(s.ctx, retired)).toEqual(retired);
    // Settings stay on this computer: audited, never queued for HQ.
    expect(counts(s.ctx.db)).toEqual({ ...before, audit: before.audit + 1 });
    expect(listAuditForEntity(s.ctx.db, 'settings', 'app')).toEqual([
      expect.objectContaining({ action: 'settings.update', before: defaults, after: retired }),
    ]);

    // An unused reason can be removed outright; the change survives a restart.
    const trimmed = withReasons(
      retired,
      retired.deficiencyReasons.filter((r) => r.code !== 'OTHER'),
    );
    updateSettings(s.ctx, trimmed);
    close();
    const reopened = open();
    expect(getSettings(reopened.ctx)).toEqual(trimmed);
    expect(getSettings(reopened.ctx).deficiencyReasons.find((r) => r.code === 'TRAINING_GAP')?.active).toBe(false);

    // A retired reason stays on the finding that has it, but a new finding cannot take it.
    const edited = saveFinding(
      reopened.ctx,
      findingRequest(validation, { reasonCode: 'TRAINING_GAP', description: 'Training records for 2026 missing.' }),
    );
    expect(edited.reasonCode).toBe('TRAINING_GAP');
    const other = newValidation(reopened);
    const untouched = counts(reopened.ctx.db);
    expectAppError(
      () => saveFinding(reopened.ctx, findingRequest(other, { reasonCode: 'TRAINING_GAP' })),
      'BAD_REQUEST',
      /Training gap" is retired in Settings/,
    );
    expect(counts(reopened.ctx.db)).toEqual(untouched);
    expect(DEFAULT_SETTINGS.deficiencyReasons).toHaveLength(9); // the defaults themselves were not changed
  });
});
