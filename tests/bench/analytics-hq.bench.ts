import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  type AnalyticsOptions,
  deficienciesByCategory,
  deficiencyReasons,
  keyStatistics,
  topDeficiencies,
  trends,
  virtualVsInPerson,
} from '../../hq/analytics';
import type { HqDb } from '../../hq/db/types';
import { minutesOfSeconds, percentOf } from '../../shared/analytics/definitions';
import { DEFAULT_RESPONSE_DAYS } from '../../shared/domain/lifecycle';
import type { HqUser } from '../../shared/sync/protocol';
import { makeValidation } from '../hq/changes';
import { openBenchHqDb } from './hq-ingest.bench';
import { summarize, timeAsyncMs } from './stats';

/**
 * HQ's six MSC performance views (hq/analytics.ts) over 5,000,000 criterion responses on PostgreSQL, each beside
 * a hand-written SQL query of the same figures in the same run (budget: each view ≤ 1 s, ≤ 1.5× hand-written).
 * The data is generated set-based by INSERT … SELECT generate_series straight into HQ's tables (pushing 5 million
 * changes through the push route would take longer than the rest of the benchmarks together; ingest has its own).
 */

const OFFICES = ['Houston', 'Miami', 'New York', 'Los Angeles', 'Seattle', 'Chicago'] as const;
const SCSS_PER_OFFICE = 10;
const CRITERIA_PER_VALIDATION = 150;
const RUNS = 5;
const TODAY = '2026-12-01';
const OPTIONS: AnalyticsOptions = { today: TODAY };

/** Deterministic pseudo-random 0..99 from a text key, so a run is reproducible. */
const roll = (key: string) => `(abs(hashtext(${key})) % 100)`;

async function loadUsers(db: HqDb): Promise<{ analyst: HqUser; houston: HqUser }> {
  await db.query(
    `INSERT INTO users (id, name, role, field_office)
     SELECT md5('scss/' || o || '/' || n)::uuid, 'SCSS ' || n || ' of ' || o, 'SCSS', o
     FROM unnest($1::text[]) o, generate_series(1, $2::int) n`,
    [OFFICES, SCSS_PER_OFFICE],
  );
  const analyst: HqUser = { id: randomUUID(), name: 'Bench Analyst', role: 'HQ_ANALYST', fieldOffice: 'HQ' };
  const houston: HqUser = { id: randomUUID(), name: 'Bench Supervisor', role: 'SUPERVISOR', fieldOffice: 'Houston' };
  for (const u of [analyst, houston]) {
    await db.query('INSERT INTO users (id, name, role, field_office) VALUES ($1, $2, $3, $4)', [
      u.id,
      u.name,
      u.role,
      u.fieldOffice,
    ]);
  }
  return { analyst, houston };
}

/**
 * Validations 1..count: about 10,000 Members seen about three times each, six offices, twelve entity types, 30 %
 * virtual, two editions, submitted over four years (one second apart per Member at most once), 3 % still in progress.
 */
