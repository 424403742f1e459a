import { describe, expect, it } from 'vitest';
import {
  anniversary,
  anniversaryInYear,
  currentReviewAnniversary,
  revalidationDueOn,
  reviewWindowOpens,
} from '../../shared/domain/member-record/calendar';
import {
  type BestPracticeRequirement,
  type MemberRecordChange,
  MemberRecordChangeSchema,
} from '../../shared/domain/member-record/events';
import {
  applyMemberRecordChange,
  EMPTY_MEMBER_RECORD,
  foldMemberRecord,
  type MemberRecordState,
  memberChangeRoleRefusal,
} from '../../shared/domain/member-record/fold';
import { nextValidationDueOn, profileReviewView, validationStartRefusal } from '../../shared/domain/member-record/view';
import { buildWorkPlan, filterWorkPlan, type WorkPlanValidation } from '../../shared/domain/member-record/work-plan';

const AT = '2026-12-03T15:00:00.000Z';
const VALIDATION = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** Applies changes in order, failing the test on the first refusal. */
function recordOf(...changes: MemberRecordChange[]): MemberRecordState {
  let state = EMPTY_MEMBER_RECORD;
  for (const change of changes) {
    const applied = applyMemberRecordChange(
      state,
      MemberRecordChangeSchema.parse(change),
      AT,
      'Dana Ruiz (Supervisor)',
    );
    if (!applied.ok) throw new Error(`${change.kind} refused: ${applied.refusal.message}`);
    state = applied.state;
  }
  return state;
}
/** The refusal with its English text, or null. */
const refusalOf = (state: MemberRecordState, change: MemberRecordChange, at = AT) => {
  const applied = applyMemberRecordChange(state, MemberRecordChangeSchema.parse(change), at, 'Dana Ruiz (Supervisor)');
  return applied.ok ? null : { field: applied.refusal.field, message: applied.refusal.message.message };
};
const certified = (certifiedOn: string): MemberRecordChange => ({ kind: 'CERTIFIED', certifiedOn });

describe('the CTPAT calendar', () => {
  it('keeps the certification day each year, and a 29 February certification falls on 28 February in common years', () => {
    expect(anniversary('2021-03-15', 1)).toBe('2022-03-15');
    expect(anniversary('2024-02-29', 1)).toBe('2025-02-28');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
    expect(anniversaryInYear('2024-02-29', 2027)).toBe('2027-02-28');
    expect(anniversaryInYear('2024-02-29', 2024)).toBeNull();
  });

  it('opens the profile review window 90 days before the anniversary, across a leap day', () => {
    expect(reviewWindowOpens('2027-03-01')).toBe('2026-12-01');
    expect(reviewWindowOpens('2028-03-01')).toBe('2027-12-02');
    expect(reviewWindowOpens('2028-05-29')).toBe('2028-02-29');
  });

  it('watches the review whose window opened last, or the first one before any window opens', () => {
    expect(currentReviewAnniversary('2020-03-01', '2026-11-30')).toBe('2026-03-01');
    expect(currentReviewAnniversary('2020-03-01', '2026-12-01')).toBe('2027-03-01');
    expect(currentReviewAnniversary('2026-06-10', '2026-12-03')).toBe('2027-06-10');
  });

  it('dues a first validation a year after certification, then every four years, sooner when set', () => {
    expect(revalidationDueOn({ certifiedOn: '2026-01-20', lastValidatedOn: null, soonerDueOn: null })).toBe(
      '2027-01-20',
    );
    expect(revalidationDueOn({ certifiedOn: '2020-01-20', lastValidatedOn: '2024-02-29', soonerDueOn: null })).toBe(
      '2028-02-29',
    );
    expect(
      revalidationDueOn({ certifiedOn: '2020-01-20', lastValidatedOn: '2023-05-01', soonerDueOn: '2026-09-01' }),
    ).toBe('2026-09-01');
    expect(
      revalidationDueOn({ certifiedOn: '2020-01-20', lastValidatedOn: '2023-05-01', soonerDueOn: '2028-01-01' }),
    ).toBe('2027-05-01');
    expect(revalidationDueOn({ certifiedOn: null, lastValidatedOn: null, soonerDueOn: null })).toBeNull();
  });
});

