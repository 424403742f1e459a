import {
  DEFICIENCY_CLASSIFICATIONS,
  DEFICIENT_RESULT,
  NO_FINDING_DECISION,
  SELF_EVIDENT_DEFICIENCY_CLASSIFICATIONS,
} from '../../../shared/analytics/definitions';
import type { AnalyticsFilters } from '../../../shared/analytics/filters';

/**
 * The SQL every local view starts from: the enrolled person's validations on this laptop (the `validations` table,
 * what HQ shows their SCSS) that were ever submitted, read the way HQ holds them, and their deficiencies. HQ's word
 * on them (a reviewer's decision, the approval, Member responses) comes from the pulled copy's lifecycle records
 * (migration 011) beside what this laptop recorded itself, as lifecycle-read.ts combines them.
 */

/** The enrolled person's office and HQ user id (both null before enrolment, when every validation here is theirs). */
export type ScopeContext = { fieldOffice: string | null; userId: string | null };
export type Params = Record<string, string | number>;

/** A fixed list of codes from shared/analytics/definitions.ts as an SQL list: ('A', 'B'). Codes only, never input. */
export const sqlList = (codes: readonly string[]): string => `(${codes.map((c) => `'${c}'`).join(', ')})`;

const NO_FINDING = `'${NO_FINDING_DECISION.decision}'`;
const NO_FINDING_PROPOSED = `'${NO_FINDING_DECISION.proposedClassification}'`;

/**
 * HQ's submittedAt: a return or withdrawal clears submitted_at here but HQ keeps the last submission's, which is
 * the latest SUBMIT in this laptop's history (its `at` is the submittedAt pushed), else the pulled copy's.
 */
const SUBMITTED_AT_SQL = `coalesce(v.submitted_at,
    (SELECT max(e.at) FROM workflow_events e WHERE e.validation_id = v.id AND e.kind = 'SUBMIT'),
    (SELECT h.payload_json ->> '$.submittedAt' FROM hq_validations h WHERE h.id = v.id))`;

/** A criterion's category and its number within it: 4.17 → 4 and 17. */
export const categorySql = (criterionId: string) =>
  `CAST(substr(${criterionId}, 1, instr(${criterionId}, '.') - 1) AS INTEGER)`;
export const criterionNumberSql = (criterionId: string) =>
  `CAST(substr(${criterionId}, instr(${criterionId}, '.') + 1) AS INTEGER)`;

/** The review of finding (`v`, `f`) in effect (the newer version of this laptop's and HQ's, HQ's on a tie) ruled it "no finding". */
const effectiveNoFindingSql = (v: string, f: string) => `EXISTS (SELECT 1 FROM (
      SELECT decision, proposed FROM (
        SELECT r.decision, r.proposed_classification AS proposed, r.version, 1 AS here FROM finding_reviews r
          WHERE r.validation_id = ${v} AND r.finding_id = ${f}
        UNION ALL
        SELECT h.payload_json ->> '$.decision', h.payload_json ->> '$.proposedClassification',
          h.payload_json ->> '$.version', 0 FROM hq_lifecycle_records h
          WHERE h.validation_id = ${v} AND h.entity = 'finding_review' AND h.entity_id = ${v} || '/' || ${f})
      ORDER BY version DESC, here LIMIT 1) review
    WHERE review.decision = ${NO_FINDING} AND review.proposed = ${NO_FINDING_PROPOSED})`;

/**
 * CTE `ruled_out`: the findings ruled "no finding". Only a finding with such a review (here or at HQ) can be, so
 * the effective review is looked up for those few, once, instead of for every finding.
 */
const RULED_OUT_CTE = `ruled_out AS MATERIALIZED (
    SELECT c.validation_id, c.finding_id FROM (
      SELECT validation_id, finding_id FROM finding_reviews
        WHERE decision = ${NO_FINDING} AND proposed_classification = ${NO_FINDING_PROPOSED}
      UNION
      SELECT validation_id, substr(entity_id, length(validation_id) + 2) FROM hq_lifecycle_records
        WHERE entity = 'finding_review' AND substr(entity_id, 1, length(validation_id) + 1) = validation_id || '/'
          AND payload_json ->> '$.decision' = ${NO_FINDING} AND payload_json ->> '$.proposedClassification' = ${NO_FINDING_PROPOSED}) c
    WHERE ${effectiveNoFindingSql('c.validation_id', 'c.finding_id')})`;

