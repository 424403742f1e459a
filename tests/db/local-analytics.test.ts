import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeLocalView, type LocalAnalyticsRequest } from '../../electron/services/analytics/local-analytics';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { saveFinding } from '../../electron/services/field-work-service';
import { actAsEnrolledUser } from '../../electron/services/identity';
import { saveVirtualSession } from '../../electron/services/inspection-service';
import { saveResponse } from '../../electron/services/response-service';
import { reopenValidation, submitValidation } from '../../electron/services/submission-service';
import type { AnalyticsFilters } from '../../shared/analytics/filters';
import type { AnalyticsViewName } from '../../shared/analytics/views';
import { buildCompleteValidation, importers } from './complete-validation';

/**
 * The six views on a laptop store built through the app's services, with counts worked out by hand:
 *   V1 Member A, in person, submitted 2026-01-15: 4.1 AR NOT_IMPLEMENTED, 2.1 Rec NO_WRITTEN_PROCEDURE,
 *      5.1 AR NO_WRITTEN_PROCEDURE
 *   V2 Member A, virtual, submitted 2026-02-20: 4.1 AR NOT_IMPLEMENTED, 2.1 Rec TRAINING_GAP; sessions 9,000 s
 *      and 630.5 s (→ 631): 9,631 s. Both deficiencies repeat V1's.
 *   V3 Member B, virtual, submitted 2026-04-02 then withdrawn (HQ keeps its submission): 4.1 AR; 9,000 s
 *   V4 Member B, in person, never submitted: 4.1 AR, 6.1 AR (never counted)
 * Each worksheet has 93 criteria, 1.3 Not applicable, so every other criterion is assessed.
 */

const CONTEXT = { today: '2026-05-01', fieldOffice: 'Houston', userId: null };

