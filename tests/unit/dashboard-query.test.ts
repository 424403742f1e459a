import { describe, expect, it } from 'vitest';
import { analyticsQueryString, hqScopeLabel } from '../../electron/services/analytics/hq-analytics';
import {
  dashboardQueryString,
  limitChoices,
  parseDashboardQuery,
} from '../../renderer/src/screens/dashboard/dashboard-query';
import { categoryLabel, formatPercent, periodLabel } from '../../renderer/src/screens/dashboard/figures';
import { analyticsCsv } from '../../shared/report/analytics-csv';

describe('the dashboard address', () => {
  it('reopens the same view, source, filters and list length it was written from', () => {
    const query = {
      view: 'top-deficiencies',
      source: 'hq',
      filters: { submittedFrom: '2026-01-01', submittedTo: '2026-06-30', mode: 'VIRTUAL', fieldOffice: 'Laredo' },
      limit: 20,
    } as const;
    const text = dashboardQueryString(query);
    expect(text).toBe(
      'view=top-deficiencies&source=hq&submittedFrom=2026-01-01&submittedTo=2026-06-30&mode=VIRTUAL&fieldOffice=Laredo&limit=20',
    );
    expect(parseDashboardQuery(text, 'computer')).toEqual(query);
  });

  it('falls back to key statistics, the role’s default source and 10 criteria when the address says nothing usable', () => {
    expect(parseDashboardQuery('view=pie&source=cloud&limit=5000', 'hq')).toEqual({
      view: 'key-statistics',
      source: 'hq',
      filters: {},
      limit: 10,
    });
  });

  it('offers the list length an address asked for in the menu, so the menu says what is listed', () => {
    const q = parseDashboardQuery('view=top-deficiencies&limit=7', 'computer');
    expect(q.limit).toBe(7);
    expect(limitChoices(q.limit)).toEqual([7, 10, 20, 50, 100]);
    expect(limitChoices(20)).toEqual([10, 20, 50, 100]);
  });

  it('keeps a filter value the contract refuses, so the screen can say which field is wrong', () => {
    expect(parseDashboardQuery('submittedFrom=2026-02-30&entityType=XYZ', 'computer').filters).toEqual({
      submittedFrom: '2026-02-30',
      entityType: 'XYZ',
    });
  });
});

describe('asking HQ', () => {
  it('sends the filters as HQ’s query parameters, and the limit only for top deficiencies', () => {
    const filters = { entityType: 'IMP', edition: 'MSC-2019-11' } as const;
    expect(analyticsQueryString({ view: 'top-deficiencies', filters, limit: 25 })).toBe(
      '?entityType=IMP&edition=MSC-2019-11&limit=25',
    );
    expect(analyticsQueryString({ view: 'trends', filters, limit: 25 })).toBe('?entityType=IMP&edition=MSC-2019-11');
    expect(analyticsQueryString({ view: 'trends', filters: {} })).toBe('');
  });

  it('names whose validations HQ counts, by role', () => {
    const user = { id: '00000000-0000-4000-8000-000000000001', name: 'Pat', fieldOffice: 'Houston' };
    expect(hqScopeLabel({ ...user, role: 'SCSS' })).toBe('Your validations at HQ');
    expect(hqScopeLabel({ ...user, role: 'SUPERVISOR' })).toBe('Houston field office at HQ');
    expect(hqScopeLabel({ ...user, role: 'HQ_ANALYST' })).toBe('Every validation at HQ');
  });
});

describe('figures as shown', () => {
  it('formats percents, periods and categories as a reader expects', () => {
    expect(formatPercent(13.48)).toBe('13.48%');
    expect(formatPercent(50)).toBe('50.00%');
    expect(periodLabel('2026-Q3')).toBe('Q3 2026');
    expect(periodLabel('2026-03')).toBe('Mar 2026');
    expect(categoryLabel(new Map([[4, 'Cybersecurity']]), 4)).toBe('4. Cybersecurity');
    expect(categoryLabel(new Map(), 4)).toBe('Category 4');
  });
});

describe('a view as CSV', () => {
  it('writes key statistics as metric,value lines with the repeat count left empty when unknown', () => {
    const csv = analyticsCsv({
      view: 'key-statistics',
      data: {
        validationsSubmitted: 3,
        membersValidated: 2,
        deficiencies: 5,
        deficienciesPerValidation: { mean: 1.67, median: 2 },
        shareWithActionRequired: 66.67,
        repeatDeficiencies: null,
        responsesOverdue: 0,
      },
    });
    expect(csv.split('\n').slice(0, 4)).toEqual([
      'metric,value',
      'validationsSubmitted,3',
      'membersValidated,2',
      'deficiencies,5',
    ]);
    expect(csv).toContain('repeatDeficiencies,\n');
  });

  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers and plain names alone', () => {
    const csv = analyticsCsv({
      view: 'deficiencies-by-category',
      data: {
        total: 4,
        rows: [
          {
            category: 1,
            name: '=HYPERLINK("http://evil","x")',
            count: 2,
            percent: 50,
            actionRequired: 1,
            recommendation: 1,
          },
          { category: 2, name: '@SUM(A1)', count: 1, percent: 25, actionRequired: 1, recommendation: 0 },
          { category: 3, name: 'Risk Assessment', count: 1, percent: 25, actionRequired: 0, recommendation: 1 },
        ],
      },
    });
    expect(csv.split('\n').slice(1, 4)).toEqual([
      `1,"'=HYPERLINK(""http://evil"",""x"")",2,50,1,1`,
      "2,'@SUM(A1),1,25,1,0",
      '3,Risk Assessment,1,25,0,1',
    ]);
  });
});
