import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CriterionLevel } from '../../shared/catalog/schema';
import { type CompletenessInput, checkWorksheetCompleteness } from '../../shared/domain/completeness';
import type { CompletenessProblem } from '../../shared/domain/completeness-types';
import { defaultDueDate, localToday } from '../../shared/domain/due-dates';
import type { Evidence, Finding, Site } from '../../shared/domain/field-work';
import { defaultFinding } from '../../shared/domain/finding-defaults';
import type { CriterionResponse } from '../../shared/domain/validation';

const VALIDATION = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const AT = '2026-03-02T14:00:00.000Z';
/** The SCSS's date: the report will be dated no earlier. */
const TODAY = '2026-03-02';

/** A small worksheet in catalog order: a Should, two Musts, a Must + Should, and two more Musts. */
const CRITERIA: CompletenessInput['criteria'] = [
  { id: '1.1', category: 1, level: 'SHOULD' },
  { id: '1.3', category: 1, level: 'MUST' },
  { id: '2.2', category: 2, level: 'MIXED' },
  { id: '4.1', category: 4, level: 'MUST' },
  { id: '4.2', category: 4, level: 'MUST' },
  { id: '10.1', category: 10, level: 'MUST' },
];

const SITE: Site = {
  id: '33333333-3333-4333-8333-333333333333',
  validationId: VALIDATION,
  name: 'Main office',
  address: '',
  siteType: 'MAIN_OFFICE',
  visitDate: null,
  createdAt: AT,
  updatedAt: AT,
};

function response(
  criterionId: string,
  result: CriterionResponse['result'],
  more: Partial<CriterionResponse> = {},
): CriterionResponse {
  return {
    validationId: VALIDATION,
    criterionId,
    result,
    notes: '',
    siteId: null,
    verificationMethods: result === 'NOT_APPLICABLE' ? [] : ['DOCUMENT_REVIEWED'],
    naJustification: '',
    version: 1,
    updatedAt: AT,
    updatedBy: 'test.scss',
    ...more,
  };
}

function finding(criterionId: string, more: Partial<Finding> = {}): Finding {
  return {
    id: `44444444-4444-4444-8444-${criterionId.replace('.', '0').padStart(12, '0')}`,
    validationId: VALIDATION,
    criterionId,
    classification: 'ACTION_REQUIRED',
    reasonCode: 'NOT_IMPLEMENTED',
    description: 'Not done.',
    dueDate: '2026-06-08',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...more,
  };
}

function evidence(more: Partial<Evidence>): Evidence {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    validationId: VALIDATION,
    criterionId: null,
    findingId: null,
    sha256: 'a'.repeat(64),
    fileName: 'photo.jpg',
    mediaType: 'image/jpeg',
    sizeBytes: 1024,
    caption: '',
    observedRemotely: true,
    hasThumbnail: true,
    createdAt: AT,
    ...more,
  };
}

/** Every criterion Compliant with a verification method, one site, no findings: nothing to report. */
function completeInput(more: Partial<CompletenessInput> = {}): CompletenessInput {
  return {
    mode: 'IN_PERSON',
    criteria: CRITERIA,
    responses: CRITERIA.map((c) => response(c.id, 'COMPLIANT')),
    findings: [],
    evidence: [],
    sites: [SITE],
    today: TODAY,
    ...more,
  };
}

/** The responses of `completeInput` with some replaced. */
function withResponses(...replacements: CriterionResponse[]): CriterionResponse[] {
  const byId = new Map(replacements.map((r) => [r.criterionId, r]));
  return CRITERIA.map((c) => byId.get(c.id) ?? response(c.id, 'COMPLIANT'));
}

const gist = (problems: ReadonlyArray<CompletenessProblem>) => problems.map((p) => [p.criterionId, p.code]);

