import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/src/i18n';
import { assignFormSchema, targetDateProblem } from '../../renderer/src/screens/work-plan/assign-form';

// A first validation due 2027-02-10, assigned on 2026-12-04: the target may be from today to the due date.
const window = { today: '2026-12-04', latest: '2027-02-10', dueOn: '2027-02-10' };

describe('the assignment form checks the target date as saving would', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('asks for a date when there is none or it is not a date', () => {
    expect(targetDateProblem('', window)).toBe('Enter the target date.');
    expect(targetDateProblem('2027-02-30', window)).toBe('Enter the target date.');
  });

  it('refuses a day before today and a day after the due date, in the main process’s words', () => {
    expect(targetDateProblem('2026-12-03', window)).toBe('The target date cannot be in the past.');
    expect(targetDateProblem('2027-02-11', window)).toBe(
      'The target date must be on or before the date the validation is due (Feb 10, 2027).',
    );
  });

  it('for an overdue validation, refuses a target after the end of this year', () => {
    const overdue = { today: '2026-12-04', latest: '2026-12-31', dueOn: '2026-06-01' };
    expect(targetDateProblem('2027-01-01', overdue)).toBe(
      'This validation is overdue: choose a target date this year, by Dec 31, 2026.',
    );
    expect(targetDateProblem('2026-12-31', overdue)).toBeNull();
  });

  it('accepts today and the due date itself', () => {
    expect(targetDateProblem('2026-12-04', window)).toBeNull();
    expect(targetDateProblem('2027-02-10', window)).toBeNull();
  });

  it('words its messages when it checks, so they follow a change of language', async () => {
    const schema = assignFormSchema(window);
    await i18n.changeLanguage('es');
    const result = schema.safeParse({ scssId: '', mode: 'IN_PERSON', targetDate: '2026-12-01' });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(byField.targetDate).toBe('La fecha prevista no puede estar en el pasado.');
    expect(byField.scssId).toBe('Elija el SCSS.');
    await i18n.changeLanguage('en');
  });
});
