import {
  type CategoryCount,
  type CriterionCount,
  categoryTable,
  type MonthlyCount,
  topDeficienciesOf,
  trendsFromMonthlyCounts,
} from '../shared/analytics/assemble';
import {
  ASSESSED_RESULTS,
  categoryNames,
  DEFICIENCY_CLASSIFICATIONS,
  DEFICIENT_RESULT,
  minutesOfSeconds,
  NO_FINDING_DECISION,
  overdueIfReportedBefore,
  percentOf,
  roundedRatio,
  SELF_EVIDENT_DEFICIENCY_CLASSIFICATIONS,
} from '../shared/analytics/definitions';
import type { AnalyticsFilters, TopDeficienciesQuery } from '../shared/analytics/filters';
import type {
  DeficienciesByCategory,
  DeficiencyReasons,
  KeyStatistics,
  TopDeficiencies,
  Trends,
  VirtualVsInPerson,
} from '../shared/analytics/views';
import { bundledEditions } from '../shared/catalog/index';
import type { HqUser } from '../shared/sync/protocol';
import type { HqQueryable } from './db/types';
import { currentPolicy } from './policy';

/**
 * The MSC performance views over every submitted validation in the caller's scope, each one SQL
 * statement over HQ's tables. The definitions (what a deficiency is, rounding) come from shared/analytics.
 * They read the typed, indexed columns of migration 008 (generated from the documents as changes arrive),
 * so each view is an aggregate over columns, not a scan of JSON documents.
 */

/** Positional parameters collected while the SQL is assembled, so each fragment names its own values. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(', ');
  }
}

/** canSeeValidation in SQL: an SCSS their own, reviewers and supervisors their office, analysts everything. */
function scopeSql(user: HqUser, alias: string, p: Params): string {
  switch (user.role) {
    case 'SCSS':
      return `${alias}.owner_user_id = ${p.add(user.id)}::uuid`;
    case 'FIELD_OFFICE_REVIEWER':
    case 'SUPERVISOR':
      return `${alias}.field_office = ${p.add(user.fieldOffice)}`;
    case 'HQ_ANALYST':
      return 'true';
  }
}

/** The submitted validations in scope that pass the filters; submitted_day is the UTC day of the ISO submittedAt. */
function submittedInScopeSql(user: HqUser, filters: AnalyticsFilters, p: Params): string {
  const where = ['v.ever_submitted', scopeSql(user, 'v', p)];
  if (filters.submittedFrom) where.push(`v.submitted_day >= ${p.add(filters.submittedFrom)}`);
  if (filters.submittedTo) where.push(`v.submitted_day <= ${p.add(filters.submittedTo)}`);
  if (filters.entityType) where.push(`v.entity_type = ${p.add(filters.entityType)}`);
  if (filters.mode) where.push(`v.mode = ${p.add(filters.mode)}`);
  if (filters.fieldOffice) where.push(`v.field_office = ${p.add(filters.fieldOffice)}`);
  if (filters.edition) where.push(`v.edition = ${p.add(filters.edition)}`);
  return `SELECT v.id, v.workflow_state, v.member_id, v.submitted_at, v.mode, v.report_date, v.response_due_date
    FROM validations v WHERE ${where.join(' AND ')}`;
}

/**
 * A finding record `f` that is a deficiency on its (already submitted) validation: a Recommendation counts only on
 * a criterion answered Deficient (isDeficiency), looked up in the small records_analytics_deficient (the result is
 * written into the SQL, not passed, so the planner can match that partial index). The reviews ruling a finding
 * out are few: read once into `ruled_out` and checked by NOT IN, a hashed subplan whatever the row estimates
 * (NOT EXISTS lets an underestimate pick a nested loop over every ruling for each finding).
 */
