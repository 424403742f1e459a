import type { Database } from 'better-sqlite3';
import { stmt } from '../../../db/statements';
import { minutesOfSeconds, percentOf, quartiles, roundedRatio } from '../../../shared/analytics/definitions';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';
import type { VirtualVsInPerson } from '../../../shared/analytics/views';
import { baseCtes, deficiencyFindingSql, type Params, type ScopeContext } from './scope-sql';

const MODES = ['IN_PERSON', 'VIRTUAL'] as const;

/** Whole milliseconds since the epoch of an ISO timestamp, so durations round to seconds exactly as on HQ. */
const epochMsSql = (column: string) => `CAST(round(unixepoch(${column}, 'subsec') * 1000) AS INTEGER)`;

export function virtualVsInPerson(db: Database, filters: AnalyticsFilters, context: ScopeContext): VirtualVsInPerson {
  const params: Params = {};
  // One statement, so the base CTEs are built once. Rows of kind 'v': per mode, validations and those with an
  // Action Required (looked up per validation, not counted from every deficiency); 'c': deficiencies per mode and
  // category; 'd': a timed validation's mode and sessions' whole seconds (each rounded half up, as HQ's round()).
  const rows = stmt(
    db,
    `WITH ${baseCtes(filters, context, params, { readOnce: true })},
     sessions AS (
       SELECT vs.validation_id, s.mode, ${epochMsSql('vs.ended_at')} - ${epochMsSql('vs.started_at')} AS ms
       FROM subs s JOIN virtual_sessions vs ON vs.validation_id = s.id
       WHERE vs.started_at IS NOT NULL AND vs.ended_at IS NOT NULL),
     durations AS (SELECT validation_id, mode, sum((ms + 500) / 1000) AS seconds FROM sessions WHERE ms >= 0
       GROUP BY validation_id, mode)
     SELECT 'v' AS kind, s.mode, NULL AS category, count(*) AS n,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM findings f WHERE f.validation_id = s.id
         AND f.classification = 'ACTION_REQUIRED' AND ${deficiencyFindingSql('f')})) AS m
     FROM subs s GROUP BY s.mode
     UNION ALL
     SELECT 'c', mode, category, count(*), NULL FROM deficiencies GROUP BY 2, 3
     UNION ALL
     SELECT 'd', mode, NULL, seconds, NULL FROM durations`,
  ).all(params) as Array<{ kind: 'v' | 'c' | 'd'; mode: string; category: number | null; n: number; m: number | null }>;
  const minutes = (seconds: number | null) => (seconds === null ? null : minutesOfSeconds(seconds));
  return {
    modes: MODES.map((mode) => {
      const ofMode = rows.filter((r) => r.mode === mode);
      const totals = ofMode.find((r) => r.kind === 'v');
      const validations = totals?.n ?? 0;
      const categoryRows = ofMode.flatMap((r) => (r.kind === 'c' ? [{ category: r.category ?? 0, count: r.n }] : []));
      const deficiencies = categoryRows.reduce((sum, r) => sum + r.count, 0);
      const timed = ofMode.flatMap((r) => (r.kind === 'd' ? [r.n] : []));
      // Quartiles by linear interpolation, as HQ's percentile_cont.
      const q = quartiles(timed);
      return {
        mode,
        validations,
        deficiencies,
        perValidation: roundedRatio(deficiencies, validations),
        shareWithActionRequired: percentOf(totals?.m ?? 0, validations),
        byCategory: categoryRows
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