async function loadValidations(db: HqDb, count: number): Promise<void> {
  const template = makeValidation(randomUUID(), { status: 'SUBMITTED', signedByName: 'Bench SCSS' });
  await db.query(
    `INSERT INTO validations (id, owner_user_id, field_office, status, workflow_state, content_sha256, version, payload,
       updated_at)
     SELECT id, md5('scss/' || office || '/' || (g % ${SCSS_PER_OFFICE} + 1))::uuid, office,
       CASE WHEN state IN ('IN_PROGRESS', 'RETURNED') THEN 'IN_PROGRESS' ELSE 'SUBMITTED' END, state, repeat('a', 64), 1,
       $1::jsonb || jsonb_build_object('id', id, 'memberId', md5('member/' || (g % 10000))::uuid,
         'entityType', (ARRAY['IMP','EXP','FM','HC','LHC','AIR','RAIL','SEA','3PL','CONS','CB','MPTO'])[g % 12 + 1],
         'mode', CASE WHEN ${roll("'mode/' || g")} < 30 THEN 'VIRTUAL' ELSE 'IN_PERSON' END,
         'catalogEditionId', CASE WHEN g % 4 = 0 THEN 'MSC-2025-01' ELSE 'MSC-2019-11' END,
         'status', CASE WHEN state IN ('IN_PROGRESS', 'RETURNED') THEN 'IN_PROGRESS' ELSE 'SUBMITTED' END,
         'submittedAt', CASE WHEN state = 'IN_PROGRESS' THEN NULL ELSE to_char(submitted AT TIME ZONE 'UTC',
           'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END,
         'reportDate', CASE WHEN state IN ('APPROVED', 'AWAITING_RESPONSE', 'CLOSED')
           THEN to_char(submitted + interval '20 days', 'YYYY-MM-DD') END,
         -- Half the approvals fixed their due date (a 60-day period then); the others count the current 90 days.
         'responseDueDate', CASE WHEN state IN ('APPROVED', 'AWAITING_RESPONSE', 'CLOSED') AND g % 2 = 0
           THEN to_char(submitted + interval '80 days', 'YYYY-MM-DD') END),
       now()
     FROM (SELECT g, md5('validation/' || g)::uuid AS id, (ARRAY[${OFFICES.map((o) => `'${o}'`).join(', ')}])[g % ${OFFICES.length} + 1] AS office,
             timestamptz '2022-12-01 00:00:00+00' + (g * interval '1 hour') + (g % 3600) * interval '1 second' AS submitted,
             CASE WHEN ${roll("'state/' || g")} < 3 THEN 'IN_PROGRESS'
               WHEN ${roll("'state/' || g")} < 5 THEN 'RETURNED'
               ELSE (ARRAY['SUBMITTED','IN_REVIEW','APPROVED','AWAITING_RESPONSE','CLOSED'])[g % 5 + 1] END AS state
           FROM generate_series(1, $2::int) g) v`,
    [JSON.stringify(template), count],
  );
}

/** The criterion at position k (0..149): twelve categories in turn, as the ingest benchmark numbers them. */
const criterionSql = (k: string) => `((${k}) % 12 + 1)::text || '.' || ((${k}) / 12 + 1)::text`;
/** A criterion is deficient (and has a finding) on 1–5 % of validations, by its position: some criteria more often. */
const deficientSql = (g: string, k: string) => `${roll(`'deficient/' || ${g} || '/' || ${k}`)} < 1 + (${k}) % 5`;

async function loadResponses(db: HqDb, from: number, to: number): Promise<void> {
  await db.query(
    `INSERT INTO records (entity, entity_id, validation_id, version, payload, updated_at)
     SELECT 'criterion_response', v.id::text || '/' || c, v.id, 1,
       jsonb_build_object('validationId', v.id, 'criterionId', c, 'result', result,
         'notes', 'Reviewed the written procedure with the security manager and sampled five shipments.',
         'siteId', NULL, 'verificationMethods', jsonb_build_array('OBSERVED_ON_SITE', 'DOCUMENT_REVIEWED'),
         'naJustification', CASE WHEN result = 'NOT_APPLICABLE' THEN 'No such operations at this Member' ELSE '' END,
         'version', 1, 'updatedAt', '2026-03-01T10:00:00.000Z', 'updatedBy', 'bench.scss'), now()
     FROM (SELECT g, md5('validation/' || g)::uuid AS id FROM generate_series($1::int, $2::int) g) v,
       LATERAL (SELECT k, ${criterionSql('k')} AS c,
         CASE WHEN ${deficientSql('g', 'k')} THEN 'DEFICIENT'
           WHEN ${roll("'result/' || g || '/' || k")} < 8 THEN 'NOT_APPLICABLE'
           WHEN ${roll("'result/' || g || '/' || k")} < 10 THEN 'NOT_VERIFIED' ELSE 'COMPLIANT' END AS result
         FROM generate_series(0, ${CRITERIA_PER_VALIDATION - 1}) k) r`,
    [from, to],
  );
}

/**
 * Findings on the deficient responses (and advice on a few compliant ones), their reviews (5 % ruled no finding),
 * Member responses and virtual sessions.
 */