describe('checkWorksheetCompleteness', () => {
  it('is ready with nothing to say when every criterion is answered, verified and a site is recorded', () => {
    expect(checkWorksheetCompleteness(completeInput())).toEqual({ ready: true, errors: [], warnings: [] });
  });

  it('lists unanswered criteria in worksheet order, whatever order the answers come in, and warns of no sites', () => {
    const report = checkWorksheetCompleteness(
      completeInput({
        // Answers arrive in store order (10.1 before 2.2); a cleared result counts as unanswered.
        responses: [response('10.1', 'COMPLIANT'), response('2.2', null, { notes: 'ask about badges' })],
        sites: [],
      }),
    );
    expect(report.ready).toBe(false);
    expect(gist(report.errors)).toEqual([
      ['1.1', 'UNANSWERED'],
      ['1.3', 'UNANSWERED'],
      ['2.2', 'UNANSWERED'],
      ['4.1', 'UNANSWERED'],
      ['4.2', 'UNANSWERED'],
    ]);
    expect(report.errors[2]).toMatchObject({
      severity: 'error',
      code: 'UNANSWERED',
      message: '2.2 has no result.',
      criterionId: '2.2',
      category: 2,
    });
    expect(report.warnings).toMatchObject([
      {
        severity: 'warning',
        code: 'NO_SITES',
        message: 'No sites are recorded for this validation.',
        criterionId: null,
        category: null,
      },
    ]);
  });

  it('says only "unanswered" for a criterion without a result, even if it has a finding', () => {
    const report = checkWorksheetCompleteness(
      completeInput({
        responses: withResponses(response('4.1', null)),
        findings: [finding('4.1', { reasonCode: null })],
      }),
    );
    expect(gist(report.errors)).toEqual([['4.1', 'UNANSWERED']]);
    expect(report.warnings).toEqual([]);
  });

  it('needs a justification for Not applicable on Must and Must + Should criteria, not on Should ones', () => {
    const report = checkWorksheetCompleteness(
      completeInput({
        responses: withResponses(
          response('1.1', 'NOT_APPLICABLE'),
          response('1.3', 'NOT_APPLICABLE'),
          response('2.2', 'NOT_APPLICABLE', { naJustification: ' \n ' }),
          response('4.1', 'NOT_APPLICABLE', { naJustification: 'No IT systems at this site.' }),
        ),
      }),
    );
    expect(gist(report.errors)).toEqual([
      ['1.3', 'MUST_NA_WITHOUT_JUSTIFICATION'],
      ['2.2', 'MUST_NA_WITHOUT_JUSTIFICATION'],
    ]);
    expect(report.errors[0]?.message).toBe('1.3 is a Must criterion marked Not applicable without a justification.');
    // Not applicable needs no verification method.
    expect(report.warnings).toEqual([]);
  });

  it('needs a finding with a reason, a due date and a description on every Deficient criterion', () => {
    const report = checkWorksheetCompleteness(
      completeInput({
        responses: withResponses(
          response('1.3', 'DEFICIENT'),
          response('4.1', 'DEFICIENT'),
          response('4.2', 'DEFICIENT'),
          response('10.1', 'DEFICIENT'),
        ),
        findings: [
          finding('10.1'), // complete: no problem
          finding('4.2', { description: 'Badges not collected', dueDate: null }),
          finding('4.1', { reasonCode: null, dueDate: null, description: '  ' }),
        ],
      }),
    );
    expect(gist(report.errors)).toEqual([
      ['1.3', 'DEFICIENT_WITHOUT_FINDING'],
      ['4.1', 'FINDING_WITHOUT_REASON'],
      ['4.1', 'FINDING_WITHOUT_DUE_DATE'],
      ['4.1', 'FINDING_WITHOUT_DESCRIPTION'],
      ['4.2', 'FINDING_WITHOUT_DUE_DATE'],
    ]);
    expect(report.errors[0]?.message).toBe('1.3 is Deficient but has no finding.');
  });

  it('flags a finding left on a criterion that is not Deficient', () => {
    const report = checkWorksheetCompleteness(
      completeInput({
        responses: withResponses(
          response('1.3', 'NOT_VERIFIED'),
          response('4.1', 'NOT_APPLICABLE', { naJustification: 'No IT.' }),
        ),
        findings: [finding('4.1'), finding('1.3'), finding('10.1')],
      }),
    );
    expect(gist(report.errors)).toEqual([
      ['1.3', 'FINDING_ON_NON_DEFICIENT'],
      ['4.1', 'FINDING_ON_NON_DEFICIENT'],
      ['10.1', 'FINDING_ON_NON_DEFICIENT'],
    ]);
    expect(report.errors[2]).toMatchObject({ category: 10 });
  });

  describe('Recommendations: advice the Member is not required to answer', () => {
    const recommendation = (criterionId: string, more: Partial<Finding> = {}) =>
      finding(criterionId, { classification: 'RECOMMENDATION', reasonCode: null, dueDate: null, ...more });

    it('may improve on a Compliant criterion, with no deficiency reason and no due date', () => {
      const report = checkWorksheetCompleteness(
        completeInput({ findings: [recommendation('4.1', { description: 'Rotate the badge audit monthly.' })] }),
      );
      expect(report).toEqual({ ready: true, errors: [], warnings: [] });
    });

    it('stands on a Should (or the Should part of a Must + Should) criterion found Deficient, without reason or date', () => {
      const report = checkWorksheetCompleteness(
        completeInput({
          responses: withResponses(response('1.1', 'DEFICIENT'), response('2.2', 'DEFICIENT')),
          findings: [recommendation('1.1'), recommendation('2.2')],
        }),
      );
      expect(report).toEqual({ ready: true, errors: [], warnings: [] });
    });

    it('still needs a description, on a Compliant criterion as on a Deficient one', () => {
      const report = checkWorksheetCompleteness(
        completeInput({
          responses: withResponses(response('1.1', 'DEFICIENT')),
          findings: [recommendation('1.1', { description: ' ' }), recommendation('4.2', { description: '' })],
        }),
      );
      expect(gist(report.errors)).toEqual([
        ['1.1', 'FINDING_WITHOUT_DESCRIPTION'],
        ['4.2', 'FINDING_WITHOUT_DESCRIPTION'],
      ]);
      expect(report.errors[1]?.message).toBe(
        'The Recommendation on 4.2 says nothing: describe what the Member could improve.',
      );
    });

    it('is not enough for a Must criterion found Deficient, and Action required is not for a Should one', () => {
      const report = checkWorksheetCompleteness(
        completeInput({
          responses: withResponses(response('1.1', 'DEFICIENT'), response('4.1', 'DEFICIENT')),
          findings: [finding('1.1'), recommendation('4.1')],
        }),
      );
      expect(gist(report.errors)).toEqual([
        ['1.1', 'FINDING_CLASSIFICATION_MISMATCH'],
        ['4.1', 'FINDING_CLASSIFICATION_MISMATCH'],
      ]);
      expect(report.errors.map((p) => p.message)).toEqual([
        '1.1 is a Should criterion: one not in place is a Recommendation, not Action required. Make the finding a Recommendation.',
        '4.1 is a Must criterion marked Deficient: its finding is Action required (a Recommendation is advice the Member need not answer).',
      ]);
    });

    it('has no place on a criterion Not applicable or Not verified', () => {
      const report = checkWorksheetCompleteness(
        completeInput({
          responses: withResponses(response('1.1', 'NOT_APPLICABLE'), response('4.2', 'NOT_VERIFIED')),
          findings: [recommendation('1.1'), recommendation('4.2')],
        }),
      );
      expect(gist(report.errors)).toEqual([
        ['1.1', 'FINDING_ON_NON_DEFICIENT'],
        ['4.2', 'FINDING_ON_NON_DEFICIENT'],
      ]);
      expect(report.errors[1]?.message).toBe(
        '4.2 has a Recommendation but is marked Not verified: a Recommendation goes on a Compliant criterion or a Should criterion found Deficient. Remove it or change the result.',
      );
    });

    it('reads an older Recommendation that still carries a due date, even a past one, without complaint', () => {
      const report = checkWorksheetCompleteness(
        completeInput({ findings: [recommendation('4.1', { dueDate: '2025-01-01' })] }),
      );
      expect(report.errors).toEqual([]);
    });
  });

  it('refuses an Action Required response due before the report date, which is today at the earliest', () => {
    const report = checkWorksheetCompleteness(
      completeInput({
        responses: withResponses(response('1.3', 'DEFICIENT'), response('4.1', 'DEFICIENT')),
        findings: [finding('1.3', { dueDate: '2026-03-01' }), finding('4.1', { dueDate: TODAY })],
      }),
    );
    expect(report.errors).toMatchObject([
      {
        severity: 'error',
        code: 'FINDING_DUE_BEFORE_REPORT_DATE',
        message:
          '1.3: The response due date, Mar 1, 2026, is before the report date: the Member cannot be asked to answer ' +
          'before the report is issued, and it will be dated Mar 2, 2026 at the earliest. Choose Mar 2, 2026 or a later date.',
        criterionId: '1.3',
        category: 1,
      },
    ]);
  });

  it('warns, without blocking, when an answer does not say how it was verified', () => {
    const report = checkWorksheetCompleteness(
      completeInput({
        responses: withResponses(
          response('1.1', 'COMPLIANT', { verificationMethods: [] }),
          response('4.2', 'NOT_VERIFIED', { verificationMethods: [] }),
        ),
      }),
    );
    expect(report.ready).toBe(true);
    expect(gist(report.warnings)).toEqual([
      ['1.1', 'NO_VERIFICATION_METHOD'],
      ['4.2', 'NO_VERIFICATION_METHOD'],
    ]);
  });

  describe('virtual validations', () => {
    const virtual = (more: Partial<CompletenessInput>) => completeInput({ mode: 'VIRTUAL', ...more });
    const noEvidence = (input: CompletenessInput) =>
      checkWorksheetCompleteness(input)
        .warnings.filter((w) => w.code === 'VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE')
        .map((w) => w.criterionId);

    it('warn (not error) on each Compliant criterion with no evidence; in-person ones do not', () => {
      const report = checkWorksheetCompleteness(virtual({}));
      expect(report.ready).toBe(true);
      expect(report.errors).toEqual([]);
      expect(gist(report.warnings)).toEqual(CRITERIA.map((c) => [c.id, 'VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE']));
      expect(report.warnings[0]?.severity).toBe('warning');
      expect(noEvidence(completeInput())).toEqual([]);
    });

    it('count evidence attached to the criterion, or to the finding on it, but not to another criterion', () => {
      const onFinding = finding('4.2');
      const input = virtual({
        responses: withResponses(response('4.2', 'DEFICIENT')),
        findings: [onFinding],
        evidence: [
          evidence({ id: '55555555-5555-4555-8555-000000000001', criterionId: '1.1' }),
          evidence({ id: '55555555-5555-4555-8555-000000000002', criterionId: '9.9' }),
        ],
      });
      // 4.2 is Deficient, so it never needs the warning.
      expect(noEvidence(input)).toEqual(['1.3', '2.2', '4.1', '10.1']);

      // Evidence attached only to a finding (no criterion on the row) covers the finding's criterion.
      const compliantWithFinding = virtual({
        findings: [finding('2.2')],
        evidence: [evidence({ criterionId: null, findingId: finding('2.2').id })],
      });
      expect(noEvidence(compliantWithFinding)).toEqual(['1.1', '1.3', '4.1', '4.2', '10.1']);
      // …while the finding itself is still an error on a Compliant criterion.
      expect(gist(checkWorksheetCompleteness(compliantWithFinding).errors)).toEqual([
        ['2.2', 'FINDING_ON_NON_DEFICIENT'],
      ]);
      // Evidence naming a finding that is not on this worksheet covers nothing.
      expect(
        noEvidence(virtual({ evidence: [evidence({ findingId: '44444444-4444-4444-8444-999999999999' })] })),
      ).toEqual(CRITERIA.map((c) => c.id));
    });
  });

  it('merges extra problems (inspections, session log) into errors or warnings by their severity', () => {
    const extraError: CompletenessProblem = {
      severity: 'error',
      code: 'CHECKLIST_INCOMPLETE',
      message: '4.2: the 7-point container inspection has 2 of 7 items not recorded.',
      criterionId: '4.2',
      category: 4,
    };
    const extraWarning: CompletenessProblem = {
      severity: 'warning',
      code: 'VIRTUAL_SESSION_MISSING',
      message: 'No virtual session is logged.',
      criterionId: null,
      category: null,
    };
    const clean = checkWorksheetCompleteness(completeInput({ extra: [extraWarning] }));
    expect(clean).toEqual({ ready: true, errors: [], warnings: [extraWarning] });

    const report = checkWorksheetCompleteness(
      completeInput({
        responses: withResponses(response('1.3', null), response('4.1', 'COMPLIANT', { verificationMethods: [] })),
        extra: [extraWarning, extraError],
      }),
    );
    expect(report.ready).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ code: 'UNANSWERED', criterionId: '1.3' }), extraError]);
    // Worksheet order: problems about the whole validation first, then by criterion.
    expect(report.warnings).toMatchObject([
      extraWarning,
      expect.objectContaining({ code: 'NO_VERIFICATION_METHOD', criterionId: '4.1' }),
    ]);
    const inOrder = checkWorksheetCompleteness(
      completeInput({ responses: withResponses(response('10.1', null), response('1.3', null)), extra: [extraError] }),
    );
    expect(inOrder.errors.map((p) => p.criterionId)).toEqual(['1.3', '4.2', '10.1']);
    // An extra error alone blocks submission.
    expect(checkWorksheetCompleteness(completeInput({ extra: [extraError] })).ready).toBe(false);
  });
});