/**
 * A finding row `f` (of the findings table) that is a deficiency, its validation being submitted; needs `ruled_out`.
 * A Recommendation counts only on a criterion answered Deficient (isDeficiency), looked up by the answer's key.
 */
export const deficiencyFindingSql = (f: string) =>
  `${f}.classification IN ${sqlList(DEFICIENCY_CLASSIFICATIONS)}
    AND (${f}.classification IN ${sqlList(SELF_EVIDENT_DEFICIENCY_CLASSIFICATIONS)}
      OR EXISTS (SELECT 1 FROM criterion_responses cr WHERE cr.validation_id = ${f}.validation_id
        AND cr.criterion_id = ${f}.criterion_id AND cr.result = '${DEFICIENT_RESULT}'))
    AND NOT EXISTS (SELECT 1 FROM ruled_out ro WHERE ro.validation_id = ${f}.validation_id AND ro.finding_id = ${f}.id)`;

/** Each column filter: the parameter and the condition on in_scope's columns it adds. */
const FILTER_CONDITIONS = {
  submittedFrom: 'substr(submitted_at, 1, 10) >= @submittedFrom',
  submittedTo: 'substr(submitted_at, 1, 10) <= @submittedTo',
  entityType: 'entity_type = @entityType',
  mode: 'mode = @mode',
  edition: 'catalog_edition_id = @edition',
} as const satisfies Partial<Record<keyof AnalyticsFilters, string>>;

function filterSql(filters: AnalyticsFilters, context: ScopeContext, params: Params): string[] {
  const where: string[] = [];
  for (const [key, condition] of Object.entries(FILTER_CONDITIONS) as [keyof typeof FILTER_CONDITIONS, string][]) {
    const value = filters[key];
    if (!value) continue;
    params[key] = value;
    where.push(condition);
  }
  // Every validation in scope was made in the enrolled SCSS's office, so an office filter keeps all or none.
  if (filters.fieldOffice !== undefined && filters.fieldOffice !== context.fieldOffice) where.push('0');
  return where;
}

/**
 * The CTEs `ruled_out` (see above), `in_scope` (every submitted own validation: where a repeat's previous validation
 * is looked for), `subs` (those passing the filters) and `deficiencies` (one row per deficiency on `subs`, with its
 * validation's mode and UTC month, so no view joins the two materialized CTEs again; lean, as it is written out).
 */
export function baseCtes(
  filters: AnalyticsFilters,
  context: ScopeContext,
  params: Params,
  options: { readOnce?: boolean } = {},
): string {
  const where = filterSql(filters, context, params);
  // A laptop handed over keeps the earlier person's validations to read: they are that person's figures, not these.
  let ownOnly = '';
  if (context.userId !== null) {
    params.ownerUserId = context.userId;
    ownOnly = 'WHERE v.owner_user_id IS NULL OR v.owner_user_id = @ownerUserId';
  }
  // A view reading `deficiencies` once has it inlined: writing out ~50k rows costs more than it saves.
  const materialized = options.readOnce ? 'NOT MATERIALIZED' : 'MATERIALIZED';
  return `${RULED_OUT_CTE},
  in_scope AS MATERIALIZED (
    SELECT * FROM (
      SELECT v.id, v.member_id, v.entity_type, v.mode, v.catalog_edition_id, v.workflow_state,
        ${SUBMITTED_AT_SQL} AS submitted_at
      FROM validations v ${ownOnly})
    WHERE (workflow_state IS NOT NULL AND workflow_state <> 'IN_PROGRESS') OR submitted_at IS NOT NULL),
  subs AS MATERIALIZED (SELECT id, member_id, mode, workflow_state, submitted_at FROM in_scope
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}),
  deficiencies AS ${materialized} (
    SELECT f.validation_id, f.criterion_id, ${categorySql('f.criterion_id')} AS category,
      f.classification, f.reason_code, s.mode, substr(s.submitted_at, 1, 7) AS month
    FROM subs s JOIN findings f ON f.validation_id = s.id
    WHERE ${deficiencyFindingSql('f')})`;
}