let dataDir = '';
let nowMs = 0;
let services: AppServices;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-local-analytics-'));
  nowMs = Date.parse('2026-01-10T09:00:00.000Z');
  services = openAppServices({
    dataDir,
    actor: 'test.scss',
    now: () => {
      nowMs += 1000;
      return new Date(nowMs);
    },
  });
});
afterEach(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const view = (name: AnalyticsViewName, filters: AnalyticsFilters = {}, extra: Partial<LocalAnalyticsRequest> = {}) =>
  computeLocalView(services.ctx.db, { view: name, filters, ...extra }, CONTEXT).data;

/** The deficiencies-by-category answer, narrowed by its view name. */
function byCategoryView() {
  const result = computeLocalView(services.ctx.db, { view: 'deficiencies-by-category', filters: {} }, CONTEXT);
  if (result.view !== 'deficiencies-by-category') throw new Error(`wrong view ${result.view}`);
  return result.data;
}

/** A deficient answer and its finding, as the SCSS records them. */
function finding(
  validationId: string,
  criterionId: string,
  classification: 'ACTION_REQUIRED' | 'RECOMMENDATION',
  reasonCode: string,
) {
  const { ctx } = services;
  saveResponse(ctx, {
    validationId,
    criterionId,
    result: 'DEFICIENT',
    notes: 'Gap found.',
    verificationMethods: ['INTERVIEW'],
  });
  saveFinding(ctx, {
    validationId,
    criterionId,
    classification,
    reasonCode,
    description: `Gap on ${criterionId}.`,
    dueDate: '2026-06-30',
  });
}

/** Advice on a Compliant criterion: a Recommendation, which is no deficiency (nothing here may count it). */
function improvement(validationId: string, criterionId: string) {
  saveFinding(services.ctx, {
    validationId,
    criterionId,
    classification: 'RECOMMENDATION',
    reasonCode: null,
    description: `Could do better on ${criterionId}.`,
    dueDate: null,
  });
}

/** Submits at the given time: the clock is set just before. */
function submitAt(validationId: string, iso: string) {
  nowMs = Date.parse(iso) - 1000;
  return submitValidation(services.ctx, validationId, 'Dana Ruiz');
}

function buildFixture() {
  const { ctx } = services;
  const [a, b] = importers(services);
  const v1 = buildCompleteValidation(services, { member: a }).validation;
  finding(v1.id, '2.2', 'RECOMMENDATION', 'NO_WRITTEN_PROCEDURE');
  finding(v1.id, '5.1', 'ACTION_REQUIRED', 'NO_WRITTEN_PROCEDURE');
  improvement(v1.id, '6.1');
  submitAt(v1.id, '2026-01-15T10:00:00.000Z');

  const v2 = buildCompleteValidation(services, { member: a, mode: 'VIRTUAL' }).validation;
  finding(v2.id, '2.2', 'RECOMMENDATION', 'TRAINING_GAP');
  saveVirtualSession(ctx, {
    validationId: v2.id,
    platform: 'Zoom',
    startedAt: '2026-03-11T09:00:00.000Z',
    endedAt: '2026-03-11T09:10:30.500Z',
    participants: [{ name: 'Dana Ruiz', role: 'CBP_SCSS', organization: 'CBP Houston' }],
    documents: [],
    segments: [],
  });
  submitAt(v2.id, '2026-02-20T16:00:00.000Z');

  const v3 = buildCompleteValidation(services, { member: b, mode: 'VIRTUAL' }).validation;
  submitAt(v3.id, '2026-04-02T08:30:00.000Z');
  reopenValidation(ctx, v3.id, 'The Member sent a revised policy after all.');

  const v4 = buildCompleteValidation(services, { member: b }).validation;
  finding(v4.id, '6.1', 'ACTION_REQUIRED', 'NOT_IMPLEMENTED');
  return { v1, v2, v3, v4 };
}

const zeroCategories = (except: number[]) =>
  Array.from({ length: 12 }, (_, i) => i + 1).filter((c) => !except.includes(c));

describe('the six views on this computer', () => {
  it('key statistics: submitted validations, Members, deficiencies, median, AR share and repeats', () => {
    buildFixture();
    expect(view('key-statistics')).toEqual({
      validationsSubmitted: 3,
      membersValidated: 2,
      deficiencies: 6,
      deficienciesPerValidation: { mean: 2, median: 2 },
      shareWithActionRequired: 100,
      repeatDeficiencies: 2,
      responsesOverdue: 0,
    });
  });

  it('deficiencies by category: every category listed, the empty ones at 0 in number order', () => {
    buildFixture();
    const data = byCategoryView();
    expect(data.total).toBe(6);
    expect(data.rows.map((r) => [r.category, r.count, r.percent, r.actionRequired, r.recommendation])).toEqual([
      [4, 3, 50, 3, 0],
      [2, 2, 33.33, 0, 2],
      [5, 1, 16.67, 1, 0],
      ...zeroCategories([2, 4, 5]).map((c) => [c, 0, 0, 0, 0]),
    ]);
    expect(data.rows[0]).toMatchObject({ name: 'Cybersecurity' });
  });

  it('top deficiencies: times deficient, times assessed and rate, with the limit', () => {
    buildFixture();
    expect(view('top-deficiencies')).toEqual({
      rows: [
        { criterionId: '4.1', category: 4, timesDeficient: 3, timesAssessed: 3, rate: 100 },
        { criterionId: '2.2', category: 2, timesDeficient: 2, timesAssessed: 3, rate: 66.67 },
        { criterionId: '5.1', category: 5, timesDeficient: 1, timesAssessed: 3, rate: 33.33 },
      ],
    });
    expect(view('top-deficiencies', {}, { limit: 1 })).toEqual({
      rows: [{ criterionId: '4.1', category: 4, timesDeficient: 3, timesAssessed: 3, rate: 100 }],
    });
  });

  it('deficiency reasons: most frequent first', () => {
    buildFixture();
    expect(view('deficiency-reasons')).toEqual({
      total: 6,
      rows: [
        { reasonCode: 'NOT_IMPLEMENTED', count: 3, percent: 50 },
        { reasonCode: 'NO_WRITTEN_PROCEDURE', count: 2, percent: 33.33 },
        { reasonCode: 'TRAINING_GAP', count: 1, percent: 16.67 },
      ],
    });
  });

  it('trends: months and quarters of the submission (a withdrawn one keeps its date)', () => {
    buildFixture();
    expect(view('trends')).toEqual({
      months: [
        {
          period: '2026-01',
          validations: 1,
          deficiencies: 3,
          perValidation: 3,
          byCategory: [
            { category: 2, count: 1, perValidation: 1 },
            { category: 4, count: 1, perValidation: 1 },
            { category: 5, count: 1, perValidation: 1 },
          ],
        },
        {
          period: '2026-02',
          validations: 1,
          deficiencies: 2,
          perValidation: 2,
          byCategory: [
            { category: 2, count: 1, perValidation: 1 },
            { category: 4, count: 1, perValidation: 1 },
          ],
        },
        {
          period: '2026-04',
          validations: 1,
          deficiencies: 1,
          perValidation: 1,
          byCategory: [{ category: 4, count: 1, perValidation: 1 }],
        },
      ],
      quarters: [
        {
          period: '2026-Q1',
          validations: 2,
          deficiencies: 5,
          perValidation: 2.5,
          byCategory: [
            { category: 2, count: 2, perValidation: 1 },
            { category: 4, count: 2, perValidation: 1 },
            { category: 5, count: 1, perValidation: 0.5 },
          ],
        },
        {
          period: '2026-Q2',
          validations: 1,
          deficiencies: 1,
          perValidation: 1,
          byCategory: [{ category: 4, count: 1, perValidation: 1 }],
        },
      ],
    });
  });

  it('virtual vs in person: per mode, with session duration quartiles in minutes', () => {
    buildFixture();
    expect(view('virtual-vs-in-person')).toEqual({
      modes: [
        {
          mode: 'IN_PERSON',
          validations: 1,
          deficiencies: 3,
          perValidation: 3,
          shareWithActionRequired: 100,
          byCategory: [
            { category: 2, count: 1, percent: 33.33 },
            { category: 4, count: 1, percent: 33.33 },
            { category: 5, count: 1, percent: 33.33 },
          ],
          sessionDuration: null,
        },
        {
          mode: 'VIRTUAL',
          validations: 2,
          deficiencies: 3,
          perValidation: 1.5,
          shareWithActionRequired: 100,
          byCategory: [
            { category: 4, count: 2, percent: 66.67 },
            { category: 2, count: 1, percent: 33.33 },
          ],
          // [9,000 s, 9,631 s]: q1 9,157.75 s, median 9,315.5 s, q3 9,473.25 s, IQR 315.5 s.
          sessionDuration: {
            validationsTimed: 2,
            validationsUntimed: 0,
            medianMinutes: 155.26,
            q1Minutes: 152.63,
            q3Minutes: 157.89,
            iqrMinutes: 5.26,
          },
        },
      ],
    });
  });
});

describe('filters', () => {
  const keyCounts = (filters: AnalyticsFilters) => {
    const data = view('key-statistics', filters);
    if (!('validationsSubmitted' in data)) throw new Error('wrong view');
    return [data.validationsSubmitted, data.deficiencies, data.repeatDeficiencies];
  };

  it('date range, entity type, mode, field office and edition', () => {
    buildFixture();
    // V2's previous validation (V1) is looked for outside the date range, as HQ does.
    expect(keyCounts({ submittedFrom: '2026-02-01' })).toEqual([2, 3, 2]);
    expect(keyCounts({ submittedTo: '2026-01-31' })).toEqual([1, 3, 0]);
    expect(keyCounts({ submittedFrom: '2026-02-20', submittedTo: '2026-02-20' })).toEqual([1, 2, 2]);
    expect(keyCounts({ mode: 'VIRTUAL' })).toEqual([2, 3, 2]);
    expect(keyCounts({ mode: 'IN_PERSON' })).toEqual([1, 3, 0]);
    expect(keyCounts({ entityType: 'IMP' })).toEqual([3, 6, 2]);
    expect(keyCounts({ entityType: 'HC' })).toEqual([0, 0, 0]);
    expect(keyCounts({ fieldOffice: 'Houston' })).toEqual([3, 6, 2]);
    expect(keyCounts({ fieldOffice: 'Miami' })).toEqual([0, 0, 0]);
    expect(keyCounts({ edition: 'MSC-2019-11' })).toEqual([3, 6, 2]);
    expect(keyCounts({ edition: 'MSC-2025-01' })).toEqual([0, 0, 0]);
    expect(view('top-deficiencies', { mode: 'VIRTUAL' })).toEqual({
      rows: [
        { criterionId: '4.1', category: 4, timesDeficient: 2, timesAssessed: 2, rate: 100 },
        { criterionId: '2.2', category: 2, timesDeficient: 1, timesAssessed: 2, rate: 50 },
      ],
    });
  });

  it('an office filter on a laptop not enrolled matches nothing', () => {
    buildFixture();
    const data = computeLocalView(
      services.ctx.db,
      { view: 'key-statistics', filters: { fieldOffice: 'Houston' } },
      { today: CONTEXT.today, fieldOffice: null, userId: null },
    ).data;
    expect(data).toMatchObject({ validationsSubmitted: 0 });
  });
});

describe('a laptop handed over to another SCSS', () => {
  const DANA = { id: 'user-dana', name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' } as const;
  const SAM = { id: 'user-sam', name: 'Sam Ortiz', role: 'SCSS', fieldOffice: 'Miami' } as const;
  const counts = (user: typeof DANA | typeof SAM) => {
    const context = { today: CONTEXT.today, fieldOffice: user.fieldOffice, userId: user.id };
    const key = computeLocalView(services.ctx.db, { view: 'key-statistics', filters: {} }, context).data;
    const top = computeLocalView(services.ctx.db, { view: 'top-deficiencies', filters: {} }, context).data;
    if (!('validationsSubmitted' in key) || !('rows' in top)) throw new Error('wrong view');
    return { submitted: key.validationsSubmitted, deficiencies: key.deficiencies, topRows: top.rows.length };
  };

  it("counts only the enrolled person's validations: the earlier person's stay theirs", () => {
    buildFixture();
    // Dana enrols: the validations started before any enrolment become hers, as HQ records them.
    actAsEnrolledUser(services.ctx, DANA);
    expect(counts(DANA)).toEqual({ submitted: 3, deficiencies: 6, topRows: 3 });

    // The laptop goes to Sam, who submits one validation of his own (its one deficiency: 4.1).
    actAsEnrolledUser(services.ctx, SAM);
    expect(counts(SAM)).toEqual({ submitted: 0, deficiencies: 0, topRows: 0 });
    const [a] = importers(services);
    const own = buildCompleteValidation(services, { member: a }).validation;
    submitAt(own.id, '2026-04-20T10:00:00.000Z');
    expect(counts(SAM)).toEqual({ submitted: 1, deficiencies: 1, topRows: 1 });
    expect(counts(DANA)).toEqual({ submitted: 3, deficiencies: 6, topRows: 3 });
  });
});

describe('an empty store', () => {
  it('gives zeros, twelve empty categories and no rows', () => {
    expect(view('key-statistics')).toEqual({
      validationsSubmitted: 0,
      membersValidated: 0,
      deficiencies: 0,
      deficienciesPerValidation: { mean: 0, median: 0 },
      shareWithActionRequired: 0,
      repeatDeficiencies: 0,
      responsesOverdue: 0,
    });
    const byCategory = byCategoryView();
    expect(byCategory.total).toBe(0);
    expect(byCategory.rows.map((r) => [r.category, r.count, r.percent])).toEqual(
      zeroCategories([]).map((c) => [c, 0, 0]),
    );
    expect(view('top-deficiencies')).toEqual({ rows: [] });
    expect(view('deficiency-reasons')).toEqual({ total: 0, rows: [] });
    expect(view('trends')).toEqual({ months: [], quarters: [] });
    expect(view('virtual-vs-in-person')).toEqual({
      modes: [
        {
          mode: 'IN_PERSON',
          validations: 0,
          deficiencies: 0,
          perValidation: 0,
          shareWithActionRequired: 0,
          byCategory: [],
          sessionDuration: null,
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
      ],
    });
  });
});
