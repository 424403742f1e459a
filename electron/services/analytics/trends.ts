import type { Database } from 'better-sqlite3';
import { stmt } from '../../../db/statements';
import { quarterOf, roundedRatio } from '../../../shared/analytics/definitions';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';
import type { TrendPeriod, Trends } from '../../../shared/analytics/views';
import { baseCtes, type Params, type ScopeContext } from './scope-sql';

type PeriodTally = { validations: number; byCategory: Map<number, number> };

/** Tallies in period order, each with its deficiencies per validation overall and per category. */
function trendPeriods(tallies: ReadonlyMap<string, PeriodTally>): TrendPeriod[] {
  return [...tallies.entries()]
    .filter(([, t]) => t.validations > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, t]) => {
      const byCategory = [...t.byCategory.entries()]
        .sort(([a], [b]) => a - b)
        .map(([category, count]) => ({ category, count, perValidation: roundedRatio(count, t.validations) }));
      const deficiencies = byCategory.reduce((sum, c) => sum + c.count, 0);
      return {
        period,
        validations: t.validations,
        deficiencies,
        perValidation: roundedRatio(deficiencies, t.validations),
        byCategory,
      };
    });
}

export function trends(db: Database, filters: AnalyticsFilters, context: ScopeContext): Trends {
  const params: Params = {};
  // Rows without a category count validations, the others deficiencies, per month of the UTC submitted date.
  const rows = stmt(
    db,
    `WITH ${baseCtes(filters, context, params, { readOnce: true })}
     SELECT substr(s.submitted_at, 1, 7) AS month, NULL AS category, count(*) AS n
     FROM subs s WHERE s.submitted_at IS NOT NULL GROUP BY 1
     UNION ALL
     SELECT month, category, count(*) FROM deficiencies WHERE month IS NOT NULL GROUP BY 1, 2`,
  ).all(params) as Array<{ month: string; category: number | null; n: number }>;
  const months = new Map<string, PeriodTally>();
  const quarters = new Map<string, PeriodTally>();
  // Counts add up, so a quarter is the sum of its months.
  for (const row of rows) {
    for (const [tallies, period] of [
      [months, row.month],
      [quarters, quarterOf(row.month)],
    ] as const) {
      const t = tallies.get(period) ?? { validations: 0, byCategory: new Map<number, number>() };
      if (row.category === null) t.validations += row.n;
      else t.byCategory.set(row.category, (t.byCategory.get(row.category) ?? 0) + row.n);
      tallies.set(period, t);
    }
  }
  return { months: trendPeriods(months), quarters: trendPeriods(quarters) };
}
