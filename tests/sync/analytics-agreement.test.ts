import { addDays, format, parseISO } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../../db/outbox';
import { computeLocalView } from '../../electron/services/analytics/local-analytics';
import { saveFinding } from '../../electron/services/field-work-service';
import { saveVirtualSession } from '../../electron/services/inspection-service';
import { saveResponse } from '../../electron/services/response-service';
import { concurWithAllRemaining, saveFindingReview } from '../../electron/services/review-service';
import { getSettings, keepHqPolicy } from '../../electron/services/settings-service';
import { submitValidation } from '../../electron/services/submission-service';
import { lifecycleView, transitionValidation } from '../../electron/services/workflow-service';
import { getWorklist } from '../../electron/services/worklist-service';
import type { AnalyticsFilters } from '../../shared/analytics/filters';
import { ANALYTICS_VIEWS, type AnalyticsViewName } from '../../shared/analytics/views';
import { HqPolicySchema } from '../../shared/domain/policy';
import { buildCompleteValidation } from '../db/complete-validation';
import { setResponseDaysAtHq } from '../hq/helpers';
import {
  addMember,
  advanceWorldClock,
  enrolLaptop,
  type Laptop,
  removeLaptopDirs,
  worldNow,
} from './lifecycle-harness';
import { BACKENDS, sharedHqPerTest } from './sync-harness';

/**
 * The same validations give the same figures on the SCSS's laptop ("This computer") and at HQ (the SCSS's
 * scope): built through the app's services, synced to a real HQ, reviewed and approved on other laptops, and
 * the reviewer's "no finding" and the approval brought back to the SCSS's laptop by pull.
 *   V1 Member A, in person: 4.1 AR, 2.1 Rec
 *   V2 Member A, virtual (two sessions): 4.1 AR (repeats V1's); approved, report issued, no Member response:
 *      4.1 overdue (HQ compares with today's date)
 *   V3 Member B, in person: 4.1 AR, 5.1 AR ruled "no finding" by the reviewer (so not approvable: in review)
 *   V4 Member B, never submitted: 4.1 AR
 * Then under a 60-day response period set at HQ, responses are overdue by the due date the screens show (the report
 * date plus HQ's period, as Settings hold it), not by the default 90 days: a report of 70 days ago is overdue on the
 * screens and in both counts, one of 50 days ago in neither.
 */