function deficiencyFindingSql(f: string, p: Params): string {
  return `${f}.entity = 'finding' AND ${f}.classification IN (${p.list(DEFICIENCY_CLASSIFICATIONS)})
    AND (${f}.classification IN (${p.list(SELF_EVIDENT_DEFICIENCY_CLASSIFICATIONS)})
      OR EXISTS (SELECT 1 FROM records cr WHERE cr.entity = 'criterion_response' AND cr.criterion_id = ${f}.criterion_id
        AND cr.result = '${DEFICIENT_RESULT}' AND cr.validation_id = ${f}.validation_id))
    AND (${f}.validation_id, ${f}.entity_id) NOT IN (SELECT validation_id, finding_id FROM ruled_out)`;
}

/**
 * The common CTEs: `subs` (validations counted) and `deficiencies` (one row per deficiency on them, with its
 * validation's columns, so no view joins the two materialized CTEs again: the planner has no statistics for them).
 * `withPrevious` adds each validation's `prev_id`, the Member's submitted validation before it in the caller's
 * scope whatever the filters (the latest earlier submittedAt; of several submitted at that instant, the highest id).
 */
function baseCtes(
  user: HqUser,
  filters: AnalyticsFilters,
  p: Params,
  options: { withPrevious?: boolean } = {},
): string {
  // A review's key is its validation and finding (hq/push-decision.ts derives its entity id from the two).
  const ruledOut = `ruled_out AS MATERIALIZED (
    SELECT rv.validation_id, rv.finding_id FROM records rv WHERE rv.entity = 'finding_review' AND rv.finding_id IS NOT NULL
      AND rv.decision = ${p.add(NO_FINDING_DECISION.decision)}
      AND rv.proposed_classification = ${p.add(NO_FINDING_DECISION.proposedClassification)})`;
  const subs = options.withPrevious
    ? `instants AS (
    SELECT DISTINCT ON (pv.member_id, pv.submitted_at) pv.member_id, pv.submitted_at, pv.id
    FROM validations pv
    WHERE pv.ever_submitted AND ${scopeSql(user, 'pv', p)} AND pv.member_id IS NOT NULL AND pv.submitted_at IS NOT NULL
    ORDER BY pv.member_id, pv.submitted_at, pv.id DESC),
  previous AS (
    SELECT member_id, submitted_at, lag(id) OVER (PARTITION BY member_id ORDER BY submitted_at) AS prev_id FROM instants),
  subs AS (
    SELECT s.*, prev.prev_id FROM (${submittedInScopeSql(user, filters, p)}) s
    LEFT JOIN previous prev ON prev.member_id = s.member_id AND prev.submitted_at = s.submitted_at)`
    : `subs AS (${submittedInScopeSql(user, filters, p)})`;
  return `${ruledOut},
  ${subs},
  deficiencies AS (
    SELECT f.validation_id, f.entity_id AS finding_id, f.criterion_id, f.category, f.classification, f.reason_code,
      s.workflow_state, s.member_id, s.submitted_at, s.mode, s.report_date, s.response_due_date${options.withPrevious ? ', s.prev_id' : ''}
    FROM records f JOIN subs s ON s.id = f.validation_id
    WHERE ${deficiencyFindingSql('f', p)})`;
}

export type AnalyticsOptions = { today: string };

