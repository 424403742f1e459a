import { describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../db/audit-log';
import { listOutbox } from '../../db/outbox';
import { listConsidered, setWarningsConsidered } from '../../electron/services/considered-warnings-service';
import { checkCompleteness, submitValidation } from '../../electron/services/submission-service';
import type { CompletenessProblem } from '../../shared/domain/completeness-types';
import { expectAppError } from './app-error';
import { buildCompleteValidation, newValidation } from './complete-validation';
import { appServicesFixture } from './services-fixture';

const { open, close } = appServicesFixture('ctpat-considered-test-');

const warning = (code: CompletenessProblem['code'], criterionId: string | null) => ({ code, criterionId });

describe('considered warnings', () => {
  it('stores a mark per validation, rule and criterion that survives closing and reopening the store', () => {
    let s = open();
    const validation = newValidation(s);
    const other = newValidation(s);
    const mark = (w: ReturnType<typeof warning>) =>
      setWarningsConsidered(s.ctx, { validationId: validation.id, warnings: [w], considered: true });
    mark(warning('NO_VERIFICATION_METHOD', '1.2'));
    const marks = mark(warning('NO_SITES', null));
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
    const one = { validationId: validation.id, warnings: [warning('NO_VERIFICATION_METHOD', '1.2')] };
    const [first] = setWarningsConsidered(s.ctx, { ...one, considered: true });
    expect(setWarningsConsidered(s.ctx, { ...one, considered: true })).toEqual([first]);
    expect(setWarningsConsidered(s.ctx, { ...one, considered: false })).toEqual([]);
    expect(setWarningsConsidered(s.ctx, { ...one, considered: false })).toEqual([]);

    const audit = listAuditForEntity(s.ctx.db, 'considered_warning', `${validation.id}/NO_VERIFICATION_METHOD/1.2`);
    expect(audit.map((a) => a.action)).toEqual(['warning.consider', 'warning.unconsider']);
    expect(listOutbox(s.ctx.db)).toHaveLength(outboxBefore);
  });

  it('marks a whole group at once, skipping those already marked and a warning listed twice', () => {
    const s = open();
    const validation = newValidation(s);
    setWarningsConsidered(s.ctx, {
      validationId: validation.id,
      warnings: [warning('NO_VERIFICATION_METHOD', '1.2')],
      considered: true,
    });
    const group = ['1.1', '1.2', '1.3', '1.3'].map((id) => warning('NO_VERIFICATION_METHOD', id));
    const marks = setWarningsConsidered(s.ctx, { validationId: validation.id, warnings: group, considered: true });
    expect(marks.map((m) => m.criterionId)).toEqual(['1.1', '1.2', '1.3']);
    const actions = (id: string) =>
      listAuditForEntity(s.ctx.db, 'considered_warning', `${validation.id}/NO_VERIFICATION_METHOD/${id}`).length;
    expect(['1.1', '1.2', '1.3'].map(actions)).toEqual([1, 1, 1]);
    expect(setWarningsConsidered(s.ctx, { validationId: validation.id, warnings: group, considered: false })).toEqual(
      [],
    );
  });

  it('refuses a mark on a submitted (locked) validation and changes nothing', () => {
    const s = open();
    const { validation } = buildCompleteValidation(s, { signer: 'Dana Ruiz' });
    expect(checkCompleteness(s.ctx, validation.id).ready).toBe(true);
    submitValidation(s.ctx, validation.id, 'Dana Ruiz');
    expectAppError(
      () =>
        setWarningsConsidered(s.ctx, {
          validationId: validation.id,
          warnings: [warning('NO_SITES', null)],
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