async function loadFindingsAndMore(db: HqDb, count: number): Promise<void> {
  await db.query(
    `INSERT INTO records (entity, entity_id, validation_id, version, payload, updated_at)
     SELECT 'finding', f.id::text, v.id, 1,
       jsonb_build_object('id', f.id, 'validationId', v.id, 'criterionId', ${criterionSql('k')},
         'classification', CASE WHEN ${deficientSql('g', 'k')} AND ${roll("'class/' || g || '/' || k")} < 55
           THEN 'ACTION_REQUIRED' ELSE 'RECOMMENDATION' END,
         'reasonCode', (ARRAY['NOT_IMPLEMENTED','NO_WRITTEN_PROCEDURE','PROCEDURE_INCOMPLETE','NO_EVIDENCE','NOT_TRAINED', NULL])
           [${roll("'reason/' || g || '/' || k")} % 6 + 1],
         'description', 'The Member could not show that this criterion is implemented at the site visited.',
         'dueDate', NULL, 'version', 1, 'createdAt', '2026-03-01T10:00:00.000Z', 'updatedAt', '2026-03-01T10:00:00.000Z'),
       now()
     FROM (SELECT g, md5('validation/' || g)::uuid AS id FROM generate_series(1, $1::int) g) v,
       generate_series(0, ${CRITERIA_PER_VALIDATION - 1}) k,
       LATERAL (SELECT md5('finding/' || g || '/' || k)::uuid AS id) f
     WHERE ${deficientSql('g', 'k')}
        -- and about 1 % of the Compliant criteria carry a Recommendation: advice, which no view counts
        OR (NOT ${deficientSql('g', 'k')} AND ${roll("'result/' || g || '/' || k")} >= 10
          AND ${roll("'advice/' || g || '/' || k")} = 0)`,
    [count],
  );
  // Reviewed once the validation is in review or further; 5 % of decisions rule the finding out.
  await db.exec(
    `INSERT INTO records (entity, entity_id, validation_id, version, payload, updated_at)
     SELECT 'finding_review', f.validation_id::text || '/' || f.entity_id, f.validation_id, 1,
       jsonb_build_object('validationId', f.validation_id, 'findingId', f.entity_id,
         'decision', CASE WHEN ${roll("'review/' || f.entity_id")} < 5 THEN 'NON_CONCUR' ELSE 'CONCUR' END,
         'proposedClassification', CASE WHEN ${roll("'review/' || f.entity_id")} < 5 THEN 'NO_FINDING' END,
         'comment', '', 'reviewedAt', '2026-03-05T10:00:00.000Z', 'reviewedBy', 'Bench Reviewer', 'version', 1), now()
     FROM records f JOIN validations v ON v.id = f.validation_id
     WHERE f.entity = 'finding' AND v.workflow_state IN ('IN_REVIEW', 'APPROVED', 'AWAITING_RESPONSE', 'CLOSED')`,
  );
  // Half the Action Required findings awaiting a response have one; half of those are accepted.
  await db.exec(
    `INSERT INTO records (entity, entity_id, validation_id, version, payload, updated_at)
     SELECT 'member_response', md5('response/' || f.entity_id)::uuid::text, f.validation_id, 1,
       jsonb_build_object('id', md5('response/' || f.entity_id)::uuid, 'validationId', f.validation_id,
         'findingId', f.entity_id, 'receivedOn', '2026-11-01', 'correctiveAction', 'Fixed.', 'evidenceSha256', '[]'::jsonb,
         'assessment', CASE WHEN ${roll("'accept/' || f.entity_id")} < 50 THEN 'ACCEPTED' END,
         'assessmentNote', '', 'assessedAt', NULL, 'assessedBy', NULL, 'version', 1,
         'updatedAt', '2026-11-01T10:00:00.000Z'), now()
     FROM records f JOIN validations v ON v.id = f.validation_id
     WHERE f.entity = 'finding' AND f.payload->>'classification' = 'ACTION_REQUIRED'
       AND v.workflow_state IN ('AWAITING_RESPONSE', 'CLOSED') AND ${roll("'answer/' || f.entity_id")} < 50`,
  );
  // One or two sessions per virtual validation, 20–140 minutes each; one in ten left unfinished.
  await db.exec(
    `INSERT INTO records (entity, entity_id, validation_id, version, payload, updated_at)
     SELECT 'virtual_session', md5('session/' || v.id || '/' || n)::uuid::text, v.id, 1,
       jsonb_build_object('id', md5('session/' || v.id || '/' || n)::uuid, 'validationId', v.id, 'platform', 'Teams',
         'startedAt', '2026-06-30T09:00:00.000Z',
         'endedAt', CASE WHEN ${roll("'open/' || v.id || n")} < 10 THEN NULL
           ELSE to_char((timestamptz '2026-06-30 09:00:00+00' + (20 + ${roll("'len/' || v.id || n")} * 6 / 5) * interval '1 minute')
             AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END,
         'participants', '[]'::jsonb, 'documents', '[]'::jsonb, 'segments', '[]'::jsonb,
         'createdAt', '2026-06-30T08:00:00.000Z', 'updatedAt', '2026-06-30T08:00:00.000Z'), now()
     FROM validations v, generate_series(1, 2) n
     WHERE v.mode = 'VIRTUAL' AND (n = 1 OR ${roll("'second/' || v.id")} < 40)`,
  );
}