describe('the profile review', () => {
  const member = recordOf(certified('2020-03-01'));

  it('is open in its window, received, returned with comments, received again and approved', () => {
    expect(profileReviewView(member, '2026-11-30')?.state).toBe('OVERDUE');
    const open = profileReviewView(member, '2026-12-03');
    expect(open).toMatchObject({
      anniversaryOn: '2027-03-01',
      windowOpensOn: '2026-12-01',
      dueOn: '2027-03-01',
      state: 'OPEN',
    });
    const review = (outcome: 'RECEIVED' | 'APPROVED' | 'RETURNED', comments = ''): MemberRecordChange => ({
      kind: 'PROFILE_REVIEW',
      anniversaryOn: '2027-03-01',
      outcome,
      on: '2026-12-02',
      comments,
    });
    expect(refusalOf(member, review('APPROVED'))?.field).toBe('outcome');
    const received = recordOf(certified('2020-03-01'), review('RECEIVED'));
    expect(profileReviewView(received, '2026-12-03')?.state).toBe('RECEIVED');
    expect(refusalOf(received, review('RETURNED'))).toEqual({
      field: 'comments',
      message: 'Say what the Member must change when returning its review.',
    });
    const returned = recordOf(certified('2020-03-01'), review('RECEIVED'), review('RETURNED', 'Update the seal SOP.'));
    expect(profileReviewView(returned, '2026-12-03')?.state).toBe('RETURNED');
    expect(profileReviewView(returned, '2027-03-02')?.state).toBe('OVERDUE');
    const approved = recordOf(
      certified('2020-03-01'),
      review('RECEIVED'),
      review('RETURNED', 'Update the seal SOP.'),
      review('RECEIVED'),
      review('APPROVED'),
    );
    expect(profileReviewView(approved, '2027-06-01')?.state).toBe('APPROVED');
    expect(refusalOf(approved, review('RECEIVED'))?.message).toMatch(/already approved/);
  });

  it('refuses a date that is not an anniversary and a review before certification is known', () => {
    const change: MemberRecordChange = {
      kind: 'PROFILE_REVIEW',
      anniversaryOn: '2027-03-02',
      outcome: 'RECEIVED',
      on: '2026-12-02',
      comments: '',
    };
    expect(refusalOf(member, change)?.message).toBe(
      'Mar 2, 2027 is not an anniversary of the certification on Mar 1, 2020.',
    );
    expect(refusalOf(EMPTY_MEMBER_RECORD, change)?.field).toBe('anniversaryOn');
  });

  it('moves the due date by a granted extension, once per review; a denied one does not', () => {
    const request = (days: 30 | 60 | 90 | 120): MemberRecordChange => ({
      kind: 'EXTENSION_REQUESTED',
      anniversaryOn: '2027-03-01',
      days,
      requestedOn: '2026-12-02',
      reason: 'New security manager starts in January.',
    });
    const decide = (granted: boolean): MemberRecordChange => ({
      kind: 'EXTENSION_DECIDED',
      anniversaryOn: '2027-03-01',
      granted,
      comment: '',
    });
    expect(MemberRecordChangeSchema.safeParse({ ...request(30), days: 45 }).error?.issues[0]?.message).toBe(
      'An extension is 30, 60, 90 or 120 days',
    );
    const pending = recordOf(certified('2020-03-01'), request(60));
    expect(profileReviewView(pending, '2026-12-03')).toMatchObject({
      dueOn: '2027-03-01',
      pendingExtension: { days: 60 },
    });
    expect(refusalOf(pending, request(30))?.message).toMatch(/waiting for a decision/);
    const denied = recordOf(certified('2020-03-01'), request(120), decide(false));
    expect(profileReviewView(denied, '2026-12-03')?.dueOn).toBe('2027-03-01');
    const granted = recordOf(certified('2020-03-01'), request(120), decide(false), request(60), decide(true));
    const view = profileReviewView(granted, '2027-03-15');
    expect(view).toMatchObject({ dueOn: '2027-04-30', grantedDays: 60, state: 'OPEN', pendingExtension: null });
    expect(profileReviewView(granted, '2027-05-01')?.state).toBe('OVERDUE');
    expect(refusalOf(granted, request(30))?.message).toBe('An extension was already granted for this review.');
    expect(refusalOf(recordOf(certified('2020-03-01')), decide(true))?.field).toBe('anniversaryOn');
  });
});

