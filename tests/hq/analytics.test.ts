import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyStatistics } from '../../hq/analytics';
import { publishCatalogEdition } from '../../hq/catalog-editions';
import { BUNDLED_EDITION_SOURCES, bundledEditions } from '../../shared/catalog/index';
import type { Validation } from '../../shared/domain/validation';
import type { Change } from '../../shared/sync/protocol';
import { exporterEdition } from './editions';
import {
  ANALYST,
  BACKENDS,
  change,
  completed,
  createValidation,
  DANA,
  type Enrolled,
  enrol,
  type HqTestContext,
  LEE,
  makeValidation,
  memberResponseChange,
  personOf,
  REVIEWER,
  REVIEWER_ELSEWHERE,
  reportShaAtHq,
  reviewChange,
  SCSS_ELSEWHERE,
  SUPERVISOR,
  SUPERVISOR_ELSEWHERE,
  sendApplied,
  setResponseDaysAtHq,
  submitChange,
  useHqBackend,
  workflowEventChange,
} from './helpers';

/**
 * The MSC performance views at HQ over a small dataset with known counts (every other criterion answered Compliant):
 *   V1 Dana, Houston, Member M1, IMP, in person, 2026-03-10: 4.1 AR, 4.4 Rec (a Should criterion), 5.2 AR
 *   V2 Dana, Houston, Member M1, IMP, virtual,   2026-06-15: 4.1 AR (a repeat), 6.1 AR ruled "no finding"
 *   V3 Lee,  Houston, Member M2, EXP, in person, 2026-06-20, edition MSC-2025-01: no findings
 *   V4 Jo,   Miami,   Member M3, IMP, in person, 2026-04-01: 4.4 Rec, 9.1 AR; approved, report issued, unanswered
 *   V5 Dana, Houston, never submitted: 4.1 AR (never counted)
 */

type Fixture = Record<'dana' | 'lee' | 'jo' | 'sam' | 'pat' | 'kim' | 'rae' | 'ari', Enrolled> & {
  /** V4 and its Action Required finding, whose Member response is overdue. */
  overdue: { validationId: string; findingId: string };
};

const M1 = randomUUID();

function findingOf(validationId: string, criterionId: string, classification: string, reasonCode: string | null) {
  const id = randomUUID();
  return change('finding', id, 'upsert', {
    id,
    validationId,
    criterionId,
    classification,
    reasonCode,
    description: `Finding on ${criterionId}`,
    // Action Required asks the Member to respond by a date; a Recommendation asks for nothing.
    dueDate: classification === 'ACTION_REQUIRED' ? '2026-09-30' : null,
    version: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    baseVersion: 0,
  });
}

function answerOf(validationId: string, criterionId: string, result: string) {
  return change('criterion_response', `${validationId}/${criterionId}`, 'upsert', {
    validationId,
    criterionId,
    result,
    notes: '',
    siteId: null,
    verificationMethods: ['DOCUMENT_REVIEWED'],
    naJustification: result === 'NOT_APPLICABLE' ? 'No such operations at this Member' : '',
    version: 1,
    updatedAt: '2026-03-01T10:00:00.000Z',
    updatedBy: 'Dana Ruiz',
    baseVersion: 0,
  });
}

/** A virtual session on a validation, from `startedAt` to `endedAt` (either may be unrecorded). */
function sessionOf(validationId: string, startedAt: string | null, endedAt: string | null) {
  const id = randomUUID();
  return change('virtual_session', id, 'upsert', {
    id,
    validationId,
    platform: 'Teams',
    startedAt,
    endedAt,
    participants: [],
    documents: [],
    segments: [],
    createdAt: '2026-06-30T08:00:00.000Z',
    updatedAt: '2026-06-30T08:00:00.000Z',
  });
}

/**
 * Creates and submits a validation with these answers and findings, as its SCSS's laptop would: the rest of its
 * worksheet answered Compliant, as HQ takes a submit only of a complete worksheet.
 */
async function submitted(
  ctx: HqTestContext,
  who: Enrolled,
  v: Validation,
  content: Change[],
  submittedAt: string,
  criterionIds?: readonly string[],
) {
  const full = completed(v, content, criterionIds);
  await sendApplied(ctx, who, createValidation(v), ...full, submitChange(v, full, submittedAt));
}