type Loaded = { validations: number; responses: number; findings: number; loadMs: number };

async function loadDataset(db: HqDb, validations: number, log: (line: string) => void): Promise<Loaded> {
  const started = performance.now();
  // Statement-level pull-stamp triggers would hold every inserted row in a transition table: off while loading.
  await db.exec('ALTER TABLE records DISABLE TRIGGER USER');
  await loadValidations(db, validations);
  const chunk = 2000;
  for (let from = 1; from <= validations; from += chunk) {
    await loadResponses(db, from, Math.min(validations, from + chunk - 1));
    if (((from - 1) / chunk) % 4 === 3) log(`  … ${Math.min(validations, from + chunk - 1)} validations' responses`);
  }
  await loadFindingsAndMore(db, validations);
  await db.exec('ALTER TABLE records ENABLE TRIGGER USER');
  // As autovacuum would leave it: statistics for the planner, visibility map for index-only scans.
  await db.exec('VACUUM ANALYZE validations');
  await db.exec('VACUUM ANALYZE records');
  const [counts] = await db.query<{ responses: number; findings: number }>(
    `SELECT count(*) FILTER (WHERE entity = 'criterion_response')::int AS responses,
       count(*) FILTER (WHERE entity = 'finding')::int AS findings FROM records`,
  );
  return {
    validations,
    responses: counts?.responses ?? 0,
    findings: counts?.findings ?? 0,
    loadMs: performance.now() - started,
  };
}

/** The figures both sides must agree on, as one comparable string per view. */
type Figures = string;
type ViewName =
  | 'key-statistics'
  | 'deficiencies-by-category'
  | 'top-deficiencies'
  | 'deficiency-reasons'
  | 'trends'
  | 'virtual-vs-in-person';

/** The real hq/analytics.ts function of each view, with what it answers reduced to the compared figures. */
const VIEWS: Record<ViewName, (db: HqDb, user: HqUser) => Promise<Figures>> = {
  'key-statistics': async (db, user) => {
    const k = await keyStatistics(db, user, {}, OPTIONS);
    return [
      k.validationsSubmitted,
      k.membersValidated,
      k.deficiencies,
      k.deficienciesPerValidation.median,
      k.shareWithActionRequired,
      k.repeatDeficiencies,
      k.responsesOverdue,
    ].join('/');
  },
  'deficiencies-by-category': async (db, user) =>
    (await deficienciesByCategory(db, user, {})).rows
      .filter((r) => r.count > 0)
      .sort((a, b) => a.category - b.category)
      .map((r) => `${r.category}:${r.count}:${r.actionRequired}:${r.recommendation}`)
      .join(' '),
  'top-deficiencies': async (db, user) =>
    (await topDeficiencies(db, user, { limit: 10 })).rows
      .map((r) => `${r.criterionId}:${r.timesDeficient}:${r.timesAssessed}`)
      .join(' '),
  'deficiency-reasons': async (db, user) =>
    (await deficiencyReasons(db, user, {})).rows.map((r) => `${r.reasonCode}:${r.count}`).join(' '),
  trends: async (db, user) =>
    (await trends(db, user, {})).months.map((m) => `${m.period}:${m.validations}:${m.deficiencies}`).join(' '),
  'virtual-vs-in-person': async (db, user) =>
    (await virtualVsInPerson(db, user, {})).modes
      .map(
        (m) =>
          `${m.mode}:${m.validations}:${m.deficiencies}:${m.shareWithActionRequired}:${m.byCategory.map((c) => `${c.category}=${c.count}`).join(',')}:${m.sessionDuration?.validationsTimed ?? 0}:${m.sessionDuration?.medianMinutes ?? null}`,
      )
      .join(' '),
};