const DANA = { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' } as const;
const SAM = { name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER', fieldOffice: 'Houston' } as const;
const PAT = { name: 'Pat Nguyen', role: 'SUPERVISOR', fieldOffice: 'Houston' } as const;

/** HQ compares due dates with its own clock: the laptop is asked with the same day. */
const today = () => new Date().toISOString().slice(0, 10);
/** The day `offset` days from today (UTC). */
const dayFromToday = (offset: number) => format(addDays(parseISO(today()), offset), 'yyyy-MM-dd');

/**
 * Moves every laptop's clock on to noon UTC of `day`: the same calendar day from Honolulu to Guam, so a laptop
 * dates an approval, and compares a due date, with that day.
 */
function setWorldClockTo(day: string): void {
  const days = (Date.parse(`${day}T12:00:00.000Z`) - worldNow().getTime()) / 86_400_000;
  expect(days, `the laptops' clock is already past ${day}`).toBeGreaterThan(0);
  advanceWorldClock(days);
}

describe.each(BACKENDS)('analytics on the laptop agree with HQ on %s', (backend) => {
  const hq = sharedHqPerTest(backend);
  const laptops: Laptop[] = [];
  afterEach(() => {
    for (const laptop of laptops.splice(0)) laptop.close();
    removeLaptopDirs();
  });
  const enrol = async (user: Parameters<typeof enrolLaptop>[1]) => {
    const laptop = await enrolLaptop(hq, user);
    laptops.push(laptop);
    return laptop;
  };

  function addFinding(
    dana: Laptop,
    validationId: string,
    criterionId: string,
    classification: 'ACTION_REQUIRED' | 'RECOMMENDATION',
    reasonCode: string,
  ) {
    const { ctx } = dana.services;
    saveResponse(ctx, {
      validationId,
      criterionId,
      result: 'DEFICIENT',
      notes: 'Gap.',
      verificationMethods: ['INTERVIEW'],
    });
    return saveFinding(ctx, {
      validationId,
      criterionId,
      classification,
      reasonCode,
      description: `Gap on ${criterionId}.`,
      dueDate: '2026-09-30',
    });
  }

  async function atHq(token: string, view: AnalyticsViewName, filters: AnalyticsFilters) {
    const query = new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)])).toString();
    const response = await hq.app.inject({
      method: 'GET',
      url: `/v1/analytics/${view}${query ? `?${query}` : ''}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  it('gives the same figures in all six views, with and without filters', async () => {
    const dana = await enrol(DANA);
    const sam = await enrol(SAM);
    const pat = await enrol(PAT);
    const { ctx } = dana.services;
    const memberA = addMember(dana);
    const memberB = addMember(dana, 'Gulf Coast Home Goods Inc', 'IMP-88341');

    const v1 = buildCompleteValidation(dana.services, { member: memberA, signer: DANA.name }).validation;
    addFinding(dana, v1.id, '2.2', 'RECOMMENDATION', 'NO_WRITTEN_PROCEDURE');
    // Advice on a Compliant criterion: neither side counts it as a deficiency.
    saveFinding(ctx, {
      validationId: v1.id,
      criterionId: '6.1',
      classification: 'RECOMMENDATION',
      reasonCode: null,
      description: 'Photograph seals at stuffing as well.',
      dueDate: null,
    });
    submitValidation(ctx, v1.id, DANA.name);
    const v2 = buildCompleteValidation(dana.services, { member: memberA, mode: 'VIRTUAL', signer: DANA.name });
    saveVirtualSession(ctx, {
      validationId: v2.validation.id,
      platform: 'Zoom',
      startedAt: '2026-03-11T09:00:00.000Z',
      endedAt: '2026-03-11T09:10:30.500Z',
      participants: [{ name: DANA.name, role: 'CBP_SCSS', organization: 'CBP Houston' }],
      documents: [],
      segments: [],
    });
    submitValidation(ctx, v2.validation.id, DANA.name);
    const v3 = buildCompleteValidation(dana.services, { member: memberB, signer: DANA.name }).validation;
    const ruledOut = addFinding(dana, v3.id, '5.1', 'ACTION_REQUIRED', 'TRAINING_GAP');
    submitValidation(ctx, v3.id, DANA.name);
    buildCompleteValidation(dana.services, { member: memberB, signer: DANA.name });
    expect((await dana.sync()).push).toMatchObject({ refused: 0 });

    // The reviewer rules V3's 5.1 "no finding" and concurs with V2's 4.1; the supervisor approves V2, issues its report.
    await sam.pull();
    saveFindingReview(sam.services.ctx, {
      validationId: v3.id,
      findingId: ruledOut.id,
      decision: 'NON_CONCUR',
      comment: 'Training records were shown after the session: not a deficiency.',
      proposedClassification: 'NO_FINDING',
    });
    concurWithAllRemaining(sam.services.ctx, { validationId: v2.validation.id, comment: '' });
    expect((await sam.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    await pat.pull();
    transitionValidation(pat.services.ctx, { validationId: v2.validation.id, kind: 'APPROVE', comment: '' });
    transitionValidation(pat.services.ctx, {
      validationId: v2.validation.id,
      kind: 'ISSUE_REPORT',
      comment: 'Report sent to the Member.',
    });
    expect((await pat.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    await dana.sync();
    expect(listOutbox(ctx.db)).toEqual([]);

    const local = (view: AnalyticsViewName, filters: AnalyticsFilters) =>
      computeLocalView(
        ctx.db,
        { view, filters },
        { today: today(), fieldOffice: DANA.fieldOffice, userId: dana.userId },
      ).data;

    // Worked out by hand: 4 deficiencies (5.1 ruled out), 1 repeat (V2's 4.1), 1 overdue (V2's 4.1).
    expect(local('key-statistics', {})).toMatchObject({
      validationsSubmitted: 3,
      membersValidated: 2,
      deficiencies: 4,
      repeatDeficiencies: 1,
      responsesOverdue: 1,
    });

    const filterSets: AnalyticsFilters[] = [
      {},
      { mode: 'VIRTUAL' },
      { mode: 'IN_PERSON', fieldOffice: 'Houston', edition: 'MSC-2019-11' },
      { fieldOffice: 'Miami' },
      { submittedFrom: '2026-01-01', submittedTo: today(), entityType: 'IMP' },
    ];
    for (const filters of filterSets) {
      for (const view of ANALYTICS_VIEWS) {
        expect(local(view, filters), `${view} ${JSON.stringify(filters)}`).toEqual(
          await atHq(dana.token, view, filters),
        );
      }
    }
  });
  it('counts the responses the screens show overdue under a 60-day response period set at HQ', async () => {
    const dana = await enrol(DANA);
    const sam = await enrol(SAM);
    const pat = await enrol(PAT);
    const { ctx } = dana.services;
    /** Pat sets the response period at HQ; the policy HQ answers with. */
    const setResponseDays = (baseVersion: number, responseDays: number) =>
      setResponseDaysAtHq(hq.app, pat.token, baseVersion, responseDays);
    // A supervisor sets a 60-day response period at HQ; Dana's laptop takes it with a sync, as its Settings show.
    const sixtyDays = await setResponseDays(0, 60);
    // The supervisor's laptop has it when approving, as a sync gives it: approval fixes the due dates with it.
    keepHqPolicy(pat.services.ctx, sixtyDays);
    expect(getSettings(pat.services.ctx).responseDays).toBe(60);

    // Two validations, each with 4.1 Action Required: one reported 70 days ago, the other 50 days ago.
    const v70 = buildCompleteValidation(dana.services, { member: addMember(dana), signer: DANA.name }).validation;
    submitValidation(ctx, v70.id, DANA.name);
    const memberB = addMember(dana, 'Gulf Coast Home Goods Inc', 'IMP-88341');
    const v50 = buildCompleteValidation(dana.services, { member: memberB, signer: DANA.name }).validation;
    submitValidation(ctx, v50.id, DANA.name);
    expect((await dana.sync()).push).toMatchObject({ refused: 0 });
    await sam.pull();
    for (const v of [v70, v50]) concurWithAllRemaining(sam.services.ctx, { validationId: v.id, comment: '' });
    expect((await sam.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    for (const [v, daysAgo] of [
      [v70, 70],
      [v50, 50],
    ] as const) {
      setWorldClockTo(dayFromToday(-daysAgo));
      await pat.pull();
      transitionValidation(pat.services.ctx, { validationId: v.id, kind: 'APPROVE', comment: '' });
      transitionValidation(pat.services.ctx, { validationId: v.id, kind: 'ISSUE_REPORT', comment: 'Sent.' });
      expect((await pat.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    }
    await dana.sync();
    const policy = await hq.app.inject({
      method: 'GET',
      url: '/v1/policy',
      headers: { authorization: `Bearer ${dana.token}` },
    });
    keepHqPolicy(ctx, HqPolicySchema.parse(policy.json()));
    expect(getSettings(ctx).responseDays).toBe(60);
    setWorldClockTo(today());

    // The screens: V70's responses were due 10 days ago and are overdue; V50's are due in 10 days.
    expect(lifecycleView(ctx, v70.id)).toMatchObject({
      state: 'AWAITING_RESPONSE',
      reportDate: dayFromToday(-70),
      responseDueDate: dayFromToday(-10),
      responseOverdue: true,
    });
    expect(lifecycleView(ctx, v50.id)).toMatchObject({
      state: 'AWAITING_RESPONSE',
      reportDate: dayFromToday(-50),
      responseDueDate: dayFromToday(10),
      responseOverdue: false,
    });
    const overdueOnScreen = getWorklist(ctx, { list: 'RESPONSES', statuses: ['OVERDUE'] }).items;
    expect(overdueOnScreen.map((i) => [i.validationId, i.criterionId, i.dueDate])).toEqual([
      [v70.id, '4.1', dayFromToday(-10)],
    ]);

    // The dashboard, on this computer and at HQ, counts that one response overdue, and every view agrees.
    const local = (view: AnalyticsViewName, filters: AnalyticsFilters) =>
      computeLocalView(
        ctx.db,
        { view, filters },
        { today: today(), fieldOffice: DANA.fieldOffice, userId: dana.userId },
      ).data;
    expect(local('key-statistics', {})).toMatchObject({ validationsSubmitted: 2, responsesOverdue: 1 });
    expect(await atHq(dana.token, 'key-statistics', {})).toMatchObject({ responsesOverdue: 1 });
    for (const filters of [{}, { mode: 'IN_PERSON' }, { fieldOffice: 'Miami' }] as AnalyticsFilters[]) {
      for (const view of ANALYTICS_VIEWS) {
        expect(local(view, filters), `${view} ${JSON.stringify(filters)}`).toEqual(
          await atHq(dana.token, view, filters),
        );
      }
    }

    // Back at 90 days, the reports already out keep the dates approval fixed: V70's responses are still overdue,
    // on the screens, on this computer's dashboard and at HQ.
    keepHqPolicy(ctx, await setResponseDays(1, 90));
    expect(getSettings(ctx).responseDays).toBe(90);
    expect(lifecycleView(ctx, v70.id)).toMatchObject({ responseDueDate: dayFromToday(-10), responseOverdue: true });
    expect(local('key-statistics', {})).toMatchObject({ responsesOverdue: 1 });
    expect(await atHq(dana.token, 'key-statistics', {})).toMatchObject({ responsesOverdue: 1 });
  });
});