async function buildDataset(ctx: HqTestContext): Promise<Fixture> {
  const f: Omit<Fixture, 'overdue'> = {
    dana: await enrol(ctx, DANA),
    lee: await enrol(ctx, LEE),
    jo: await enrol(ctx, SCSS_ELSEWHERE),
    sam: await enrol(ctx, REVIEWER),
    pat: await enrol(ctx, SUPERVISOR),
    kim: await enrol(ctx, REVIEWER_ELSEWHERE),
    rae: await enrol(ctx, SUPERVISOR_ELSEWHERE),
    ari: await enrol(ctx, ANALYST),
  };
  const base = { catalogEditionId: 'MSC-2019-11' };

  const v1 = makeValidation(randomUUID(), { ...base, memberId: M1 });
  await submitted(
    ctx,
    f.dana,
    v1,
    [
      answerOf(v1.id, '4.1', 'DEFICIENT'),
      answerOf(v1.id, '4.4', 'DEFICIENT'),
      answerOf(v1.id, '5.2', 'DEFICIENT'),
      answerOf(v1.id, '6.1', 'COMPLIANT'),
      answerOf(v1.id, '7.1', 'NOT_APPLICABLE'),
      findingOf(v1.id, '4.1', 'ACTION_REQUIRED', 'NOT_IMPLEMENTED'),
      findingOf(v1.id, '4.4', 'RECOMMENDATION', 'NO_WRITTEN_PROCEDURE'),
      findingOf(v1.id, '5.2', 'ACTION_REQUIRED', 'NOT_IMPLEMENTED'),
      // Advice on a Compliant criterion: a Recommendation that no view counts as a deficiency.
      findingOf(v1.id, '6.1', 'RECOMMENDATION', null),
    ],
    '2026-03-10T14:00:00.000Z',
  );

  const v2 = makeValidation(randomUUID(), { ...base, memberId: M1, mode: 'VIRTUAL' });
  const ruledOut = findingOf(v2.id, '6.1', 'ACTION_REQUIRED', 'NO_EVIDENCE');
  await submitted(
    ctx,
    f.dana,
    v2,
    [
      answerOf(v2.id, '4.1', 'DEFICIENT'),
      answerOf(v2.id, '6.1', 'DEFICIENT'),
      findingOf(v2.id, '4.1', 'ACTION_REQUIRED', 'NOT_IMPLEMENTED'),
      ruledOut,
    ],
    '2026-06-15T23:30:00.000Z',
  );
  await sendApplied(
    ctx,
    f.sam,
    reviewChange(v2.id, ruledOut.entityId, {
      reviewedBy: REVIEWER.name,
      decision: 'NON_CONCUR',
      proposedClassification: 'NO_FINDING',
      comment: 'The seal log shows the check was done; this is no finding.',
    }),
  );

  await publishCatalogEdition(ctx.db, exporterEdition('MSC-2025-01'));
  const v3 = makeValidation(randomUUID(), { catalogEditionId: 'MSC-2025-01', entityType: 'EXP' });
  const exporterCriteria = exporterEdition('MSC-2025-01').criteria.map((c) => c.id);
  await submitted(ctx, f.lee, v3, [answerOf(v3.id, '4.1', 'COMPLIANT')], '2026-06-20T09:00:00.000Z', exporterCriteria);

  const v4 = makeValidation(randomUUID(), base);
  const v4Findings = [
    findingOf(v4.id, '4.4', 'RECOMMENDATION', null),
    findingOf(v4.id, '9.1', 'ACTION_REQUIRED', 'PROCEDURE_INCOMPLETE'),
  ];
  await submitted(
    ctx,
    f.jo,
    v4,
    [answerOf(v4.id, '4.4', 'DEFICIENT'), answerOf(v4.id, '9.1', 'DEFICIENT'), ...v4Findings],
    '2026-04-01T00:00:00.000Z',
  );
  // Miami reviews, approves (report date 2026-04-10, so the response was due 2026-07-09) and issues the report.
  await sendApplied(
    ctx,
    f.kim,
    ...v4Findings.map((x) => reviewChange(v4.id, x.entityId, { reviewedBy: REVIEWER_ELSEWHERE.name })),
  );
  const asRae = personOf(f.rae, SUPERVISOR_ELSEWHERE);
  await sendApplied(
    ctx,
    f.rae,
    workflowEventChange(v4.id, 'APPROVE', asRae, { reportDate: '2026-04-10', at: '2026-04-10T12:00:00.000Z' }),
  );
  const reportSha256 = await reportShaAtHq(ctx, v4.id);
  await sendApplied(
    ctx,
    f.rae,
    workflowEventChange(v4.id, 'ISSUE_REPORT', asRae, { reportSha256, at: '2026-04-11T12:00:00.000Z' }),
  );

  const v5 = makeValidation(randomUUID(), { ...base, memberId: M1 });
  await sendApplied(ctx, f.dana, createValidation(v5), findingOf(v5.id, '4.1', 'ACTION_REQUIRED', 'NOT_IMPLEMENTED'));
  return { ...f, overdue: { validationId: v4.id, findingId: String(v4Findings[1]?.entityId) } };
}

