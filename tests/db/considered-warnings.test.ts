import { describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../db/audit-log';
import { listOutbox } from '../../db/outbox';
import { listConsidered, setWarningConsidered } from '../../electron/services/considered-warnings-service';
import { checkCompleteness, submitValidation } from '../../electron/services/submission-service';
import { expectAppError } from './app-error';
import { buildCompleteValidation, newValidation } from './complete-validation';
import { appServicesFixture } from './services-fixture';

const { open, close } = appServicesFixture('ctpat-considered-test-');

describe('considered warnings', () => {
  it('stores a mark per validation, rule and criterion that survives closing and reopening the store', () => {
    let s = open();
    const validation = newValidation(s);
    const other = newValidation(s);
    const mark = { validationId: validation.id, code: 'NO_VERIFICATION_METHOD', considered: true } as const;
    setWarningConsidered(s.ctx, { ...mark, criterionId: '1.2' });
    const marks = setWarningConsidered(s.ctx, { ...mark, code: 'NO_SITES', criterionId: null });
    expect(marks.map((m) => [m.code, m.criterionId, m.consideredBy])).toEqual([
      ['NO_SITES', null, 'test.scss'],
      ['NO_VERIFICATION_METHOD', '1.2', 'test.scss'],
    ]);
    close();
    s = open();
    expect(listConsidered(s.ctx, validation.id)).toEqual(marks);
    expect(listConsidered(s.ctx, other.id)).toEqual([]);
  });

  it('unmarks, keeps the first mark when marked twice, audits each change and queues nothing for HQ', () => {
    const s = open();
    const validation = newValidation(s);
    const outboxBefore = listOutbox(s.ctx.db).length;
    const mark = { validationId: validation.id, code: 'NO_VERIFICATION_METHOD', criterionId: '1.2' } as const;
    const [first] = setWarningConsidered(s.ctx, { ...mark, considered: true });
    expect(setWarningConsidered(s.ctx, { ...mark, considered: true })).toEqual([first]);
    expect(setWarningConsidered(s.ctx, { ...mark, considered: false })).toEqual([]);
    expect(setWarningConsidered(s.ctx, { ...mark, considered: false })).toEqual([]);

    const audit = listAuditForEntity(s.ctx.db, 'considered_warning', `${validation.id}/NO_VERIFICATION_METHOD/1.2`);
    expect(audit.map((a) => a.action)).toEqual(['warning.consider', 'warning.unconsider']);
    expect(listOutbox(s.ctx.db)).toHaveLength(outboxBefore);
  });

  it('refuses a mark on a submitted (locked) validation and changes nothing', () => {
    const s = open();
    const { validation } = buildCompleteValidation(s, { signer: 'Dana Ruiz' });
    expect(checkCompleteness(s.ctx, validation.id).ready).toBe(true);
    submitValidation(s.ctx, validation.id, 'Dana Ruiz');
    expectAppError(
      () =>
        setWarningConsidered(s.ctx, {
          validationId: validation.id,
          code: 'NO_SITES',
          criterionId: null,
          considered: true,
        }),
      'LOCKED',
    );
    expect(listConsidered(s.ctx, validation.id)).toEqual([]);
  });

  it('refuses an unknown validation', () => {
    const s = open();
    expectAppError(() => listConsidered(s.ctx, 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'), 'NOT_FOUND');
  });
});
