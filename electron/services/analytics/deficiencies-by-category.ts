import type { Database } from 'better-sqlite3';
import { stmt } from '../../../db/statements';
import { type CategoryCount, categoryTable } from '../../../shared/analytics/assemble';
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
  ).all(params) as CategoryCount[];
  const names = loadCategoryNames(db, filters.edition);
  return categoryTable(rows, names);
}