describe('status, tier and revalidation', () => {
  const approved: MemberRecordChange = {
    kind: 'VALIDATION_APPROVED',
    validationId: VALIDATION,
    approvedOn: '2026-11-20',
  };
  const practice = (meets: BestPracticeRequirement[]) => ({
    description: 'Random seal audits by an outside firm.',
    meets,
  });
  const allFive: BestPracticeRequirement[] = [
    'SENIOR_MANAGEMENT_SUPPORT',
    'INNOVATION',
    'DOCUMENTED_PROCESS',
    'VERIFIABLE_EVIDENCE',
    'CHECKS_AND_BALANCES',
  ];

  it('moves the revalidation four years after an approved validation, and sets Tier 3 only with a qualifying practice', () => {
    const member = recordOf(certified('2025-12-01'));
    expect(nextValidationDueOn(member)).toBe('2026-12-01');
    expect(
      refusalOf(member, { kind: 'TIER_SET', tier: 3, validationId: VALIDATION, bestPractices: [practice(allFive)] })
        ?.message,
    ).toBe('Tier 3 is set from an approved validation of this Member; that validation is not approved on its record.');
    const validated = recordOf(certified('2025-12-01'), approved);
    expect(validated).toMatchObject({ lastValidatedOn: '2026-11-20', status: 'CERTIFIED', tier: 1 });
    expect(nextValidationDueOn(validated)).toBe('2030-11-20');
    expect(refusalOf(validated, approved)?.field).toBe('validationId');
    expect(
      refusalOf(validated, {
        kind: 'TIER_SET',
        tier: 3,
        validationId: VALIDATION,
        bestPractices: [practice(allFive.slice(0, 4))],
      })?.field,
    ).toBe('bestPractices');
    const tier3 = recordOf(certified('2025-12-01'), approved, {
      kind: 'TIER_SET',
      tier: 3,
      validationId: VALIDATION,
      bestPractices: [practice(allFive.slice(1)), practice(allFive)],
    });
    expect(tier3).toMatchObject({ status: 'VALIDATED', tier: 3 });
    expect(tier3.bestPractices).toHaveLength(2);
  });

  it('brings a revalidation forward only, for the cycle it was set in', () => {
    const validated = recordOf(certified('2020-01-10'), { ...approved, approvedOn: '2024-01-15' });
    expect(nextValidationDueOn(validated)).toBe('2028-01-15');
    const later = { kind: 'REVALIDATION_DUE_SET', dueOn: '2028-06-01', reason: 'Seizure at Laredo.' } as const;
    expect(refusalOf(validated, later)?.message).toBe(
      'A revalidation can only be brought forward: choose a date before Jan 15, 2028.',
    );
    expect(refusalOf(validated, { ...later, dueOn: '2026-11-01' })?.message).toBe(
      'The revalidation date cannot be in the past.',
    );
    const sooner = recordOf(
      certified('2020-01-10'),
      { ...approved, approvedOn: '2024-01-15' },
      { ...later, dueOn: '2027-02-01' },
    );
    expect(nextValidationDueOn(sooner)).toBe('2027-02-01');
  });

  it('suspends with a reason and a reinstatement condition, reinstates to where it was, and a removal is final', () => {
    const tier2 = recordOf(certified('2020-01-10'), approved, {
      kind: 'TIER_SET',
      tier: 2,
      validationId: VALIDATION,
      bestPractices: [],
    });
    expect(
      MemberRecordChangeSchema.safeParse({
        kind: 'SUSPENDED',
        effectiveOn: '2026-12-01',
        reason: 'Seizure',
        reinstatementCondition: ' ',
      }).error?.issues[0],
    ).toMatchObject({
      path: ['reinstatementCondition'],
      message: 'What the Member must do to be reinstated is required',
    });
    const suspension: MemberRecordChange = {
      kind: 'SUSPENDED',
      effectiveOn: '2026-12-01',
      reason: 'Narcotics seizure in a trailer.',
      reinstatementCondition: 'A corrective action plan with timeframes, and consent to unannounced visits.',
    };
    const suspended = recordOf(
      certified('2020-01-10'),
      approved,
      { kind: 'TIER_SET', tier: 2, validationId: VALIDATION, bestPractices: [] },
      suspension,
    );
    expect(suspended).toMatchObject({ status: 'SUSPENDED', suspension: { reason: 'Narcotics seizure in a trailer.' } });
    expect(refusalOf(suspended, suspension)?.message).toBe('Only a certified or validated Member can be suspended.');
    expect(
      refusalOf(suspended, { kind: 'REINSTATED', effectiveOn: '2026-11-30', reason: 'CAP accepted.' })?.field,
    ).toBe('effectiveOn');
    const reinstated = recordOf(
      certified('2020-01-10'),
      approved,
      { kind: 'TIER_SET', tier: 2, validationId: VALIDATION, bestPractices: [] },
      suspension,
      { kind: 'REINSTATED', effectiveOn: '2026-12-03', reason: 'Corrective action plan accepted.' },
    );
    expect(reinstated).toMatchObject({ status: 'VALIDATED', tier: tier2.tier, suspension: null });
    const removed = recordOf(certified('2020-01-10'), {
      kind: 'REMOVED',
      effectiveOn: '2026-12-02',
      reason: 'False information in the security profile.',
      reinstatementCondition: '',
    });
    expect(validationStartRefusal(removed)?.message).toMatch(/removed from CTPAT and cannot be validated/);
    expect(refusalOf(removed, approved)?.message).toMatch(/removed from CTPAT/);
    expect(refusalOf(removed, { kind: 'DETAILS_SET', correspondenceLanguage: 'es', contacts: [] })).toBeNull();
    expect(validationStartRefusal(reinstated)).toBeNull();
  });

  it('refuses dates in the future and history that does not add up', () => {
    expect(refusalOf(EMPTY_MEMBER_RECORD, certified('2026-12-05'))?.message).toBe(
      'The certification date cannot be in the future.',
    );
    // A laptop west of UTC may be a day behind HQ's date: tomorrow in UTC is not refused.
    expect(refusalOf(EMPTY_MEMBER_RECORD, certified('2026-12-04'))).toBeNull();
    const history = (patch: Partial<Extract<MemberRecordChange, { kind: 'HISTORY_SET' }>>): MemberRecordChange => ({
      kind: 'HISTORY_SET',
      status: 'VALIDATED',
      tier: 2,
      certifiedOn: '2019-05-01',
      lastValidatedOn: '2023-04-12',
      note: '',
      ...patch,
    });
    expect(refusalOf(EMPTY_MEMBER_RECORD, history({ tier: 1 }))?.message).toBe(
      'A validated Member is at Tier 2 or Tier 3.',
    );
    expect(refusalOf(EMPTY_MEMBER_RECORD, history({ lastValidatedOn: '2018-01-01' }))?.field).toBe('lastValidatedOn');
    expect(refusalOf(EMPTY_MEMBER_RECORD, history({ lastValidatedOn: null }))?.field).toBe('lastValidatedOn');
    expect(refusalOf(recordOf(certified('2020-01-01')), history({}))?.message).toMatch(/only be entered first/);
    expect(nextValidationDueOn(recordOf(history({})))).toBe('2027-04-12');
  });

  it('lets only a supervisor decide status, tier, dates and extensions; the SCSS records reviews and requests', () => {
    expect(memberChangeRoleRefusal('SCSS', 'SUSPENDED')?.message).toBe(
      'Only a supervisor can change a Member’s status, tier, dates or extensions.',
    );
    expect(memberChangeRoleRefusal('SCSS', 'PROFILE_REVIEW')).toBeNull();
    expect(memberChangeRoleRefusal('SCSS', 'EXTENSION_REQUESTED')).toBeNull();
    expect(memberChangeRoleRefusal('SCSS', 'EXTENSION_DECIDED')).not.toBeNull();
    expect(memberChangeRoleRefusal('SUPERVISOR', 'TIER_SET')).toBeNull();
    expect(memberChangeRoleRefusal('HQ_ANALYST', 'PROFILE_REVIEW')).not.toBeNull();
    expect(memberChangeRoleRefusal(null, 'REMOVED')).toBeNull();
  });

  it('folds stored changes in version order and skips, without throwing, one that no longer applies', () => {
    const event = (version: number, change: MemberRecordChange) => ({
      id: `00000000-0000-4000-8000-00000000000${version}`,
      memberId: VALIDATION,
      version,
      at: AT,
      actor: null,
      actorName: 'Not enrolled',
      change,
    });
    const { state, skipped } = foldMemberRecord([
      event(2, { kind: 'SUSPENDED', effectiveOn: '2026-12-01', reason: 'Seizure.', reinstatementCondition: 'CAP.' }),
      event(1, certified('2020-01-10')),
      event(3, { kind: 'REINSTATED', effectiveOn: '2026-12-02', reason: 'CAP accepted.' }),
      event(4, { kind: 'REINSTATED', effectiveOn: '2026-12-02', reason: 'Twice.' }),
    ]);
    expect(state).toMatchObject({ version: 4, status: 'CERTIFIED', tier: 1 });
    expect(skipped).toEqual([
      {
        eventId: '00000000-0000-4000-8000-000000000004',
        refusal: {
          field: 'kind',
          message: expect.objectContaining({ message: 'Only a suspended Member can be reinstated.' }),
        },
      },
    ]);
  });
});

