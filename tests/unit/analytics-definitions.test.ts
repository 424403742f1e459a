import { describe, expect, it } from 'vitest';
import {
  categoryNames,
  categoryOfCriterion,
  isAssessed,
  isDeficiency,
  isSubmitted,
  median,
  minutesOfSeconds,
  overdueIfReportedBefore,
  percentOf,
  quarterOf,
  quartiles,
  roundedRatio,
} from '../../shared/analytics/definitions';
import {
  AnalyticsFiltersSchema,
  describeFilterIssue,
  TopDeficienciesQuerySchema,
} from '../../shared/analytics/filters';
import { bundledEditions } from '../../shared/catalog/index';
import { responseDueDate, responseOverdue } from '../../shared/domain/lifecycle';

describe('percentOf', () => {
  it('gives the dashboard’s published shares from its counts', () => {
    expect(percentOf(191, 1417)).toBe(13.48);
    expect(percentOf(187, 1417)).toBe(13.2);
    expect(percentOf(36, 1417)).toBe(2.54);
    expect(percentOf(1417, 1417)).toBe(100);
  });

  it('rounds exact halves at the third decimal away from zero, where floating point would round down', () => {
    // 1/8 = 12.5%, 1/16 = 6.25%, 1/32 = 3.125% → 3.13, 1/80 = 1.25%, 1/160 = 0.625% → 0.63, 1/400 = 0.25%.
    expect(percentOf(1, 32)).toBe(3.13);
    expect(percentOf(1, 160)).toBe(0.63);
    expect(percentOf(1, 800)).toBe(0.13); // 0.125
    expect(percentOf(1, 2000)).toBe(0.05); // 0.05 exactly
    expect(percentOf(1, 4000)).toBe(0.03); // 0.025
    expect(percentOf(1, 40000)).toBe(0); // 0.0025
    expect(percentOf(201, 8000)).toBe(2.51); // 2.5125
    expect(percentOf(1005, 100000)).toBe(1.01); // 1.005: Math.round(1.005 * 100) / 100 gives 1
    expect(Math.round(1.005 * 100) / 100).toBe(1);
  });

  it('rounds just below a half down and just above it up', () => {
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(10049, 1000000)).toBe(1); // 1.0049
    expect(percentOf(10051, 1000000)).toBe(1.01); // 1.0051
  });

  it('answers 0 for an empty view instead of dividing by zero, and refuses fractions', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(() => roundedRatio(0.5, 2)).toThrow(RangeError);
    expect(() => percentOf(1, 2.5)).toThrow(RangeError);
  });

  it('rounds negative ratios away from zero too', () => {
    expect(roundedRatio(-1, 8)).toBe(-0.13);
    expect(roundedRatio(1, -8)).toBe(-0.13);
    expect(roundedRatio(7, 2)).toBe(3.5);
    expect(roundedRatio(2, 3, 0)).toBe(1);
  });
});

