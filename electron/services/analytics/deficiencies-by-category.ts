import type { Database } from 'better-sqlite3';
import { stmt } from '../../../db/statements';
import { percentOf } from '../../../shared/analytics/definitions';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';
import type { DeficienciesByCategory } from '../../../shared/analytics/views';
import { loadCategoryNames } from './category-names';
import { baseCtes, type Params, type ScopeContext } from './scope-sql';

export function deficienciesByCategory(
  db: Database,
  filters: AnalyticsFilters,
  context: ScopeContext,
): DeficienciesByCategory {
  const params: Params = {};
  const rows = stmt(
    db,
    `WITH ${baseCtes(filters, context, params, { readOnce: true })}
     SELECT category, count(*) AS count,
       count(*) FILTER (WHERE classification = 'ACTION_REQUIRED') AS action_required,
       count(*) FILTER (WHERE classification = 'RECOMMENDATION') AS recommendation
     FROM deficiencies GROUP BY category`,
  ).all(params) as Array<{ category: number; count: number; action_required: number; recommendation: number }>;
  const names = loadCategoryNames(db, filters.edition);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  // All twelve are listed, those without deficiencies at 0, as HQ lists them.
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
