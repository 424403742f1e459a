import { percentOf, quarterOf, roundedRatio } from './definitions';
import type { DeficienciesByCategory, TopDeficiencies, TrendPeriod, Trends } from './views';

/**
 * The last step of two views, from the counts SQL returns to the answer, shared by HQ (PostgreSQL) and the
 * laptop (SQLite) so the same counts always make the same rows in the same order.
 */

export type CategoryCount = { category: number; count: number; action_required: number; recommendation: number };

/** All twelve categories, those without deficiencies at 0 (a chart always shows all twelve), most first. */
export function categoryTable(
  rows: readonly CategoryCount[],
  names: ReadonlyMap<number, string>,
): DeficienciesByCategory {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  const all = Array.from({ length: 12 }, (_, i) => {
    const category = i + 1;
    const found = byCategory.get(category);
    const count = found?.count ?? 0;
    return {
      category,
      name: names.get(category) ?? `Category ${category}`,
      count,
      percent: percentOf(count, total),
      actionRequired: found?.action_required ?? 0,
      recommendation: found?.recommendation ?? 0,
    };
  });
  all.sort((a, b) => b.count - a.count || a.category - b.category);
  return { total, rows: all };
}

/** Per month of the UTC submitted date: a row without a category counts validations, one with a category deficiencies. */
export type MonthlyCount = { month: string; category: number | null; n: number };

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

/** Months and quarters from monthly counts: counts add up, so a quarter is the sum of its months. */
export function trendsFromMonthlyCounts(rows: readonly MonthlyCount[]): Trends {
  const months = new Map<string, PeriodTally>();
  const quarters = new Map<string, PeriodTally>();
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

/** A criterion's times deficient and times assessed, as SQL counts them. */
export type CriterionCount = { criterion_id: string; category: number; deficient: number; assessed: number };

/** The top deficiencies answer, each criterion's rate being deficient ÷ assessed as a rounded percent. */
export const topDeficienciesOf = (rows: readonly CriterionCount[]): TopDeficiencies => ({
  rows: rows.map((r) => ({
    criterionId: r.criterion_id,
    category: r.category,
    timesDeficient: r.deficient,
    timesAssessed: r.assessed,
    rate: percentOf(r.deficient, r.assessed),
  })),
});
