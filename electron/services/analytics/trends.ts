import type { Database } from 'better-sqlite3';
import { stmt } from '../../../db/statements';
import { type MonthlyCount, trendsFromMonthlyCounts } from '../../../shared/analytics/assemble';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';
import type { Trends } from '../../../shared/analytics/views';
import { baseCtes, type Params, type ScopeContext } from './scope-sql';

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
  ).all(params) as MonthlyCount[];
  return trendsFromMonthlyCounts(rows);
}