/** What an engineer would write by hand for one scope: the submitted validations `s` and their deficiencies `d`. */
const handBase = (office: boolean) => `ro AS MATERIALIZED (
    SELECT validation_id, finding_id FROM records WHERE entity = 'finding_review' AND finding_id IS NOT NULL
      AND decision = 'NON_CONCUR' AND proposed_classification = 'NO_FINDING'),
  s AS (
    SELECT v.id, v.member_id, v.submitted_at, v.mode, v.workflow_state, v.report_date, v.response_due_date
    FROM validations v
    WHERE v.ever_submitted${office ? ' AND v.field_office = $1' : ''}),
  d AS (
    SELECT f.validation_id, f.entity_id, f.criterion_id, f.category, f.classification, f.reason_code,
      s.member_id, s.submitted_at, s.mode, s.workflow_state, s.report_date, s.response_due_date
    FROM records f JOIN s ON s.id = f.validation_id
    WHERE f.entity = 'finding' AND f.classification IN ('ACTION_REQUIRED', 'RECOMMENDATION')
      AND (f.classification = 'ACTION_REQUIRED' OR EXISTS (SELECT 1 FROM records r WHERE r.entity = 'criterion_response'
        AND r.validation_id = f.validation_id AND r.criterion_id = f.criterion_id AND r.result = 'DEFICIENT'))
      AND (f.validation_id, f.entity_id) NOT IN (SELECT validation_id, finding_id FROM ro))`;

type Row = Record<string, unknown>;
const hand = async (db: HqDb, office: string | null, sql: string): Promise<Row[]> =>
  db.query<Row>(`WITH ${handBase(office !== null)} ${sql}`, office === null ? [] : [office]);