export async function keyStatistics(
  db: HqQueryable,
  user: HqUser,
  filters: AnalyticsFilters,
  options: AnalyticsOptions,
): Promise<KeyStatistics> {
  // Overdue after the due date approval fixed; an approval made before approvals fixed one is dated with HQ's
  // current period, as the laptops' screens date it.
  const { responseDays } = (await currentPolicy(db)).policy;
  const p = new Params();
  // Each deficiency carries its validation's previous one (`prev_id`): unfiltered, the previous validation's
  // deficiencies are among `deficiencies`; filtered, it may lie outside them and its findings are read for it.
  const ctes = baseCtes(user, filters, p, { withPrevious: true });
  const prevDeficiencies = Object.values(filters).some((value) => value !== undefined)
    ? `prev_deficiencies AS (SELECT f.validation_id, f.criterion_id FROM records f
        WHERE f.validation_id IN (SELECT prev_id FROM subs WHERE prev_id IS NOT NULL) AND ${deficiencyFindingSql('f', p)})`
    : 'prev_deficiencies AS (SELECT validation_id, criterion_id FROM deficiencies)';
  // Validations without a deficiency count as 0 in the median: aggregated first, then joined to every validation.
  const sql = `WITH ${ctes},
  with_deficiencies AS (
    SELECT validation_id, count(*)::int AS n, bool_or(classification = 'ACTION_REQUIRED') AS has_ar
    FROM deficiencies GROUP BY validation_id),
  per_validation AS (
    SELECT s.id, coalesce(w.n, 0) AS n, coalesce(w.has_ar, false) AS has_ar
    FROM subs s LEFT JOIN with_deficiencies w ON w.validation_id = s.id),
  ${prevDeficiencies},
  -- Each deficiency carries its previous validation, so no join pairs the two (that join sorted every deficiency
  -- for a merge join); a join rather than EXISTS, as EXISTS de-duplicated every previous deficiency before hashing.
  -- Together about 0.15-0.25 s of the analyst's 1 s. DISTINCT counts a repeat once.
  repeats AS (
    SELECT DISTINCT d.validation_id, d.criterion_id FROM deficiencies d
    JOIN prev_deficiencies pd ON pd.validation_id = d.prev_id AND pd.criterion_id = d.criterion_id),
  overdue AS (
    SELECT d.finding_id FROM deficiencies d
    WHERE d.workflow_state = 'AWAITING_RESPONSE' AND d.classification = 'ACTION_REQUIRED'
      AND d.report_date IS NOT NULL
      AND CASE WHEN d.response_due_date IS NOT NULL THEN d.response_due_date::date < ${p.add(options.today)}::date
        ELSE d.report_date::date < ${p.add(overdueIfReportedBefore(options.today, responseDays))}::date END
      AND coalesce((SELECT m.payload->>'assessment' FROM records m
        WHERE m.entity = 'member_response' AND m.validation_id = d.validation_id AND m.finding_id = d.finding_id
        ORDER BY m.payload->>'receivedOn' DESC, m.payload->>'updatedAt' DESC LIMIT 1), '') <> 'ACCEPTED')
  SELECT (SELECT count(*)::int FROM subs) AS validations,
    (SELECT count(*)::int FROM (SELECT DISTINCT member_id FROM subs WHERE member_id IS NOT NULL) m) AS members,
    (SELECT count(*)::int FROM deficiencies) AS deficiencies,
    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n)::float8 FROM per_validation) AS median,
    (SELECT count(*)::int FROM per_validation WHERE has_ar) AS with_action_required,
    (SELECT count(*)::int FROM repeats) AS repeats,
    (SELECT count(*)::int FROM overdue) AS overdue`;
  const [row] = await db.query<{
    validations: number;
    members: number;
    deficiencies: number;
    median: number | null;
    with_action_required: number;
    repeats: number;
    overdue: number;
  }>(sql, p.values);
  if (!row) throw new Error('key statistics query returned no row');
  return {
    validationsSubmitted: row.validations,
    membersValidated: row.members,
    deficiencies: row.deficiencies,
    deficienciesPerValidation: {
      mean: roundedRatio(row.deficiencies, row.validations),
      median: Number(row.median ?? 0),
    },
    shareWithActionRequired: percentOf(row.with_action_required, row.validations),
    repeatDeficiencies: row.repeats,
    responsesOverdue: row.overdue,
  };
}

/**
 * Category names from the edition filtered on, else the newest edition HQ has published, else the one bundled
 * with the app: names are the same twelve across editions, so one edition names them all.
 */
async function loadCategoryNames(db: HqQueryable, edition: string | undefined): Promise<ReadonlyMap<number, string>> {
  const [row] = await db.query<{ id: string; categories: Array<{ number: number; name: string }> }>(
    `SELECT id, edition->'categories' AS categories FROM catalog_editions
     ORDER BY (id = $1) DESC, published_at DESC, id DESC LIMIT 1`,
    [edition ?? null],
  );
  // The edition filtered on, published here or bundled with the app (never published); else the newest published.
  if (row && row.id === edition) return categoryNames(row);
  const bundled = bundledEditions().find((e) => e.id === edition);
  if (bundled) return categoryNames(bundled);
  if (row) return categoryNames(row);
  const first = bundledEditions()[0];
  return first ? categoryNames(first) : new Map();
}

