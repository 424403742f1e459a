import { describe, expect, it } from 'vitest';
import { currentAssignment } from '../../shared/domain/member-record/assignment';
import { type MemberRecordChange, MemberRecordChangeSchema } from '../../shared/domain/member-record/events';
import {
  applyMemberRecordChange,
  EMPTY_MEMBER_RECORD,
  foldMemberRecord,
  type MemberRecordState,
  memberChangeRoleRefusal,
} from '../../shared/domain/member-record/fold';
import { buildWorkPlan } from '../../shared/domain/member-record/work-plan';

/** The day the changes are made: 3 December 2026, afternoon UTC. */
const AT = '2026-12-03T15:00:00.000Z';
const DANA = { userId: '00000000-0000-4000-8000-0000000000d1', name: 'Dana Ruiz' };
const SAM = { userId: '00000000-0000-4000-8000-0000000000d2', name: 'Sam Ortiz' };
const MEMBER = '00000000-0000-4000-8000-00000000000a';
const APPROVED_VALIDATION = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function recordOf(...changes: MemberRecordChange[]): MemberRecordState {
  let state = EMPTY_MEMBER_RECORD;
  for (const change of changes) {
    const applied = applyMemberRecordChange(state, MemberRecordChangeSchema.parse(change), AT, 'Pat Nguyen');
    if (!applied.ok) throw new Error(`${change.kind} refused: ${applied.refusal.message.message}`);
    state = applied.state;
  }
  return state;
}
const refusalOf = (state: MemberRecordState, change: MemberRecordChange, at = AT) => {
  const applied = applyMemberRecordChange(state, MemberRecordChangeSchema.parse(change), at, 'Pat Nguyen');
  return applied.ok ? null : { field: applied.refusal.field, key: applied.refusal.message.key };
};
const assign = (patch: Partial<Extract<MemberRecordChange, { kind: 'SCSS_ASSIGNED' }>> = {}): MemberRecordChange => ({
  kind: 'SCSS_ASSIGNED',
  scss: DANA,
  work: 'VALIDATION',
  mode: 'IN_PERSON',
  targetDate: '2027-01-10',
  ...patch,
});
/** Certified 20 January 2026: the first validation is due by 20 January 2027. */
const certified = recordOf({ kind: 'CERTIFIED', certifiedOn: '2026-01-20' });

