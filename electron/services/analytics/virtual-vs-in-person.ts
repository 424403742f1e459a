import type { Database } from 'better-sqlite3';
import { stmt } from '../../../db/statements';
import { minutesOfSeconds, percentOf, quartiles, roundedRatio } from '../../../shared/analytics/definitions';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';
import type { VirtualVsInPerson } from '../../../shared/analytics/views';
import { baseCtes, type Params, type ScopeContext } from './scope-sql';

const MODES = ['IN_PERSON', 'VIRTUAL'] as const;

/** Whole milliseconds since the epoch of an ISO timestamp, so durations round to seconds exactly as on HQ. */
const epochMsSql = (column: string) => `CAST(round(unixepoch(${column}, 'subsec') * 1000) AS INTEGER)`;

export function virtualVsInPerson(db: Database, filters: AnalyticsFilters, context: ScopeContext): VirtualVsInPerson {
  const params: Params = {};
  // One statement, so the base CTEs are built once: rows with a category are the deficiencies per mode and
  // category; the others, per validation, its mode, deficiencies, whether one is Action Required, and its timed
  // sessions' whole seconds (each rounded half up, as HQ's round() of a non-negative interval), null when untimed.
  const rows = stmt(
    db,
    `WITH ${baseCtes(filters, context, params)},
     sessions AS (
       SELECT vs.validation_id, ${epochMsSql('vs.ended_at')} - ${epochMsSql('vs.started_at')} AS ms
       FROM subs s JOIN virtual_sessions vs ON vs.validation_id = s.id
       WHERE vs.started_at IS NOT NULL AND vs.ended_at IS NOT NULL),
     durations AS MATERIALIZED (SELECT validation_id, sum((ms + 500) / 1000) AS seconds FROM sessions WHERE ms >= 0
       GROUP BY validation_id),
     counts AS MATERIALIZED (SELECT validation_id, count(*) AS n, max(classification = 'ACTION_REQUIRED') AS has_ar
       FROM deficiencies GROUP BY validation_id)
     SELECT s.mode, NULL AS category, coalesce(c.n, 0) AS n, coalesce(c.has_ar, 0) AS has_ar, du.seconds
     FROM subs s LEFT JOIN counts c ON c.validation_id = s.id LEFT JOIN durations du ON du.validation_id = s.id
     UNION ALL
     SELECT mode, category, count(*), NULL, NULL FROM deficiencies GROUP BY 1, 2`,
  ).all(params) as Array<{ mode: string; category: number | null; n: number; has_ar: number; seconds: number | null }>;
  const perValidation = rows.filter((r) => r.category === null);
  const categoryRows = rows.flatMap((r) => (r.category === null ? [] : [{ ...r, category: r.category, count: r.n }]));
  const minutes = (seconds: number | null) => (seconds === null ? null : minutesOfSeconds(seconds));
  return {
    modes: MODES.map((mode) => {
      const rows = perValidation.filter((r) => r.mode === mode);
      const validations = rows.length;
      const deficiencies = rows.reduce((sum, r) => sum + r.n, 0);
      const timed = rows.flatMap((r) => (r.seconds === null ? [] : [r.seconds]));
      // Quartiles by linear interpolation, as HQ's percentile_cont.
      const q = quartiles(timed);
      return {
        mode,
        validations,
        deficiencies,
        perValidation: roundedRatio(deficiencies, validations),
        shareWithActionRequired: percentOf(rows.filter((r) => r.has_ar).length, validations),
        byCategory: categoryRows
          .filter((r) => r.mode === mode)
          .sort((a, b) => b.count - a.count || a.category - b.category)
          .map((r) => ({ category: r.category, count: r.count, percent: percentOf(r.count, deficiencies) })),
        sessionDuration:
          mode === 'VIRTUAL'
            ? {
                validationsTimed: timed.length,
                validationsUntimed: validations - timed.length,
                medianMinutes: minutes(q?.median ?? null),
                q1Minutes: minutes(q?.q1 ?? null),
                q3Minutes: minutes(q?.q3 ?? null),
                iqrMinutes: q === null ? null : minutes(q.q3 - q.q1),
              }
            : null,
      };
    }),
  };
}