describe('the work plan', () => {
  const member = (id: string, record: MemberRecordState) => ({
    id,
    legalName: `Member ${id.slice(-1)}`,
    accountNumber: `IMP-${id.slice(-1)}`,
    entityType: 'IMP' as const,
    record,
  });
  const A = '00000000-0000-4000-8000-00000000000a';
  const B = '00000000-0000-4000-8000-00000000000b';
  const C = '00000000-0000-4000-8000-00000000000c';
  const validation = (memberId: string, patch: Partial<WorkPlanValidation>): WorkPlanValidation => ({
    id: VALIDATION,
    memberId,
    status: 'IN_PROGRESS',
    workflowState: null,
    createdBy: 'Dana Ruiz (SCSS)',
    createdAt: '2026-11-01T10:00:00.000Z',
    ...patch,
  });

  it('says who does each item and where it stands: assigned, submitted, done this year, or not on the plan at all', () => {
    const validatedThisYear = recordOf(
      {
        kind: 'HISTORY_SET',
        status: 'VALIDATED',
        tier: 2,
        certifiedOn: '2018-02-01',
        lastValidatedOn: '2022-02-01',
        note: '',
      },
      { kind: 'VALIDATION_APPROVED', validationId: VALIDATION, approvedOn: '2026-10-01' },
    );
    const rows = buildWorkPlan({
      year: 2026,
      today: '2026-12-03',
      me: 'Dana Ruiz (SCSS)',
      members: [
        member(A, recordOf(certified('2025-12-20'))),
        member(B, recordOf(certified('2025-06-01'))),
        member(C, validatedThisYear),
        member('00000000-0000-4000-8000-00000000000d', EMPTY_MEMBER_RECORD),
      ],
      validations: [
        validation(B, { status: 'SUBMITTED', workflowState: 'IN_REVIEW' }),
        validation(C, { workflowState: 'APPROVED', createdBy: 'Sam Ortiz (SCSS)' }),
      ],
      assignments: [
        { memberId: A, targetDate: '2026-12-10', assignee: 'Dana Ruiz (SCSS)', mine: true, started: false },
      ],
    });
    expect(rows.map((r) => [r.legalName, r.kind, r.dueOn, r.state, r.assignee, r.mine])).toEqual([
      ['Member c', 'PROFILE_REVIEW', '2026-02-01', 'OVERDUE', null, false],
      ['Member b', 'VALIDATION', '2026-06-01', 'SUBMITTED', 'Dana Ruiz (SCSS)', true],
      ['Member b', 'PROFILE_REVIEW', '2026-06-01', 'OVERDUE', null, false],
      ['Member c', 'REVALIDATION', '2026-10-01', 'DONE', 'Sam Ortiz (SCSS)', false],
      ['Member a', 'VALIDATION', '2026-12-20', 'ASSIGNED', 'Dana Ruiz (SCSS)', true],
      ['Member a', 'PROFILE_REVIEW', '2026-12-20', 'OPEN', null, false],
    ]);
    // Next year's plan has the next review; a validation due this year stays on this year's plan until done.
    const nextYear = buildWorkPlan({
      year: 2027,
      today: '2026-12-03',
      me: 'x',
      members: [member(A, recordOf(certified('2025-12-20')))],
      validations: [],
      assignments: [],
    });
    expect(nextYear.map((r) => [r.kind, r.dueOn, r.state])).toEqual([['PROFILE_REVIEW', '2027-12-20', 'NOT_OPEN']]);
  });

  it('shows an assignment started on the SCSS’s other laptop as in progress there, until this laptop holds one', () => {
    const elsewhere = { at: '2026-12-02T14:30:00.000Z', device: 'Desk laptop' };
    const plan = (validations: WorkPlanValidation[]) =>
      buildWorkPlan({
        year: 2026,
        today: '2026-12-03',
        me: 'Dana Ruiz (SCSS)',
        members: [member(A, recordOf(certified('2025-12-20')))],
        validations,
        assignments: [
          {
            memberId: A,
            targetDate: '2026-12-10',
            assignee: 'Dana Ruiz (SCSS)',
            mine: true,
            started: false,
            startedElsewhere: elsewhere,
          },
        ],
      }).filter((r) => r.kind === 'VALIDATION');
    expect(plan([]).map((r) => [r.state, r.assignee, r.mine, r.validationId, r.startedElsewhere])).toEqual([
      ['IN_PROGRESS', 'Dana Ruiz (SCSS)', true, null, elsewhere],
    ]);
    // A validation of this Member on this laptop is the row's own word.
    expect(plan([validation(A, {})]).map((r) => [r.state, r.validationId, r.startedElsewhere])).toEqual([
      ['IN_PROGRESS', VALIDATION, null],
    ]);
  });

  it('filters by work, state, "mine" and name or account, as the screen and the CSV do', () => {
    const rows = buildWorkPlan({
      year: 2026,
      today: '2026-12-03',
      me: 'me',
      members: [member(A, recordOf(certified('2025-06-01'))), member(B, recordOf(certified('2025-07-01')))],
      validations: [validation(A, { createdBy: 'me' })],
      assignments: [],
    });
    const filters = { kind: null, state: null, mineOnly: false, search: '' };
    expect(filterWorkPlan(rows, filters)).toHaveLength(4);
    expect(filterWorkPlan(rows, { ...filters, mineOnly: true }).map((r) => r.memberId)).toEqual([A]);
    expect(filterWorkPlan(rows, { ...filters, kind: 'PROFILE_REVIEW', search: 'imp-b' }).map((r) => r.dueOn)).toEqual([
      '2026-07-01',
    ]);
    expect(filterWorkPlan(rows, { ...filters, state: 'OVERDUE' }).map((r) => [r.memberId, r.kind])).toEqual([
      [A, 'PROFILE_REVIEW'],
      [B, 'VALIDATION'],
      [B, 'PROFILE_REVIEW'],
    ]);
  });
});