describe('a supervisor assigns an SCSS (SCSS_ASSIGNED)', () => {
  it('is a supervisor’s decision: an SCSS, a reviewer and an analyst cannot make it', () => {
    expect(memberChangeRoleRefusal('SUPERVISOR', 'SCSS_ASSIGNED')).toBeNull();
    expect(memberChangeRoleRefusal('SCSS', 'SCSS_ASSIGNED')?.key).toBe('memberRecord.supervisorOnly');
    expect(memberChangeRoleRefusal('FIELD_OFFICE_REVIEWER', 'SCSS_ASSIGNED')?.key).toBe('memberRecord.supervisorOnly');
    expect(memberChangeRoleRefusal('HQ_ANALYST', 'SCSS_ASSIGNED')?.key).toBe('memberRecord.supervisorOnly');
  });

  it('records who, what work, how and by when; a reassignment replaces the assignee and both stay in the history', () => {
    const first = recordOf({ kind: 'CERTIFIED', certifiedOn: '2026-01-20' }, assign());
    expect(currentAssignment(first)).toEqual({
      scss: DANA,
      work: 'VALIDATION',
      mode: 'IN_PERSON',
      targetDate: '2027-01-10',
      assignedBy: 'Pat Nguyen',
      afterValidationOn: null,
    });
    const events = [
      { kind: 'CERTIFIED', certifiedOn: '2026-01-20' },
      assign(),
      assign({ scss: SAM, mode: 'VIRTUAL', targetDate: '2026-12-15' }),
    ].map((change, i) => ({
      id: `00000000-0000-4000-8000-00000000010${i}`,
      memberId: MEMBER,
      version: i + 1,
      at: AT,
      actor: null,
      actorName: 'Pat Nguyen',
      change: MemberRecordChangeSchema.parse(change),
    }));
    const { state, skipped } = foldMemberRecord(events);
    expect(skipped).toEqual([]);
    expect(state.version).toBe(3);
    expect(currentAssignment(state)).toMatchObject({ scss: SAM, mode: 'VIRTUAL', targetDate: '2026-12-15' });
    expect(events.filter((e) => e.change.kind === 'SCSS_ASSIGNED')).toHaveLength(2);
  });

  it('refuses a removed Member and a suspended one, each saying why', () => {
    const removed = recordOf(
      { kind: 'CERTIFIED', certifiedOn: '2026-01-20' },
      { kind: 'REMOVED', effectiveOn: '2026-11-01', reason: 'False information.', reinstatementCondition: '' },
    );
    expect(refusalOf(removed, assign())).toEqual({ field: 'kind', key: 'memberRecord.assignRemoved' });
    const suspended = recordOf(
      { kind: 'CERTIFIED', certifiedOn: '2026-01-20' },
      { kind: 'SUSPENDED', effectiveOn: '2026-11-01', reason: 'Seizure.', reinstatementCondition: 'A plan.' },
    );
    expect(refusalOf(suspended, assign())).toEqual({ field: 'kind', key: 'memberRecord.assignSuspended' });
    // Reinstated, it can be assigned again.
    const reinstated = recordOf(
      { kind: 'CERTIFIED', certifiedOn: '2026-01-20' },
      { kind: 'SUSPENDED', effectiveOn: '2026-11-01', reason: 'Seizure.', reinstatementCondition: 'A plan.' },
      { kind: 'REINSTATED', effectiveOn: '2026-11-20', reason: 'Plan accepted.' },
    );
    expect(refusalOf(reinstated, assign())).toBeNull();
  });

  it('needs something due, and the work the record says is next', () => {
    expect(refusalOf(EMPTY_MEMBER_RECORD, assign())).toEqual({
      field: 'kind',
      key: 'memberRecord.assignNeedsCertification',
    });
    expect(refusalOf(certified, assign({ work: 'REVALIDATION' }))).toEqual({
      field: 'work',
      key: 'memberRecord.assignIsValidation',
    });
    const validated = recordOf({
      kind: 'HISTORY_SET',
      status: 'VALIDATED',
      tier: 2,
      certifiedOn: '2018-02-01',
      lastValidatedOn: '2023-02-01',
      note: '',
    });
    expect(refusalOf(validated, assign())).toEqual({ field: 'work', key: 'memberRecord.assignIsRevalidation' });
    expect(refusalOf(validated, assign({ work: 'REVALIDATION', targetDate: '2027-01-31' }))).toBeNull();
  });

  it('takes a target date from the change’s day (a day of slack west of UTC) to the due date', () => {
    expect(refusalOf(certified, assign({ targetDate: '2026-12-01' }))).toEqual({
      field: 'targetDate',
      key: 'memberRecord.assignTargetPast',
    });
    expect(refusalOf(certified, assign({ targetDate: '2026-12-02' }))).toBeNull();
    expect(refusalOf(certified, assign({ targetDate: '2027-01-20' }))).toBeNull();
    expect(refusalOf(certified, assign({ targetDate: '2027-01-21' }))).toEqual({
      field: 'targetDate',
      key: 'memberRecord.assignTargetAfterDue',
    });
    // Not a real date: the schema refuses it before the rules see it.
    expect(MemberRecordChangeSchema.safeParse(assign({ targetDate: '2027-02-30' })).success).toBe(false);
  });

  it('lets an overdue validation be planned to the end of this year, not beyond', () => {
    const overdue = recordOf({ kind: 'CERTIFIED', certifiedOn: '2025-06-01' });
    expect(refusalOf(overdue, assign({ targetDate: '2026-12-31' }))).toBeNull();
    expect(refusalOf(overdue, assign({ targetDate: '2027-01-04' }))).toEqual({
      field: 'targetDate',
      key: 'memberRecord.assignTargetAfterYear',
    });
  });

  it('ends with the validation cycle: after an approval the Member is unassigned until assigned again', () => {
    const assigned = recordOf({ kind: 'CERTIFIED', certifiedOn: '2026-01-20' }, assign({ targetDate: '2026-12-10' }));
    expect(currentAssignment(assigned)?.scss).toEqual(DANA);
    const approved = recordOf({ kind: 'CERTIFIED', certifiedOn: '2026-01-20' }, assign({ targetDate: '2026-12-10' }), {
      kind: 'VALIDATION_APPROVED',
      validationId: APPROVED_VALIDATION,
      approvedOn: '2026-12-02',
    });
    expect(currentAssignment(approved)).toBeNull();
  });

  it('puts the assignee on the work plan, "mine" for that SCSS by their HQ id, and leaves reviews unassigned', () => {
    const record = recordOf({ kind: 'CERTIFIED', certifiedOn: '2026-01-20' }, assign({ targetDate: '2026-12-10' }));
    const plan = (meUserId: string) =>
      buildWorkPlan({
        year: 2027,
        today: '2026-12-03',
        me: 'someone',
        meUserId,
        members: [{ id: MEMBER, legalName: 'Gulf', accountNumber: 'IMP-1', entityType: 'IMP', record }],
        validations: [],
        assignments: [],
      });
    expect(plan(DANA.userId).map((r) => [r.kind, r.state, r.assignee, r.mine, r.targetDate, r.mode])).toEqual([
      ['VALIDATION', 'ASSIGNED', 'Dana Ruiz', true, '2026-12-10', 'IN_PERSON'],
      ['PROFILE_REVIEW', 'OPEN', null, false, null, null],
    ]);
    expect(plan(SAM.userId)[0]).toMatchObject({ assignee: 'Dana Ruiz', mine: false, recordVersion: 2 });
  });
});
