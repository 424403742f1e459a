import type { Database } from 'better-sqlite3';
import { readSettings } from '../../../db/queries/settings';
import { stmt } from '../../../db/statements';
import { median, percentOf, roundedRatio } from '../../../shared/analytics/definitions';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';
import type { KeyStatistics } from '../../../shared/analytics/views';
import { baseCtes, deficiencyFindingSql, type Params, type ScopeContext } from './scope-sql';

/**
 * When the Member's responses to validation `a` are due, as its latest approval (from this laptop's history or
 * HQ's pulled one) fixed it; an approval made before approvals fixed it counts Settings' period from its report date.
 */
const RESPONSE_DUE_SQL = `(SELECT coalesce(due, date(report_date, '+' || @responseDays || ' days')) FROM (
    SELECT e.report_date, e.response_due_date AS due, e.at FROM workflow_events e
      WHERE e.validation_id = a.id AND e.kind = 'APPROVE' AND e.report_date IS NOT NULL
    UNION ALL
    SELECT h.payload_json ->> '$.reportDate', h.payload_json ->> '$.responseDueDate', h.payload_json ->> '$.at'
      FROM hq_lifecycle_records h
      WHERE h.validation_id = a.id AND h.entity = 'workflow_event' AND h.payload_json ->> '$.kind' = 'APPROVE'
        AND h.payload_json ->> '$.reportDate' IS NOT NULL)
  ORDER BY at DESC LIMIT 1)`;

/** The assessment of finding `f`'s latest Member response; per response, the newer of this laptop's and HQ's. */
const LATEST_ASSESSMENT_SQL = `(SELECT assessment FROM (
    SELECT m.assessment, m.received_on, m.updated_at FROM member_responses m
      WHERE m.validation_id = f.validation_id AND m.finding_id = f.id
        AND NOT EXISTS (SELECT 1 FROM hq_lifecycle_records h WHERE h.validation_id = m.validation_id
          AND h.entity = 'member_response' AND h.entity_id = m.id AND h.payload_json ->> '$.version' > m.version)
    UNION ALL
    SELECT h.payload_json ->> '$.assessment', h.payload_json ->> '$.receivedOn', h.payload_json ->> '$.updatedAt'
      FROM hq_lifecycle_records h
      WHERE h.validation_id = f.validation_id AND h.entity = 'member_response'
        AND h.payload_json ->> '$.findingId' = f.id
        AND NOT EXISTS (SELECT 1 FROM member_responses m WHERE m.id = h.entity_id
          AND m.version >= h.payload_json ->> '$.version'))
  ORDER BY received_on DESC, updated_at DESC LIMIT 1)`;

export function keyStatistics(
  db: Database,
  filters: AnalyticsFilters,
  context: ScopeContext & { today: string },
): KeyStatistics {
  // Overdue after the due date the screens show (lifecycle-read's responseDueOf).
  const params: Params = { today: context.today, responseDays: readSettings(db).responseDays };
  const sql = `WITH ${baseCtes(filters, context, params)},
  previous AS MATERIALIZED (
    -- The same Member's latest validation submitted strictly before, ties broken by id as HQ does.
    SELECT id, substr(prev_key, instr(prev_key, ' ') + 1) AS prev_id FROM (
      SELECT id, max(submitted_at || ' ' || id) OVER (PARTITION BY member_id ORDER BY submitted_at
        GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_key
      FROM in_scope)
    WHERE id IN (SELECT id FROM subs)),
  per_validation AS MATERIALIZED (
    -- One pass over each validation's findings (by index) instead of writing out every deficiency; a finding per
    -- criterion per validation (UNIQUE), so each repeated pair counts once.
    SELECT count(f.id) AS n, coalesce(max(f.classification = 'ACTION_REQUIRED'), 0) AS has_ar, count(pf.id) AS repeats
    FROM previous p
      LEFT JOIN findings f ON f.validation_id = p.id AND ${deficiencyFindingSql('f')}
      LEFT JOIN findings pf ON pf.validation_id = p.prev_id AND pf.criterion_id = f.criterion_id
        AND ${deficiencyFindingSql('pf')}
    GROUP BY p.id),
  awaiting AS MATERIALIZED (
    SELECT a.id, ${RESPONSE_DUE_SQL} AS due_date FROM subs a WHERE a.workflow_state = 'AWAITING_RESPONSE'),
  overdue AS (
    SELECT f.id FROM awaiting a CROSS JOIN findings f ON f.validation_id = a.id
    WHERE f.classification = 'ACTION_REQUIRED' AND ${deficiencyFindingSql('f')} AND a.due_date IS NOT NULL
      AND a.due_date < @today
      AND coalesce(${LATEST_ASSESSMENT_SQL}, '') <> 'ACCEPTED')
  SELECT (SELECT count(*) FROM subs) AS validations,
    (SELECT count(DISTINCT member_id) FROM subs) AS members,
    (SELECT coalesce(sum(n), 0) FROM per_validation) AS deficiencies,
    (SELECT json_group_array(n) FROM per_validation) AS counts,
    (SELECT count(*) FROM per_validation WHERE has_ar) AS with_action_required,
    (SELECT coalesce(sum(repeats), 0) FROM per_validation) AS repeats,
    (SELECT count(*) FROM overdue) AS overdue`;
  const row = stmt(db, sql).get(params) as {
    validations: number;
    members: number;
    deficiencies: number;
    counts: string;
    with_action_required: number;
    repeats: number;
    overdue: number;
  };
  return {
    validationsSubmitted: row.validations,
    membersValidated: row.members,
    deficiencies: row.deficiencies,
    deficienciesPerValidation: {
      mean: roundedRatio(row.deficiencies, row.validations),
      median: median(JSON.parse(row.counts) as number[]),
    },
    shareWithActionRequired: percentOf(row.with_action_required, row.validations),
    repeatDeficiencies: row.repeats,
    responsesOverdue: row.overdue,
  };
}
