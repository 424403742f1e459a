import { stringify } from 'csv-stringify/sync';
import type { AnalyticsViewResult, KeyStatistics, TrendPeriod, Trends, VirtualVsInPerson } from '../analytics/views';
import { neutralize } from './csv';

/**
 * Each view's rows as CSV, one table per view, so HQ's `Accept: text/csv` answer and the laptop's
 * dashboard download are the same file for the same numbers.
 */
export type CsvTable = { columns: string[]; rows: Array<Record<string, unknown>> };

const keyStatisticsTable = (s: KeyStatistics): CsvTable => ({
  columns: ['metric', 'value'],
  rows: [
    ['validationsSubmitted', s.validationsSubmitted],
    ['membersValidated', s.membersValidated],
    ['deficiencies', s.deficiencies],
    ['deficienciesPerValidationMean', s.deficienciesPerValidation.mean],
    ['deficienciesPerValidationMedian', s.deficienciesPerValidation.median],
    ['shareWithActionRequired', s.shareWithActionRequired],
    ['repeatDeficiencies', s.repeatDeficiencies],
    ['responsesOverdue', s.responsesOverdue],
  ].map(([metric, value]) => ({ metric, value })),
});

/** One row per period × (overall, with an empty category, or one category): months first, then quarters. */
const trendsTable = (t: Trends): CsvTable => ({
  columns: ['period', 'category', 'validations', 'deficiencies', 'perValidation'],
  rows: [...t.months, ...t.quarters].flatMap((p: TrendPeriod) => [
    {
      period: p.period,
      category: '',
      validations: p.validations,
      deficiencies: p.deficiencies,
      perValidation: p.perValidation,
    },
    ...p.byCategory.map((c) => ({
      period: p.period,
      category: c.category,
      validations: p.validations,
      deficiencies: c.count,
      perValidation: c.perValidation,
    })),
  ]),
});

/** One metric per line, per mode; category lines name their category, duration lines are virtual only. */
const virtualVsInPersonTable = (v: VirtualVsInPerson): CsvTable => ({
  columns: ['mode', 'metric', 'category', 'value'],
  rows: v.modes.flatMap((m) => [
    ...(
      [
        ['validations', m.validations],
        ['deficiencies', m.deficiencies],
        ['perValidation', m.perValidation],
        ['shareWithActionRequired', m.shareWithActionRequired],
      ] as const
    ).map(([metric, value]) => ({ mode: m.mode, metric, category: '', value })),
    ...m.byCategory.flatMap((c) => [
      { mode: m.mode, metric: 'categoryCount', category: c.category, value: c.count },
      { mode: m.mode, metric: 'categoryPercent', category: c.category, value: c.percent },
    ]),
    ...Object.entries(m.sessionDuration ?? {}).map(([metric, value]) => ({
      mode: m.mode,
      metric,
      category: '',
      value,
    })),
  ]),
});

export function analyticsTable(result: AnalyticsViewResult): CsvTable {
  switch (result.view) {
    case 'key-statistics':
      return keyStatisticsTable(result.data);
    case 'deficiencies-by-category':
      return {
        columns: ['category', 'name', 'count', 'percent', 'actionRequired', 'recommendation'],
        rows: result.data.rows,
      };
    case 'top-deficiencies':
      return {
        columns: ['criterionId', 'category', 'timesDeficient', 'timesAssessed', 'rate'],
        rows: result.data.rows,
      };
    case 'deficiency-reasons':
      return { columns: ['reasonCode', 'count', 'percent'], rows: result.data.rows };
    case 'trends':
      return trendsTable(result.data);
    case 'virtual-vs-in-person':
      return virtualVsInPersonTable(result.data);
  }
}

/**
 * The view as CSV text: a header row, then its rows. Text cells that would start a formula are neutralised as in
 * the findings CSV: category names come from published catalog editions, and a spreadsheet must never run them.
 */
export function analyticsCsv(result: AnalyticsViewResult): string {
  const { columns, rows } = analyticsTable(result);
  return stringify(rows, { header: true, columns, cast: { string: neutralize } });
}