describe('defaultDueDate', () => {
  it('is 90 calendar days after the report date by default policy', () => {
    expect(defaultDueDate('2026-11-23', 90)).toBe('2027-02-21');
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01', 'end of a 31-day month'],
    ['2026-04-30', 1, '2026-05-01', 'end of a 30-day month'],
    ['2027-02-28', 1, '2027-03-01', 'end of February, common year'],
    ['2028-02-28', 1, '2028-02-29', 'into a leap day'],
    ['2028-02-29', 1, '2028-03-01', 'out of a leap day'],
    ['2028-02-01', 30, '2028-03-02', 'across February, leap year'],
    ['2027-02-01', 30, '2027-03-03', 'across February, common year'],
    ['2024-02-29', 365, '2025-02-28', 'a year after a leap day'],
    ['2026-12-31', 1, '2027-01-01', 'across the new year'],
    ['2026-03-07', 1, '2026-03-08', 'across the U.S. spring clock change'],
    ['2026-10-31', 2, '2026-11-02', 'across the U.S. autumn clock change'],
  ])('%s + %i days is %s (%s)', (from, days, expected) => {
    expect(defaultDueDate(from, days)).toBe(expected);
  });

  it("takes today's date where the SCSS is", () => {
    // Built from local time parts, so it is 23:30 on 23 Nov wherever the test runs.
    expect(localToday(new Date(2026, 10, 23, 23, 30))).toBe('2026-11-23');
    expect(localToday(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
  });
});

describe('defaultFinding', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each<[CriterionLevel]>([['MUST'], ['MIXED']])(
    'on a %s criterion is Action required, with no reason or description, due N days after the report date',
    (level) => {
      expect(defaultFinding(level, 90, '2026-11-23')).toEqual({
        classification: 'ACTION_REQUIRED',
        reasonCode: null,
        description: '',
        dueDate: '2027-02-21',
      });
    },
  );

  it('on a Should criterion is a Recommendation, with no response due', () => {
    expect(defaultFinding('SHOULD', 90, '2026-11-23')).toEqual({
      classification: 'RECOMMENDATION',
      reasonCode: null,
      description: '',
      dueDate: null,
    });
  });

  it('uses the configured response days, counted from today when no date is given', () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 23, 9, 0) });
    expect(defaultFinding('MUST', 30).dueDate).toBe('2026-12-23');
    expect(defaultFinding('MIXED', 120, '2026-01-01').dueDate).toBe('2026-05-01');
  });
});
