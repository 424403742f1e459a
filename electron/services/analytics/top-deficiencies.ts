import type { Database } from 'better-sqlite3';
import { stmt } from '../../../db/statements';
import { type CriterionCount, topDeficienciesOf } from '../../../shared/analytics/assemble';
import { ASSESSED_RESULTS } from '../../../shared/analytics/definitions';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';
import type { TopDeficiencies } from '../../../shared/analytics/views';
import { baseCtes, criterionNumberSql, type Params, type ScopeContext, sqlList } from './scope-sql';

export function topDeficiencies(
  db: Database,
  filters: AnalyticsFilters,
  limit: number,
  context: ScopeContext,
): TopDeficiencies {
  const params: Params = { limit };
  // Times assessed is counted only for the criteria that can make the list: those deficient at least as often as
  // the one in last place (ties included, since the rate breaks them), each read from its index ranges (`+`: subs
  // is checked per entry, not probed). One finding per criterion per validation (UNIQUE): count(*) counts validations.
  // Exact ratios compare equal as doubles too (IEEE division is correctly rounded), so ties order as on HQ.
  const rows = stmt(
    db,
    `WITH ${baseCtes(filters, context, params, { readOnce: true })},
     deficient AS MATERIALIZED (SELECT criterion_id, category, count(*) AS n FROM deficiencies
       GROUP BY criterion_id, category),
     candidates AS MATERIALIZED (SELECT criterion_id FROM deficient
       WHERE @limit < 1 OR n >= coalesce((SELECT n FROM deficient ORDER BY n DESC LIMIT 1 OFFSET @limit - 1), 0)),
     assessed AS MATERIALIZED (SELECT c.criterion_id, (SELECT count(*) FROM criterion_responses r
         WHERE r.criterion_id = c.criterion_id AND r.result IN ${sqlList(ASSESSED_RESULTS)}
           AND +r.validation_id IN (SELECT id FROM subs)) AS n
       FROM candidates c)
     SELECT d.criterion_id, d.category, d.n AS deficient, coalesce(a.n, 0) AS assessed
     FROM deficient d LEFT JOIN assessed a ON a.criterion_id = d.criterion_id
     ORDER BY d.n DESC, CAST(d.n AS REAL) / nullif(a.n, 0) DESC NULLS LAST, d.category,
       ${criterionNumberSql('d.criterion_id')}
     LIMIT @limit`,
  ).all(params) as CriterionCount[];
  return topDeficienciesOf(rows);
}