/** The same figures from one hand-written statement per view, over the same typed columns. */
const HAND_WRITTEN: Record<ViewName, (db: HqDb, office: string | null) => Promise<Figures>> = {
  'key-statistics': async (db, office) => {
    const [r] = await hand(
      db,
      office,
      `, w AS (SELECT validation_id, count(*) AS n, bool_or(classification = 'ACTION_REQUIRED') AS ar FROM d GROUP BY 1),
        pv AS (SELECT s.id, coalesce(w.n, 0) AS n, coalesce(w.ar, false) AS ar FROM s LEFT JOIN w ON w.validation_id = s.id),
        prev AS (SELECT id, lag(id) OVER (PARTITION BY member_id ORDER BY submitted_at) AS prev_id FROM s
          WHERE member_id IS NOT NULL AND submitted_at IS NOT NULL)
      SELECT (SELECT count(*)::int FROM s) AS validations,
        (SELECT count(*)::int FROM (SELECT DISTINCT member_id FROM s WHERE member_id IS NOT NULL) m) AS members,
        (SELECT count(*)::int FROM d) AS deficiencies,
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM pv) AS median,
        (SELECT count(*)::int FROM pv WHERE ar) AS with_ar,
        (SELECT count(*)::int FROM (SELECT DISTINCT d.validation_id, d.criterion_id FROM d
          JOIN prev p ON p.id = d.validation_id
          WHERE EXISTS (SELECT 1 FROM d d2 WHERE d2.validation_id = p.prev_id AND d2.criterion_id = d.criterion_id)) x)
          AS repeats,
        (SELECT count(*)::int FROM d
          WHERE d.workflow_state = 'AWAITING_RESPONSE' AND d.classification = 'ACTION_REQUIRED'
            AND coalesce(d.response_due_date::date, d.report_date::date + ${DEFAULT_RESPONSE_DAYS}) < date '${TODAY}'
            AND coalesce((SELECT m.payload->>'assessment' FROM records m WHERE m.entity = 'member_response'
              AND m.validation_id = d.validation_id AND m.finding_id = d.entity_id
              ORDER BY m.payload->>'receivedOn' DESC, m.payload->>'updatedAt' DESC LIMIT 1), '') <> 'ACCEPTED') AS overdue`,
    );
    const n = (key: string) => Number(r?.[key] ?? 0);
    return [
      n('validations'),
      n('members'),
      n('deficiencies'),
      n('median'),
      percentOf(n('with_ar'), n('validations')),
      n('repeats'),
      n('overdue'),
    ].join('/');
  },
  'deficiencies-by-category': async (db, office) =>
    (
      await hand(
        db,
        office,
        `SELECT category, count(*)::int AS n, (count(*) FILTER (WHERE classification = 'ACTION_REQUIRED'))::int AS ar,
          (count(*) FILTER (WHERE classification = 'RECOMMENDATION'))::int AS rec FROM d GROUP BY category ORDER BY category`,
      )
    )
      .map((r) => `${r.category}:${r.n}:${r.ar}:${r.rec}`)
      .join(' '),
  'top-deficiencies': async (db, office) =>
    (
      await hand(
        db,
        office,
        `, t AS (SELECT criterion_id, category, count(DISTINCT validation_id)::int AS n FROM d GROUP BY 1, 2
            ORDER BY n DESC FETCH FIRST 10 ROWS WITH TIES),
          a AS (SELECT r.criterion_id, count(*)::int AS n FROM records r JOIN s ON s.id = r.validation_id
            WHERE r.entity = 'criterion_response' AND r.result IN ('COMPLIANT', 'DEFICIENT')
              AND r.criterion_id = ANY (ARRAY(SELECT criterion_id FROM t)) GROUP BY 1)
        SELECT t.criterion_id, t.n, a.n AS assessed FROM t JOIN a USING (criterion_id)
        ORDER BY t.n DESC, t.n::numeric / a.n DESC, t.category, split_part(t.criterion_id, '.', 2)::int LIMIT 10`,
      )
    )
      .map((r) => `${r.criterion_id}:${r.n}:${r.assessed}`)
      .join(' '),
  'deficiency-reasons': async (db, office) =>
    (await hand(db, office, 'SELECT reason_code, count(*)::int AS n FROM d GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST'))
      .map((r) => `${r.reason_code}:${r.n}`)
      .join(' '),
  trends: async (db, office) =>
    (
      await hand(
        db,
        office,
        `, dm AS (SELECT left(d.submitted_at, 7) AS month, count(*)::int AS n FROM d GROUP BY 1)
        SELECT left(s.submitted_at, 7) AS month, count(*)::int AS validations, coalesce(min(dm.n), 0) AS deficiencies
        FROM s LEFT JOIN dm ON dm.month = left(s.submitted_at, 7) WHERE s.submitted_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
      )
    )
      .map((r) => `${r.month}:${r.validations}:${r.deficiencies}`)
      .join(' '),
  'virtual-vs-in-person': async (db, office) => {
    const rows = await hand(
      db,
      office,
      `, pv AS (SELECT s.id, s.mode, count(d.entity_id) AS n, bool_or(d.classification = 'ACTION_REQUIRED') AS ar
          FROM s LEFT JOIN d ON d.validation_id = s.id GROUP BY s.id, s.mode),
        du AS (SELECT vs.validation_id, sum(round(extract(epoch FROM (vs.payload->>'endedAt')::timestamptz
            - (vs.payload->>'startedAt')::timestamptz)))::float8 AS seconds
          FROM records vs JOIN s ON s.id = vs.validation_id
          WHERE vs.entity = 'virtual_session' AND vs.payload->>'startedAt' IS NOT NULL AND vs.payload->>'endedAt' IS NOT NULL
            AND (vs.payload->>'endedAt')::timestamptz >= (vs.payload->>'startedAt')::timestamptz GROUP BY 1),
        by_category AS (SELECT s.mode, string_agg(d.category || '=' || d.n, ',' ORDER BY d.n DESC, d.category) AS list
          FROM (SELECT d.mode, d.category, count(*)::int AS n FROM d GROUP BY 1, 2) d
          JOIN (SELECT DISTINCT mode FROM s) s USING (mode) GROUP BY s.mode)
      SELECT pv.mode, count(*)::int AS validations, sum(pv.n)::int AS deficiencies,
        (count(*) FILTER (WHERE pv.ar))::int AS with_ar, count(du.seconds)::int AS timed,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY du.seconds) AS median, min(c.list) AS list
      FROM pv LEFT JOIN du ON du.validation_id = pv.id LEFT JOIN by_category c ON c.mode = pv.mode
      GROUP BY pv.mode ORDER BY pv.mode`,
    );
    return rows
      .map((r) => {
        const validations = Number(r.validations);
        const virtual = r.mode === 'VIRTUAL';
        const median = r.median === null ? null : minutesOfSeconds(Number(r.median));
        return `${r.mode}:${validations}:${r.deficiencies}:${percentOf(Number(r.with_ar), validations)}:${r.list ?? ''}:${virtual ? r.timed : 0}:${virtual ? median : null}`;
      })
      .join(' ');
  },
};

export type ViewTiming = {
  view: ViewName;
  scope: string;
  viewMs: number;
  handMs: number;
  /** Whether the hand-written query gave the same figures as the view. */
  same: boolean;
};

export type AnalyticsHqResult = { where: string; loaded: Loaded; timings: ViewTiming[] };

/**
 * The medians of a view and its twin, their runs interleaved: PostgreSQL's speed on this data shifts between batches
 * of runs (about 450 against 640 ms for the same query), so five runs of one then five of the other can compare a
 * fast batch with a slow one.
 */
async function pairedMediansMs(
  view: () => Promise<unknown>,
  hand: () => Promise<unknown>,
): Promise<{ viewMs: number; handMs: number }> {
  await view(); // warm-ups, untimed: plans and caches
  await hand();
  const viewSamples: number[] = [];
  const handSamples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    viewSamples.push(await timeAsyncMs(view));
    handSamples.push(await timeAsyncMs(hand));
  }
  return { viewMs: summarize(viewSamples).median, handMs: summarize(handSamples).median };
}

/** Loads the dataset into a fresh bench schema, times each view and its hand-written twin in turn, drops the schema. */
export async function benchAnalyticsHq(validations = 33_334): Promise<AnalyticsHqResult> {
  const bench = await openBenchHqDb();
  const { db } = bench;
  try {
    const { analyst, houston } = await loadUsers(db);
    console.log(`HQ analytics: loading ${validations.toLocaleString('en-US')} validations of 150 responses …`);
    const loaded = await loadDataset(db, validations, (line) => console.log(line));
    const timings: ViewTiming[] = [];
    for (const [scope, user, office] of [
      ['HQ analyst, every office', analyst, null],
      ['Houston supervisor, one office', houston, 'Houston'],
    ] as const) {
      for (const view of Object.keys(VIEWS) as ViewName[]) {
        const viewFigures = await VIEWS[view](db, user);
        const handFigures = await HAND_WRITTEN[view](db, office);
        const { viewMs, handMs } = await pairedMediansMs(
          () => VIEWS[view](db, user),
          () => HAND_WRITTEN[view](db, office),
        );
        timings.push({ view, scope, viewMs, handMs, same: viewFigures === handFigures });
        if (viewFigures !== handFigures) {
          console.log(`  ${view} (${scope}) figures differ:\n    view ${viewFigures}\n    hand ${handFigures}`);
        }
      }
    }
    return { where: bench.where, loaded, timings };
  } finally {
    await bench.dispose();
  }
}

export function printAnalyticsHq(result: AnalyticsHqResult): void {
  const { loaded } = result;
  console.log(
    `HQ analytics: ${loaded.responses.toLocaleString('en-US')} responses, ${loaded.findings.toLocaleString('en-US')} findings, ` +
      `${loaded.validations.toLocaleString('en-US')} validations (${result.where})`,
  );
  console.log(
    `  loaded set-based by INSERT … SELECT generate_series straight into HQ's tables, not through the push route, ` +
      `in ${(loaded.loadMs / 1000).toFixed(0)} s; median of ${RUNS} runs after a warm-up, each view's runs interleaved with its twin's`,
  );
  console.log(`  ${'view'.padEnd(26)} ${'scope'.padEnd(32)} ${'view'.padStart(9)} ${'by hand'.padStart(9)}  ratio`);
  for (const t of result.timings) {
    console.log(
      `  ${t.view.padEnd(26)} ${t.scope.padEnd(32)} ${fmtMs(t.viewMs)} ${fmtMs(t.handMs)}  ${(t.viewMs / t.handMs).toFixed(2)}` +
        `${t.same ? '' : '  (figures differ)'}`,
    );
  }
  const worst = Math.max(...result.timings.map((t) => t.viewMs));
  const worstRatio = Math.max(...result.timings.map((t) => t.viewMs / t.handMs));
  console.log(
    `  slowest view ${fmtMs(worst).trim()} (budget ≤ 1,000 ms), highest ratio ${worstRatio.toFixed(2)} (budget ≤ 1.5)`,
  );
}

const fmtMs = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printAnalyticsHq(await benchAnalyticsHq(Number(process.env.HQ_BENCH_VALIDATIONS ?? 33_334)));
}
