import type { Database } from 'better-sqlite3';
import { stmt } from '../../../db/statements';
import { percentOf } from '../../../shared/analytics/definitions';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';
import type { DeficiencyReasons } from '../../../shared/analytics/views';
import { baseCtes, type Params, type ScopeContext } from './scope-sql';

export function deficiencyReasons(db: Database, filters: AnalyticsFilters, context: ScopeContext): DeficiencyReasons {
  const params: Params = {};
  // SQLite's binary order of reason codes is HQ's under its C collation.
  const rows = stmt(
    db,
    `WITH ${baseCtes(filters, context, params, { readOnce: true })}
     SELECT reason_code, count(*) AS count FROM deficiencies
     GROUP BY reason_code ORDER BY count(*) DESC, reason_code NULLS LAST`,
  ).all(params) as Array<{ reason_code: string | null; count: number }>;
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return {
    total,
    rows: rows.map((r) => ({ reasonCode: r.reason_code, count: r.count, percent: percentOf(r.count, total) })),
  };
}
