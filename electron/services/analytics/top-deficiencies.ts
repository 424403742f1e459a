import type { Database } from 'better-sqlite3';
import { stmt } from '../../../db/statements';
import { percentOf } from '../../../shared/analytics/definitions';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';
import type { TopDeficiencies } from '../../../shared/analytics/views';
import { baseCtes, criterionNumberSql, type Params, type ScopeContext } from './scope-sql';

export function topDeficiencies(
  db: Database,
  filters: AnalyticsFilters,
  limit: number,
  context: ScopeContext,
): TopDeficiencies {
  const params: Params = { limit };
  // Exact ratios compare equal as doubles too (IEEE division is correctly rounded), so ties order as on HQ.
  const rows = stmt(
    db,
    `WITH ${baseCtes(filters, context, params)},
     deficient AS MATERIALIZED (SELECT criterion_id, category, count(DISTINCT validation_id) AS n FROM deficiencies
       GROUP BY criterion_id, category),
     assessed AS MATERIALIZED (SELECT r.criterion_id, count(*) AS n
       FROM subs s JOIN criterion_responses r ON r.validation_id = s.id
       WHERE r.result IN ('COMPLIANT', 'DEFICIENT') AND r.criterion_id IN (SELECT criterion_id FROM deficient)
       GROUP BY r.criterion_id)
     SELECT d.criterion_id, d.category, d.n AS deficient, coalesce(a.n, 0) AS assessed
     FROM deficient d LEFT JOIN assessed a ON a.criterion_id = d.criterion_id
     ORDER BY d.n DESC, CAST(d.n AS REAL) / nullif(a.n, 0) DESC NULLS LAST, d.category,
       ${criterionNumberSql('d.criterion_id')}
     LIMIT @limit`,
  ).all(params) as Array<{ criterion_id: string; category: number; deficient: number; assessed: number }>;
  return {
    rows: rows.map((r) => ({
      criterionId: r.criterion_id,
      category: r.category,
      timesDeficient: r.deficient,
      timesAssessed: r.assessed,
      rate: percentOf(r.deficient, r.assessed),
    })),
  };
}