async function view(ctx: HqTestContext, who: Enrolled | null, path: string, accept = 'application/json') {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/v1/analytics/${path}`,
    headers: { accept, ...(who ? { authorization: `Bearer ${who.token}` } : {}) },
  });
  return { status: response.statusCode, body: response.body, json: () => response.json(), headers: response.headers };
}

async function ok(ctx: HqTestContext, who: Enrolled, path: string) {
  const answer = await view(ctx, who, path);
  expect(answer.status, answer.body).toBe(200);
  return answer.json();
}

const zeroCategories = (except: number[]) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((c) => !except.includes(c));

describe.each(BACKENDS)('HQ analytics on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('gives the key statistics over every submitted validation, for an HQ analyst', async () => {
    const f = await buildDataset(ctx);
    expect(await ok(ctx, f.ari, 'key-statistics')).toEqual({
      validationsSubmitted: 4,
      membersValidated: 3,
      deficiencies: 6,
      deficienciesPerValidation: { mean: 1.5, median: 1.5 },
      shareWithActionRequired: 75,
      repeatDeficiencies: 1,
      responsesOverdue: 1,
    });
  });

  it('ranks deficiencies by category with names from the catalog and the Action Required split', async () => {
    const f = await buildDataset(ctx);
    const byCategory = await ok(ctx, f.ari, 'deficiencies-by-category');
    expect(byCategory.total).toBe(6);
    expect(byCategory.rows.slice(0, 3)).toEqual([
      { category: 4, name: 'Cybersecurity', count: 4, percent: 66.67, actionRequired: 2, recommendation: 2 },
      {
        category: 5,
        name: 'Conveyance & Instruments of International Traffic Security',
        count: 1,
        percent: 16.67,
        actionRequired: 1,
        recommendation: 0,
      },
      { category: 9, name: 'Physical Security', count: 1, percent: 16.67, actionRequired: 1, recommendation: 0 },
    ]);
    // The other nine follow at zero, in category order, so a chart always has all twelve.
    expect(byCategory.rows.slice(3).map((r: { category: number; count: number }) => [r.category, r.count])).toEqual(
      zeroCategories([4, 5, 9]).map((c) => [c, 0]),
    );
  });

  it('lists the criteria most often deficient with their deficiency rate, and the reasons', async () => {
    const f = await buildDataset(ctx);
    expect((await ok(ctx, f.ari, 'top-deficiencies')).rows).toEqual([
      // Assessed on all four submitted worksheets; ties go in worksheet order.
      { criterionId: '4.1', category: 4, timesDeficient: 2, timesAssessed: 4, rate: 50 },
      { criterionId: '4.4', category: 4, timesDeficient: 2, timesAssessed: 4, rate: 50 },
      { criterionId: '5.2', category: 5, timesDeficient: 1, timesAssessed: 4, rate: 25 },
      { criterionId: '9.1', category: 9, timesDeficient: 1, timesAssessed: 4, rate: 25 },
    ]);
    expect(
      (await ok(ctx, f.ari, 'top-deficiencies?limit=2')).rows.map((r: { criterionId: string }) => r.criterionId),
    ).toEqual(['4.1', '4.4']);
    expect(await ok(ctx, f.ari, 'deficiency-reasons')).toEqual({
      total: 6,
      rows: [
        { reasonCode: 'NOT_IMPLEMENTED', count: 3, percent: 50 },
        { reasonCode: 'NO_WRITTEN_PROCEDURE', count: 1, percent: 16.67 },
        { reasonCode: 'PROCEDURE_INCOMPLETE', count: 1, percent: 16.67 },
        { reasonCode: null, count: 1, percent: 16.67 },
      ],
    });
  });

  it('shows an SCSS their own validations, a reviewer or supervisor their office, and nothing of another office', async () => {
    const f = await buildDataset(ctx);
    const stats = async (who: Enrolled, query = '') => {
      const s = await ok(ctx, who, `key-statistics${query}`);
      return [s.validationsSubmitted, s.deficiencies, s.repeatDeficiencies, s.responsesOverdue];
    };
    expect(await stats(f.dana)).toEqual([2, 4, 1, 0]);
    expect(await stats(f.lee)).toEqual([1, 0, 0, 0]);
    expect(await stats(f.jo)).toEqual([1, 2, 0, 1]);
    expect(await stats(f.sam)).toEqual([3, 4, 1, 0]);
    expect(await stats(f.pat)).toEqual([3, 4, 1, 0]);
    expect(await stats(f.kim)).toEqual([1, 2, 0, 1]);
    expect(await stats(f.rae)).toEqual([1, 2, 0, 1]);
    // Asking for another office narrows the scope; it never widens it.
    expect(await stats(f.rae, '?fieldOffice=Houston')).toEqual([0, 0, 0, 0]);
    expect(await stats(f.sam, '?fieldOffice=Miami')).toEqual([0, 0, 0, 0]);
    // Miami's supervisor sees none of Houston's deficiencies in any view.
    const miami = await ok(ctx, f.rae, 'deficiencies-by-category');
    expect(miami.total).toBe(2);
    expect(
      miami.rows.filter((r: { count: number }) => r.count > 0).map((r: { category: number }) => r.category),
    ).toEqual([4, 9]);
    expect((await ok(ctx, f.rae, 'top-deficiencies')).rows.map((r: { criterionId: string }) => r.criterionId)).toEqual([
      '4.4',
      '9.1',
    ]);
    expect((await ok(ctx, f.rae, 'deficiency-reasons')).rows.map((r: { reasonCode: string }) => r.reasonCode)).toEqual([
      'PROCEDURE_INCOMPLETE',
      null,
    ]);
    expect((await ok(ctx, f.dana, 'top-deficiencies')).rows[0]).toEqual({
      criterionId: '4.1',
      category: 4,
      timesDeficient: 2,
      timesAssessed: 2,
      rate: 100,
    });
  });

  it('applies each filter', async () => {
    const f = await buildDataset(ctx);
    const counted = async (query: string) => {
      const s = await ok(ctx, f.ari, `key-statistics?${query}`);
      return [s.validationsSubmitted, s.deficiencies];
    };
    // Both ends of the range are whole days, inclusive (V4 on 04-01 at midnight, V2 on 06-15 at 23:30 UTC).
    expect(await counted('submittedFrom=2026-04-01&submittedTo=2026-06-15')).toEqual([2, 3]);
    expect(await counted('submittedFrom=2026-06-16')).toEqual([1, 0]);
    expect(await counted('submittedTo=2026-03-31')).toEqual([1, 3]);
    expect(await counted('entityType=EXP')).toEqual([1, 0]);
    expect(await counted('entityType=IMP')).toEqual([3, 6]);
    expect(await counted('mode=VIRTUAL')).toEqual([1, 1]);
    expect(await counted('mode=IN_PERSON')).toEqual([3, 5]);
    expect(await counted('fieldOffice=Miami')).toEqual([1, 2]);
    expect(await counted('edition=MSC-2019-11')).toEqual([3, 6]);
    expect(await counted('edition=MSC-2025-01')).toEqual([1, 0]);
    expect(await counted('fieldOffice=Houston&mode=IN_PERSON&entityType=IMP')).toEqual([1, 3]);
    // A repeat looks back at the Member's previous validation even when a filter leaves that one out.
    expect((await ok(ctx, f.ari, 'key-statistics?mode=VIRTUAL')).repeatDeficiencies).toBe(1);
    expect((await ok(ctx, f.ari, 'deficiencies-by-category?fieldOffice=Miami')).rows[0]).toMatchObject({
      category: 4,
      count: 1,
      percent: 50,
      recommendation: 1,
    });
    expect((await ok(ctx, f.ari, 'deficiency-reasons?mode=VIRTUAL')).rows).toEqual([
      { reasonCode: 'NOT_IMPLEMENTED', count: 1, percent: 100 },
    ]);
  });

  it('names categories from the edition HQ published when it is filtered on', async () => {
    const f = await buildDataset(ctx);
    const source = structuredClone(BUNDLED_EDITION_SOURCES[0]) as {
      id: string;
      categories: Array<{ number: number; name: string }>;
    };
    source.id = 'MSC-2026-01';
    for (const c of source.categories) if (c.number === 4) c.name = 'Cybersecurity and Data Protection';
    await publishCatalogEdition(ctx.db, source);
    const rows = (await ok(ctx, f.ari, 'deficiencies-by-category?edition=MSC-2026-01')).rows;
    expect(rows.find((r: { category: number }) => r.category === 4)).toMatchObject({
      name: 'Cybersecurity and Data Protection',
      count: 0,
      percent: 0,
    });
    // The bundled edition is never published at HQ, yet filtered on it names its own categories, not the newest's.
    const bundled = bundledEditions()[0];
    const bundledName = bundled?.categories.find((c) => c.number === 4)?.name;
    expect(bundledName).toBe('Cybersecurity');
    const bundledRows = (await ok(ctx, f.ari, `deficiencies-by-category?edition=${bundled?.id}`)).rows;
    expect(bundledRows.find((r: { category: number }) => r.category === 4)).toMatchObject({ name: bundledName });
  });

  it('stops counting a response as overdue once the Member’s latest response is accepted', async () => {
    const f = await buildDataset(ctx);
    const overdue = async () => (await ok(ctx, f.ari, 'key-statistics')).responsesOverdue;
    const { validationId, findingId } = f.overdue;
    const asJo = personOf(f.jo, SCSS_ELSEWHERE);
    const responseId = randomUUID();
    await sendApplied(
      ctx,
      f.jo,
      memberResponseChange(validationId, findingId, { id: responseId, assessment: 'NOT_ACCEPTED', assessedBy: asJo }),
    );
    expect(await overdue()).toBe(1);
    await sendApplied(
      ctx,
      f.jo,
      memberResponseChange(validationId, findingId, {
        id: responseId,
        version: 2,
        assessment: 'ACCEPTED',
        assessedBy: asJo,
        updatedAt: '2026-12-01T10:00:00.000Z',
      }),
    );
    expect(await overdue()).toBe(0);
  });

  it('counts a response overdue after the response period of HQ’s current policy, the due date the screens show', async () => {
    const f = await buildDataset(ctx);
    const analyst = { id: f.ari.userId, ...ANALYST };
    const overdueOn = async (today: string) => (await keyStatistics(ctx.db, analyst, {}, { today })).responsesOverdue;
    const setResponseDays = (baseVersion: number, responseDays: number) =>
      setResponseDaysAtHq(ctx.app, f.pat.token, baseVersion, responseDays);
    // V4's report date is 2026-04-10: its response is due 2026-07-09 under the default 90 days.
    expect(await overdueOn('2026-06-19')).toBe(0);
    expect(await overdueOn('2026-07-09')).toBe(0);
    expect(await overdueOn('2026-07-10')).toBe(1);
    // Under a 60-day policy it is due 2026-06-09; 70 days after the report date it is overdue.
    await setResponseDays(0, 60);
    expect(await overdueOn('2026-06-09')).toBe(0);
    expect(await overdueOn('2026-06-10')).toBe(1);
    expect(await overdueOn('2026-06-19')).toBe(1);
    // The period in force now dates every report, as on the screens: back at 90 days it is not overdue yet.
    await setResponseDays(1, 90);
    expect(await overdueOn('2026-06-19')).toBe(0);
  });

  it('gives deficiencies per validation by month and quarter of the UTC submitted date, overall and per category', async () => {
    const f = await buildDataset(ctx);
    // One more, a second before 2026 in UTC, so the periods run over a year's end.
    const v6 = makeValidation(randomUUID(), { catalogEditionId: 'MSC-2019-11' });
    await submitted(
      ctx,
      f.lee,
      v6,
      [answerOf(v6.id, '4.4', 'DEFICIENT'), findingOf(v6.id, '4.4', 'RECOMMENDATION', 'NOT_IMPLEMENTED')],
      '2025-12-31T23:59:59.000Z',
    );
    expect(await ok(ctx, f.ari, 'trends')).toEqual({
      months: [
        {
          period: '2025-12',
          validations: 1,
          deficiencies: 1,
          perValidation: 1,
          byCategory: [{ category: 4, count: 1, perValidation: 1 }],
        },
        {
          period: '2026-03',
          validations: 1,
          deficiencies: 3,
          perValidation: 3,
          byCategory: [
            { category: 4, count: 2, perValidation: 2 },
            { category: 5, count: 1, perValidation: 1 },
          ],
        },
        {
          period: '2026-04',
          validations: 1,
          deficiencies: 2,
          perValidation: 2,
          byCategory: [
            { category: 4, count: 1, perValidation: 1 },
            { category: 9, count: 1, perValidation: 1 },
          ],
        },
        // V2 and V3 (no findings): one deficiency over two validations.
        {
          period: '2026-06',
          validations: 2,
          deficiencies: 1,
          perValidation: 0.5,
          byCategory: [{ category: 4, count: 1, perValidation: 0.5 }],
        },
      ],
      quarters: [
        {
          period: '2025-Q4',
          validations: 1,
          deficiencies: 1,
          perValidation: 1,
          byCategory: [{ category: 4, count: 1, perValidation: 1 }],
        },
        {
          period: '2026-Q1',
          validations: 1,
          deficiencies: 3,
          perValidation: 3,
          byCategory: [
            { category: 4, count: 2, perValidation: 2 },
            { category: 5, count: 1, perValidation: 1 },
          ],
        },
        {
          period: '2026-Q2',
          validations: 3,
          deficiencies: 3,
          perValidation: 1,
          byCategory: [
            { category: 4, count: 2, perValidation: 0.67 },
            { category: 9, count: 1, perValidation: 0.33 },
          ],
        },
      ],
    });
    const periods = async (who: Enrolled, query = '') => {
      const t = await ok(ctx, who, `trends${query}`);
      return [...t.months, ...t.quarters].map((p: { period: string; deficiencies: number }) => [
        p.period,
        p.deficiencies,
      ]);
    };
    // Scope and filters as in every view; a period without a validation in them is left out.
    expect(await periods(f.dana)).toEqual([
      ['2026-03', 3],
      ['2026-06', 1],
      ['2026-Q1', 3],
      ['2026-Q2', 1],
    ]);
    expect(await periods(f.rae)).toEqual([
      ['2026-04', 2],
      ['2026-Q2', 2],
    ]);
    expect(await periods(f.ari, '?submittedFrom=2026-04-01&entityType=IMP')).toEqual([
      ['2026-04', 2],
      ['2026-06', 1],
      ['2026-Q2', 3],
    ]);
    const csv = await view(ctx, f.ari, 'trends?fieldOffice=Miami', 'text/csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe(
      [
        'period,category,validations,deficiencies,perValidation',
        '2026-04,,1,2,2',
        '2026-04,4,1,1,1',
        '2026-04,9,1,1,1',
        '2026-Q2,,1,2,2',
        '2026-Q2,4,1,1,1',
        '2026-Q2,9,1,1,1',
        '',
      ].join('\n'),
    );
  });

  it('compares virtual with in-person validations, with the virtual session durations', async () => {
    const f = await buildDataset(ctx);
    // Three more virtual validations: 90 + 45 minutes of sessions, 60 minutes, and 30 minutes plus an unfinished session.
    const virtual = { catalogEditionId: 'MSC-2019-11', mode: 'VIRTUAL' as const };
    const v6 = makeValidation(randomUUID(), virtual);
    await submitted(
      ctx,
      f.lee,
      v6,
      [
        answerOf(v6.id, '5.5', 'DEFICIENT'),
        findingOf(v6.id, '5.5', 'RECOMMENDATION', 'NOT_IMPLEMENTED'),
        sessionOf(v6.id, '2026-06-30T09:00:00.000Z', '2026-06-30T10:30:00.000Z'),
        sessionOf(v6.id, '2026-06-30T13:00:00.000Z', '2026-06-30T13:45:00.000Z'),
      ],
      '2026-07-01T10:00:00.000Z',
    );
    const v7 = makeValidation(randomUUID(), virtual);
    await submitted(
      ctx,
      f.lee,
      v7,
      [sessionOf(v7.id, '2026-06-30T09:00:00.000Z', '2026-06-30T10:00:00.000Z')],
      '2026-07-02T10:00:00.000Z',
    );
    const v8 = makeValidation(randomUUID(), virtual);
    await submitted(
      ctx,
      f.lee,
      v8,
      [
        sessionOf(v8.id, '2026-06-30T09:00:00.000Z', '2026-06-30T09:30:00.000Z'),
        sessionOf(v8.id, '2026-06-30T11:00:00.000Z', null),
      ],
      '2026-07-03T10:00:00.000Z',
    );
    const inPerson = {
      mode: 'IN_PERSON',
      validations: 3,
      deficiencies: 5,
      perValidation: 1.67,
      shareWithActionRequired: 66.67,
      byCategory: [
        { category: 4, count: 3, percent: 60 },
        { category: 5, count: 1, percent: 20 },
        { category: 9, count: 1, percent: 20 },
      ],
      sessionDuration: null,
    };
    // V2 has no session: counted as a validation, left out of the durations 30, 60 and 135 minutes.
    const virtualFigures = {
      mode: 'VIRTUAL',
      validations: 4,
      deficiencies: 2,
      perValidation: 0.5,
      shareWithActionRequired: 25,
      byCategory: [
        { category: 4, count: 1, percent: 50 },
        { category: 5, count: 1, percent: 50 },
      ],
      sessionDuration: {
        validationsTimed: 3,
        validationsUntimed: 1,
        medianMinutes: 60,
        q1Minutes: 45,
        q3Minutes: 97.5,
        iqrMinutes: 52.5,
      },
    };
    expect(await ok(ctx, f.ari, 'virtual-vs-in-person')).toEqual({ modes: [inPerson, virtualFigures] });
    // Miami has no virtual validation: the mode is listed at zero, with no durations.
    expect((await ok(ctx, f.rae, 'virtual-vs-in-person')).modes).toEqual([
      {
        ...inPerson,
        validations: 1,
        deficiencies: 2,
        perValidation: 2,
        shareWithActionRequired: 100,
        byCategory: [
          { category: 4, count: 1, percent: 50 },
          { category: 9, count: 1, percent: 50 },
        ],
      },
      {
        mode: 'VIRTUAL',
        validations: 0,
        deficiencies: 0,
        perValidation: 0,
        shareWithActionRequired: 0,
        byCategory: [],
        sessionDuration: {
          validationsTimed: 0,
          validationsUntimed: 0,
          medianMinutes: null,
          q1Minutes: null,
          q3Minutes: null,
          iqrMinutes: null,
        },
      },
    ]);
    // Dana's only virtual validation is V2, untimed.
    expect((await ok(ctx, f.dana, 'virtual-vs-in-person')).modes[1].sessionDuration).toMatchObject({
      validationsTimed: 0,
      validationsUntimed: 1,
      medianMinutes: null,
    });
    const csv = await view(ctx, f.ari, 'virtual-vs-in-person?mode=VIRTUAL&submittedFrom=2026-07-02', 'text/csv');
    expect(csv.body).toBe(
      [
        'mode,metric,category,value',
        'IN_PERSON,validations,,0',
        'IN_PERSON,deficiencies,,0',
        'IN_PERSON,perValidation,,0',
        'IN_PERSON,shareWithActionRequired,,0',
        'VIRTUAL,validations,,2',
        'VIRTUAL,deficiencies,,0',
        'VIRTUAL,perValidation,,0',
        'VIRTUAL,shareWithActionRequired,,0',
        'VIRTUAL,validationsTimed,,2',
        'VIRTUAL,validationsUntimed,,0',
        'VIRTUAL,medianMinutes,,45',
        'VIRTUAL,q1Minutes,,37.5',
        'VIRTUAL,q3Minutes,,52.5',
        'VIRTUAL,iqrMinutes,,15',
        '',
      ].join('\n'),
    );
  });

  it('answers CSV when asked for text/csv', async () => {
    const f = await buildDataset(ctx);
    const byCategory = await view(ctx, f.ari, 'deficiencies-by-category', 'text/csv');
    expect(byCategory.status).toBe(200);
    expect(byCategory.headers['content-type']).toMatch(/^text\/csv/);
    const lines = byCategory.body.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'category,name,count,percent,actionRequired,recommendation',
      '4,Cybersecurity,4,66.67,2,2',
      '5,Conveyance & Instruments of International Traffic Security,1,16.67,1,0',
    ]);
    expect(lines).toHaveLength(13);
    const stats = await view(ctx, f.ari, 'key-statistics?mode=VIRTUAL', 'text/csv');
    expect(stats.body.trim().split('\n')).toEqual([
      'metric,value',
      'validationsSubmitted,1',
      'membersValidated,1',
      'deficiencies,1',
      'deficienciesPerValidationMean,1',
      'deficienciesPerValidationMedian,1',
      'shareWithActionRequired,100',
      'repeatDeficiencies,1',
      'responsesOverdue,0',
    ]);
    const top = await view(ctx, f.ari, 'top-deficiencies?limit=1', 'text/csv');
    expect(top.body).toBe('criterionId,category,timesDeficient,timesAssessed,rate\n4.1,4,2,4,50\n');
    const reasons = await view(ctx, f.ari, 'deficiency-reasons?fieldOffice=Miami', 'text/csv');
    expect(reasons.body).toBe('reasonCode,count,percent\nPROCEDURE_INCOMPLETE,1,50\n,1,50\n');

    // The Accept header's weights decide: CSV only when it is preferred; none, or any type, gets JSON.
    const typeOf = async (accept: string) =>
      (await view(ctx, f.ari, 'key-statistics', accept)).headers['content-type'] as string;
    expect(await typeOf('text/csv;q=0.5, application/json')).toMatch(/^application\/json/);
    expect(await typeOf('text/csv;q=0')).toMatch(/^application\/json/);
    expect(await typeOf('application/json;q=0.1, text/csv')).toMatch(/^text\/csv/);
    expect(await typeOf('text/*')).toMatch(/^text\/csv/);
    expect(await typeOf('*/*')).toMatch(/^application\/json/);
    expect(await typeOf('')).toMatch(/^application\/json/);
  });

  it('lists each view in /openapi.json with its filters as query parameters', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const top = doc.paths['/v1/analytics/top-deficiencies'].get;
    expect(top.security).toEqual([{ deviceToken: [] }]);
    expect(top.parameters.map((p: { name: string }) => p.name)).toEqual([
      'submittedFrom',
      'submittedTo',
      'entityType',
      'mode',
      'fieldOffice',
      'edition',
      'limit',
    ]);
    expect(top.parameters.every((p: { required: boolean }) => !p.required)).toBe(true);
    const byCategory = doc.paths['/v1/analytics/deficiencies-by-category'].get;
    expect(byCategory.parameters.map((p: { name: string }) => p.name)).not.toContain('limit');
    expect(Object.keys(byCategory.responses).sort()).toEqual(['200', '400', '401']);
    const row = byCategory.responses['200'].content['application/json'].schema.properties.rows.items;
    expect(row.required).toEqual(['category', 'name', 'count', 'percent', 'actionRequired', 'recommendation']);
  });

  it('refuses a bad or unknown filter naming it, and a caller without a token', async () => {
    const f = await buildDataset(ctx);
    const refusal = async (path: string) => {
      const answer = await view(ctx, f.ari, path);
      expect(answer.status).toBe(400);
      return answer.json().error.message as string;
    };
    expect(await refusal('key-statistics?submittedFrom=2026-13-01')).toMatch(/^submittedFrom: /);
    expect(await refusal('deficiencies-by-category?submittedFrom=2026-05-01&submittedTo=2026-04-01')).toBe(
      'submittedTo: Must not be before submittedFrom',
    );
    for (const limit of ['500', '0', '', 'true', '1e2', '0x10', '%205', '99999999999999999999']) {
      expect(await refusal(`top-deficiencies?limit=${limit}`), limit).toBe('limit: A whole number from 1 to 100');
    }
    expect(await refusal('top-deficiencies?limit=5&limit=6')).toBe('limit: given more than once');
    expect(await refusal('deficiency-reasons?mode=VIRTUAL&mode=IN_PERSON')).toBe('mode: given more than once');
    expect(await refusal('deficiency-reasons?mode=HYBRID')).toMatch(/^mode: /);
    expect(await refusal('key-statistics?office=Houston')).toBe('Unknown query parameter: office');
    expect(await refusal('deficiencies-by-category?limit=3')).toBe('Unknown query parameter: limit');
    expect(await refusal('trends?month=2026-03')).toBe('Unknown query parameter: month');
    expect(await refusal('virtual-vs-in-person?mode=HYBRID')).toMatch(/^mode: /);
    for (const path of [
      'key-statistics',
      'deficiencies-by-category',
      'top-deficiencies',
      'deficiency-reasons',
      'trends',
      'virtual-vs-in-person',
    ]) {
      const answer = await view(ctx, null, path);
      expect(answer.status).toBe(401);
      expect(answer.json().error.code).toBe('UNAUTHORIZED');
    }
  });
});
