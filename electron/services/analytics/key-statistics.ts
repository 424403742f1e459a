import type { Database } from 'better-sqlite3';
import { stmt } from '../../../db/statements';
import { median, percentOf, roundedRatio } from '../../../shared/analytics/definitions';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';
import type { KeyStatistics } from '../../../shared/analytics/views';
import { DEFAULT_RESPONSE_DAYS } from '../../../shared/domain/lifecycle';
import { baseCtes, deficiencyFindingSql, type Params, type ScopeContext } from './scope-sql';

/** The report date of the latest approval, from this laptop's history or HQ's (pulled) one. */
const REPORT_DATE_SQL = `(SELECT report_date FROM (
    SELECT e.report_date, e.at FROM workflow_events e
      WHERE e.validation_id = s.id AND e.kind = 'APPROVE' AND e.report_date IS NOT NULL
    UNION ALL
    SELECT h.payload_json ->> '$.reportDate', h.payload_json ->> '$.at' FROM hq_lifecycle_records h
      WHERE h.validation_id = s.id AND h.entity = 'workflow_event' AND h.payload_json ->> '$.kind' = 'APPROVE'
        AND h.payload_json ->> '$.reportDate' IS NOT NULL)
  ORDER BY at DESC LIMIT 1)`;

/** The assessment of the finding's latest Member response; per response, the newer of this laptop's and HQ's. */
const LATEST_ASSESSMENT_SQL = `(SELECT assessment FROM (
    SELECT m.assessment, m.received_on, m.updated_at FROM member_responses m
      WHERE m.validation_id = d.validation_id AND m.finding_id = d.finding_id
        AND NOT EXISTS (SELECT 1 FROM hq_lifecycle_records h WHERE h.validation_id = m.validation_id
          AND h.entity = 'member_response' AND h.entity_id = m.id AND h.payload_json ->> '$.version' > m.version)
    UNION ALL
    SELECT h.payload_json ->> '$.assessment', h.payload_json ->> '$.receivedOn', h.payload_json ->> '$.updatedAt'
      FROM hq_lifecycle_records h
      WHERE h.validation_id = d.validation_id AND h.entity = 'member_response'
        AND h.payload_json ->> '$.findingId' = d.finding_id
        AND NOT EXISTS (SELECT 1 FROM member_responses m WHERE m.id = h.entity_id
          AND m.version >= h.payload_json ->> '$.version'))
  ORDER BY received_on DESC, updated_at DESC LIMIT 1)`;

export function keyStatistics(
  db: Database,
  filters: AnalyticsFilters,
  context: ScopeContext & { today: string },
): KeyStatistics {
  const params: Params = { today: context.today, responseDays: DEFAULT_RESPONSE_DAYS };
  const sql = `WITH ${baseCtes(filters, context, params)},
  per_validation AS MATERIALIZED (
    SELECT s.id, count(d.finding_id) AS n, coalesce(max(d.classification = 'ACTION_REQUIRED'), 0) AS has_ar
    FROM subs s LEFT JOIN deficiencies d ON d.validation_id = s.id GROUP BY s.id),
  previous AS MATERIALIZED (
    -- The same Member's latest validation submitted strictly before, ties broken by id as HQ does.
    SELECT id, max(submitted_at || ' ' || id) OVER (PARTITION BY member_id ORDER BY submitted_at
      GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_key
    FROM in_scope),
  repeats AS (
    SELECT DISTINCT d.validation_id, d.criterion_id FROM deficiencies d JOIN previous p ON p.id = d.validation_id
    WHERE p.prev_key IS NOT NULL AND EXISTS (SELECT 1 FROM findings pf
      WHERE pf.validation_id = substr(p.prev_key, instr(p.prev_key, ' ') + 1) AND pf.criterion_id = d.criterion_id
        AND ${deficiencyFindingSql('pf')})),
  awaiting AS MATERIALIZED (
    SELECT s.id, ${REPORT_DATE_SQL} AS report_date FROM subs s WHERE s.workflow_state = 'AWAITING_RESPONSE'),
  overdue AS (
    SELECT d.finding_id FROM deficiencies d JOIN awaiting s ON s.id = d.validation_id
    WHERE d.classification = 'ACTION_REQUIRED' AND s.report_date IS NOT NULL
      AND @today > date(s.report_date, '+' || @responseDays || ' days')
      AND coalesce(${LATEST_ASSESSMENT_SQL}, '') <> 'ACCEPTED')
  SELECT (SELECT count(*) FROM subs) AS validations,
    (SELECT count(DISTINCT member_id) FROM subs) AS members,
    (SELECT count(*) FROM deficiencies) AS deficiencies,
    (SELECT json_group_array(n) FROM per_validation) AS counts,
    (SELECT count(*) FROM per_validation WHERE has_ar) AS with_action_required,
    (SELECT count(*) FROM repeats) AS repeats,
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