describe('what counts', () => {
  const submitted = { validationSubmitted: true, review: null, criterionResult: 'DEFICIENT' };

  it('counts Action Required and Recommendation findings on submitted validations as deficiencies', () => {
    expect(isDeficiency({ ...submitted, classification: 'ACTION_REQUIRED' })).toBe(true);
    expect(isDeficiency({ ...submitted, classification: 'RECOMMENDATION' })).toBe(true);
    expect(isDeficiency({ ...submitted, classification: 'BEST_PRACTICE' })).toBe(false);
    expect(
      isDeficiency({
        classification: 'ACTION_REQUIRED',
        review: null,
        validationSubmitted: false,
        criterionResult: null,
      }),
    ).toBe(false);
  });

  it('does not count a Recommendation on a criterion that was met: advice on a Compliant criterion is no deficiency', () => {
    expect(isDeficiency({ ...submitted, classification: 'RECOMMENDATION', criterionResult: 'COMPLIANT' })).toBe(false);
    expect(isDeficiency({ ...submitted, classification: 'RECOMMENDATION', criterionResult: null })).toBe(false);
    // An Action Required finding states a criterion not met whatever the answer says.
    expect(isDeficiency({ ...submitted, classification: 'ACTION_REQUIRED', criterionResult: 'COMPLIANT' })).toBe(true);
  });

  it('leaves out a finding a reviewer ruled no finding, and only that non-concurrence', () => {
    const ruled = (proposedClassification: string | null) => ({
      ...submitted,
      classification: 'ACTION_REQUIRED',
      review: { decision: 'NON_CONCUR', proposedClassification },
    });
    expect(isDeficiency(ruled('NO_FINDING'))).toBe(false);
    expect(isDeficiency(ruled('RECOMMENDATION'))).toBe(true);
    expect(
      isDeficiency({
        ...submitted,
        classification: 'RECOMMENDATION',
        review: { decision: 'CONCUR', proposedClassification: null },
      }),
    ).toBe(true);
  });

  it('treats a validation as submitted once it left the SCSS, even if withdrawn since', () => {
    expect(isSubmitted('IN_PROGRESS', null)).toBe(false);
    expect(isSubmitted('IN_PROGRESS', '2026-11-20T15:00:00.000Z')).toBe(true);
    expect(isSubmitted('RETURNED', null)).toBe(true);
    expect(isSubmitted('CLOSED', '2026-11-20T15:00:00.000Z')).toBe(true);
  });

  it('assesses only compliant and deficient answers', () => {
    expect(['COMPLIANT', 'DEFICIENT', 'NOT_APPLICABLE', 'NOT_VERIFIED', null].map(isAssessed)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('names categories from the catalog and files criteria under their first number', () => {
    const edition = bundledEditions()[0];
    if (!edition) throw new Error('no bundled edition');
    const names = categoryNames(edition);
    expect(names.size).toBe(12);
    expect(names.get(4)).toMatch(/cyber/i);
    expect(categoryOfCriterion('4.17')).toBe(4);
    expect(categoryOfCriterion('12.3')).toBe(12);
  });

  it('takes the median of whole counts', () => {
    expect(median([])).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('takes quartiles by interpolating between ranks, as PostgreSQL percentile_cont does', () => {
    expect(quartiles([])).toBeNull();
    expect(quartiles([42])).toEqual({ q1: 42, median: 42, q3: 42 });
    // Positions (n − 1) × 0.25, 0.5, 0.75 = 0.5, 1, 1.5 over 30, 60, 135.
    expect(quartiles([135, 30, 60])).toEqual({ q1: 45, median: 60, q3: 97.5 });
    // Positions 0.75, 1.5, 2.25 over 10, 20, 40, 80.
    expect(quartiles([80, 10, 40, 20])).toEqual({ q1: 17.5, median: 30, q3: 50 });
  });

  it('turns seconds and quarter seconds into minutes rounded half away from zero', () => {
    expect(minutesOfSeconds(5400)).toBe(90);
    expect(minutesOfSeconds(90)).toBe(1.5);
    // 100.25 s = 1.670833… min; 1.5 s = 0.025 min exactly, a half that rounds up to 0.03.
    expect(minutesOfSeconds(100.25)).toBe(1.67);
    expect(minutesOfSeconds(1.5)).toBe(0.03);
  });

  it('names the calendar quarter of a month or a day', () => {
    expect(quarterOf('2026-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2025-12')).toBe('2025-Q4');
    expect(() => quarterOf('2026-13')).toThrow(RangeError);
  });
});

describe('responses overdue', () => {
  it('are overdue from the day after the due date the screens show, whatever the response period', () => {
    // A 60-day period: reported 2026-04-10, due 2026-06-09, overdue from 2026-06-10.
    expect(overdueIfReportedBefore('2026-06-09', 60)).toBe('2026-04-10');
    expect(overdueIfReportedBefore('2026-06-10', 60)).toBe('2026-04-11');
    const reportDates = ['2024-02-29', '2025-12-31', '2026-01-01', '2026-03-08', '2026-04-10', '2026-11-01'];
    const todays = ['2026-03-01', '2026-06-09', '2026-06-10', '2026-07-09', '2026-07-10', '2027-01-15'];
    for (const responseDays of [1, 30, 60, 90, 365]) {
      for (const reportDate of reportDates) {
        for (const today of todays) {
          expect(
            reportDate < overdueIfReportedBefore(today, responseDays),
            `${reportDate} +${responseDays} on ${today}`,
          ).toBe(responseOverdue(responseDueDate(reportDate, responseDays), today));
        }
      }
    }
  });
});

describe('analytics filters', () => {
  it('accepts every filter and defaults the top-deficiencies limit', () => {
    const filters = {
      submittedFrom: '2026-01-01',
      submittedTo: '2026-12-31',
      entityType: 'IMP',
      mode: 'VIRTUAL',
      fieldOffice: 'Houston',
      edition: 'MSC-2019-11',
    };
    expect(AnalyticsFiltersSchema.parse(filters)).toEqual(filters);
    expect(TopDeficienciesQuerySchema.parse({}).limit).toBe(10);
    expect(TopDeficienciesQuerySchema.parse({ limit: '25' }).limit).toBe(25);
  });

  const refusal = (query: unknown, schema = AnalyticsFiltersSchema) => {
    const parsed = schema.safeParse(query);
    if (parsed.success) throw new Error('accepted');
    return describeFilterIssue(parsed.error);
  };

  it('names what is wrong: the field, the reversed range, or the unknown parameters', () => {
    expect(refusal({ submittedFrom: '2026-02-30' })).toMatch(/^submittedFrom: /);
    expect(refusal({ submittedFrom: '2026-03-02', submittedTo: '2026-03-01' })).toBe(
      'submittedTo: Must not be before submittedFrom',
    );
    expect(refusal({ entityType: 'XYZ' })).toMatch(/^entityType: /);
    expect(refusal({ mode: 'HYBRID' })).toMatch(/^mode: /);
    expect(refusal({ edition: 'msc-2025-importer' })).toBe('edition: Edition ids look like MSC-2019-11');
    expect(refusal({ office: 'Houston', sort: 'x' })).toBe('Unknown query parameters: office, sort');
    expect(refusal({ limit: '5' })).toBe('Unknown query parameter: limit');
    expect(refusal({ limit: '101' }, TopDeficienciesQuerySchema)).toMatch(/^limit: /);
    expect(refusal({ limit: '0' }, TopDeficienciesQuerySchema)).toMatch(/^limit: /);
  });

  it('accepts a one-day range', () => {
    expect(AnalyticsFiltersSchema.safeParse({ submittedFrom: '2026-03-01', submittedTo: '2026-03-01' }).success).toBe(
      true,
    );
  });
});