export async function deficienciesByCategory(
  db: HqQueryable,
  user: HqUser,
  filters: AnalyticsFilters,
): Promise<DeficienciesByCategory> {
  const p = new Params();
  const rows = await db.query<CategoryCount>(
    `WITH ${baseCtes(user, filters, p)}
     SELECT category, count(*)::int AS count,
       (count(*) FILTER (WHERE classification = 'ACTION_REQUIRED'))::int AS action_required,
       (count(*) FILTER (WHERE classification = 'RECOMMENDATION'))::int AS recommendation
     FROM deficiencies GROUP BY category`,
    p.values,
  );
  const names = await loadCategoryNames(db, filters.edition);
  return categoryTable(rows, names);
}

export async function topDeficiencies(
  db: HqQueryable,
  user: HqUser,
  query: TopDeficienciesQuery,
): Promise<TopDeficiencies> {
  const p = new Params();
  // Times assessed is counted only for the criteria that can make the list: those deficient at least as often
  // as the one in last place (ties included, since the rate breaks them), not for every criterion.
  const rows = await db.query<CriterionCount>(
    `WITH ${baseCtes(user, query, p)},
     deficient AS (SELECT criterion_id, category, count(DISTINCT validation_id)::int AS n FROM deficiencies
       GROUP BY criterion_id, category),
     candidates AS (SELECT criterion_id FROM deficient ORDER BY n DESC FETCH FIRST (${p.add(query.limit)}::int) ROWS WITH TIES),
     assessed AS (SELECT r.criterion_id, count(*)::int AS n
       FROM records r JOIN subs s ON s.id = r.validation_id
       WHERE r.entity = 'criterion_response' AND r.criterion_id IN (SELECT criterion_id FROM candidates)
         AND r.result IN (${p.list(ASSESSED_RESULTS)})
       GROUP BY 1)
     SELECT d.criterion_id, d.category, d.n AS deficient, coalesce(a.n, 0) AS assessed
     FROM deficient d LEFT JOIN assessed a ON a.criterion_id = d.criterion_id
     ORDER BY d.n DESC, d.n::numeric / nullif(a.n, 0) DESC NULLS LAST, d.category,
       split_part(d.criterion_id, '.', 2)::int
     LIMIT ${p.add(query.limit)}::int`,
    p.values,
  );
  return topDeficienciesOf(rows);
}

export async function deficiencyReasons(
  db: HqQueryable,
  user: HqUser,
  filters: AnalyticsFilters,
): Promise<DeficiencyReasons> {
  const p = new Params();
  const rows = await db.query<{ reason_code: string | null; count: number }>(
    `WITH ${baseCtes(user, filters, p)}
     SELECT reason_code, count(*)::int AS count FROM deficiencies
     GROUP BY reason_code ORDER BY count(*) DESC, reason_code NULLS LAST`,
    p.values,
  );
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return {
    total,
    rows: rows.map((r) => ({ reasonCode: r.reason_code, count: r.count, percent: percentOf(r.count, total) })),
  };
}

export async function trends(db: HqQueryable, user: HqUser, filters: AnalyticsFilters): Promise<Trends> {
  const p = new Params();
  // Rows with no category count validations; the others count deficiencies, per month of the UTC submitted date.
  const rows = await db.query<MonthlyCount>(
    `WITH ${baseCtes(user, filters, p)}
     SELECT left(s.submitted_at, 7) AS month, NULL::int AS category, count(*)::int AS n
     FROM subs s WHERE s.submitted_at IS NOT NULL GROUP BY 1
     UNION ALL
     SELECT left(d.submitted_at, 7), d.category, count(*)::int
     FROM deficiencies d WHERE d.submitted_at IS NOT NULL
     GROUP BY 1, 2`,
    p.values,
  );
  return trendsFromMonthlyCounts(rows);
}

const MODES = ['IN_PERSON', 'VIRTUAL'] as const;

