import { describe, expect, it } from 'vitest';
import { earliestReportDateAtHq } from '../../shared/domain/due-dates';
import {
  findingDueDateRefusal,
  findingPlacementProblem,
  recommendationAllowed,
  storedFindingFields,
} from '../../shared/domain/finding-rules';
import { reasonShown } from '../../shared/report/model';

describe('a Recommendation', () => {
  it('is stored without a due date; an Action Required finding keeps its own', () => {
    expect(storedFindingFields({ classification: 'RECOMMENDATION', dueDate: '2027-03-01' })).toEqual({
      classification: 'RECOMMENDATION',
      dueDate: null,
    });
    expect(storedFindingFields({ classification: 'ACTION_REQUIRED', dueDate: '2027-03-01' }).dueDate).toBe(
      '2027-03-01',
    );
  });

  it('may be added on a Compliant or Deficient criterion only', () => {
    expect(
      ['COMPLIANT', 'DEFICIENT', 'NOT_APPLICABLE', 'NOT_VERIFIED', null].map((r) => recommendationAllowed(r as never)),
    ).toEqual([true, true, false, false, false]);
  });
});

describe('where a finding may stand', () => {
  const must = { id: '4.1', level: 'MUST' as const };
  const should = { id: '1.1', level: 'SHOULD' as const };
  const mixed = { id: '3.1', level: 'MIXED' as const };

  it('Action required: on a Must or Must + Should criterion found Deficient', () => {
    expect(findingPlacementProblem(must, 'ACTION_REQUIRED', 'DEFICIENT')).toBeNull();
    expect(findingPlacementProblem(mixed, 'ACTION_REQUIRED', 'DEFICIENT')).toBeNull();
    expect(findingPlacementProblem(should, 'ACTION_REQUIRED', 'DEFICIENT')?.code).toBe(
      'FINDING_CLASSIFICATION_MISMATCH',
    );
    expect(findingPlacementProblem(must, 'ACTION_REQUIRED', 'COMPLIANT')).toMatchObject({
      code: 'FINDING_ON_NON_DEFICIENT',
      message:
        '4.1 has an Action required finding but is not marked Deficient: mark it Deficient, make the finding a Recommendation, or remove it.',
    });
  });

  it('Recommendation: on a Compliant criterion, or a Should (or Must + Should) one found Deficient', () => {
    expect(findingPlacementProblem(must, 'RECOMMENDATION', 'COMPLIANT')).toBeNull();
    expect(findingPlacementProblem(should, 'RECOMMENDATION', 'DEFICIENT')).toBeNull();
    expect(findingPlacementProblem(mixed, 'RECOMMENDATION', 'DEFICIENT')).toBeNull();
    expect(findingPlacementProblem(must, 'RECOMMENDATION', 'DEFICIENT')?.code).toBe('FINDING_CLASSIFICATION_MISMATCH');
    expect(findingPlacementProblem(should, 'RECOMMENDATION', 'NOT_APPLICABLE')?.code).toBe('FINDING_ON_NON_DEFICIENT');
  });
});

describe('a response due date', () => {
  const ar = (dueDate: string | null) => ({ classification: 'ACTION_REQUIRED' as const, dueDate });

  it('is refused before the report date, accepted on it and after', () => {
    expect(findingDueDateRefusal(ar('2026-12-01'), undefined, '2026-12-02')?.message).toBe(
      'The response due date, Dec 1, 2026, is before the report date: the Member cannot be asked to answer before ' +
        'the report is issued, and it will be dated Dec 2, 2026 at the earliest. Choose Dec 2, 2026 or a later date.',
    );
    expect(findingDueDateRefusal(ar('2026-12-02'), undefined, '2026-12-02')).toBeNull();
    expect(findingDueDateRefusal(ar('2027-03-02'), null, '2026-12-02')).toBeNull();
    expect(findingDueDateRefusal(ar(null), null, '2026-12-02')).toBeNull();
  });

  it('kept unchanged from before is not refused again; a Recommendation has none to refuse', () => {
    expect(findingDueDateRefusal(ar('2026-11-01'), '2026-11-01', '2026-12-02')).toBeNull();
    expect(findingDueDateRefusal(ar('2026-11-02'), '2026-11-01', '2026-12-02')).not.toBeNull();
    expect(
      findingDueDateRefusal({ classification: 'RECOMMENDATION', dueDate: '2020-01-01' }, null, '2026-12-02'),
    ).toBeNull();
  });

  it('is bounded at HQ by the day before the finding was recorded (UTC), never stricter than the laptop', () => {
    // Recorded at 01:30 UTC on Dec 2: in Honolulu it was still Dec 1, and the laptop took Dec 1.
    expect(earliestReportDateAtHq('2026-12-02T01:30:00.000Z')).toBe('2026-12-01');
    expect(earliestReportDateAtHq('2027-03-01T23:59:59.000Z')).toBe('2027-02-28');
  });
});

describe('the report', () => {
  it('says "Not given" for an Action Required finding without a reason, and nothing for a Recommendation without one', () => {
    expect(reasonShown({ classification: 'ACTION_REQUIRED', reason: null })).toBe(true);
    expect(reasonShown({ classification: 'RECOMMENDATION', reason: null })).toBe(false);
    expect(reasonShown({ classification: 'RECOMMENDATION', reason: 'Training gap' })).toBe(true);
  });
});