export async function virtualVsInPerson(
  db: HqQueryable,
  user: HqUser,
  filters: AnalyticsFilters,
): Promise<VirtualVsInPerson> {
  const p = new Params();
  const ctes = `${baseCtes(user, filters, p)},
  per_validation AS (
    SELECT s.id, s.mode, count(d.finding_id)::int AS n,
      coalesce(bool_or(d.classification = 'ACTION_REQUIRED'), false) AS has_ar
    FROM subs s LEFT JOIN deficiencies d ON d.validation_id = s.id GROUP BY s.id, s.mode),
  durations AS (
    SELECT vs.validation_id,
      sum(round(extract(epoch FROM (vs.payload->>'endedAt')::timestamptz - (vs.payload->>'startedAt')::timestamptz)))::float8 AS seconds
    FROM records vs JOIN subs s ON s.id = vs.validation_id
    WHERE vs.entity = 'virtual_session' AND vs.payload->>'startedAt' IS NOT NULL AND vs.payload->>'endedAt' IS NOT NULL
      AND (vs.payload->>'endedAt')::timestamptz >= (vs.payload->>'startedAt')::timestamptz
    GROUP BY vs.validation_id)`;
  // percentile_cont skips validations without a timed session (no durations row), as definitions.ts quartiles does.
  // One statement for both: rows with no category are per mode, the others count a mode's deficiencies by category.
  const rows = await db.query<{
    mode: string;
    category: number | null;
    validations: number;
    deficiencies: number;
    with_ar: number;
    timed: number;
    q1: number | null;
    median: number | null;
    q3: number | null;
  }>(
    `WITH ${ctes}
     SELECT pv.mode, NULL::int AS category, count(*)::int AS validations, sum(pv.n)::int AS deficiencies,
       (count(*) FILTER (WHERE pv.has_ar))::int AS with_ar, count(du.seconds)::int AS timed,
       percentile_cont(0.25) WITHIN GROUP (ORDER BY du.seconds)::float8 AS q1,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY du.seconds)::float8 AS median,
       percentile_cont(0.75) WITHIN GROUP (ORDER BY du.seconds)::float8 AS q3
     FROM per_validation pv LEFT JOIN durations du ON du.validation_id = pv.id GROUP BY pv.mode
     UNION ALL
     SELECT d.mode, d.category, 0, count(*)::int, 0, 0, NULL, NULL, NULL
     FROM deficiencies d GROUP BY 1, 2`,
    p.values,
  );
  const modeRows = rows.filter((r) => r.category === null);
  const categoryRows = rows.flatMap((r) =>
    r.category === null ? [] : [{ mode: r.mode, category: r.category, count: r.deficiencies }],
  );
  const minutes = (seconds: number | null) => (seconds === null ? null : minutesOfSeconds(Number(seconds)));
  return {
    modes: MODES.map((mode) => {
      const row = modeRows.find((r) => r.mode === mode);
      const validations = row?.validations ?? 0;
      const deficiencies = row?.deficiencies ?? 0;
      const timed = row?.timed ?? 0;
      const q1 = row?.q1 ?? null;
      const q3 = row?.q3 ?? null;
      return {
        mode,
        validations,
        deficiencies,
        perValidation: roundedRatio(deficiencies, validations),
        shareWithActionRequired: percentOf(row?.with_ar ?? 0, validations),
        byCategory: categoryRows
          .filter((r) => r.mode === mode)
          .sort((a, b) => b.count - a.count || a.category - b.category)
          .map((r) => ({ category: r.category, count: r.count, percent: percentOf(r.count, deficiencies) })),
        sessionDuration:
          mode === 'VIRTUAL'
            ? {
                validationsTimed: timed,
                validationsUntimed: validations - timed,
                medianMinutes: minutes(row?.median ?? null),
                q1Minutes: minutes(q1),
                q3Minutes: minutes(q3),
                iqrMinutes: q1 === null || q3 === null ? null : minutes(Number(q3) - Number(q1)),
              }
            : null,
      };
    }),
  };
}
