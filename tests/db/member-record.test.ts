import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertMember } from '../../db/queries/members';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import type { AppServices } from '../../electron/services/app-services';
import { changeMemberRecord, getWorkPlan } from '../../electron/services/member-record-service';
import { concurWithAllRemaining } from '../../electron/services/review-service';
import { submitValidation } from '../../electron/services/submission-service';
import { transitionValidation } from '../../electron/services/workflow-service';
import type { Member } from '../../shared/domain/validation';
import type { Envelope } from '../../shared/ipc/envelope';
import type { MemberRecordView, WorkPlan } from '../../shared/ipc/member-record-contract';
import { certifiedTier1History } from '../member-record-fixtures';
import { buildCompleteValidation } from './complete-validation';
import { appServicesFixture } from './services-fixture';
import {
  addRealMember,
  enrolAs,
  hqCopyOf,
  person,
  pulledValidation,
  pullInto,
  workflowEvent,
} from './workflow-fixture';

/** The Member record through the same dispatcher the window uses: checked, versioned, refused with reasons. */
const fixture = appServicesFixture('ctpat-member-record-', '2026-12-03T15:00:00.000Z');
/** A supervisor's laptop beside the SCSS's, for what it pulls for review. */
const supervisorLaptop = appServicesFixture('ctpat-member-record-supervisor-', '2026-12-03T16:00:00.000Z');

function dispatcherOf(s: AppServices) {
  const dispatch = createDispatcher(
    createHandlers(s.ctx, { version: '0.0.0-test', dataDir: s.ctx.dataDir, transport: 'web-harness' }),
    () => {},
  );
  return async <T>(channel: string, request: unknown): Promise<Envelope<T>> =>
    (await dispatch(channel, request)) as Envelope<T>;
}

const writes = (s: AppServices) =>
  s.ctx.db.prepare('SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM member_record_events) AS n').get();

async function demoMember(s: AppServices, name: string): Promise<Member> {
  const list = await dispatcherOf(s)<Member[]>('members:list', {});
  if (!list.ok) throw new Error(list.error.message);
  const member = list.value.find((m) => m.legalName === name);
  if (!member) throw new Error(`${name} is not a demo Member`);
  return member;
}

const GULF = 'Gulf Coast Home Goods Imports, Inc.';

describe('a Member’s CTPAT record on the laptop', () => {
  it('records changes against the version seen, refuses a stale one and says why, and keeps the history', async () => {
    const s = fixture.open();
    const call = dispatcherOf(s);
    const member = await demoMember(s, GULF);
    const empty = await call<MemberRecordView>('members:record', { memberId: member.id });
    expect(empty.ok && empty.value).toMatchObject({ version: 0, status: null, nextValidationDueOn: null });

    const certified = await call<MemberRecordView>('members:change', {
      memberId: member.id,
      baseVersion: 0,
      change: {
        kind: 'HISTORY_SET',
        status: 'CERTIFIED',
        tier: 1,
        certifiedOn: '2024-02-29',
        lastValidatedOn: null,
        note: '',
      },
    });
    if (!certified.ok) throw new Error(certified.error.message);
    expect(certified.value).toMatchObject({
      version: 1,
      status: 'CERTIFIED',
      tier: 1,
      nextValidationDueOn: '2025-02-28',
      validationOverdue: true,
      profileReview: { anniversaryOn: '2027-02-28', windowOpensOn: '2026-11-30', state: 'OPEN' },
    });

    const before = writes(s);
    const stale = await call('members:change', {
      memberId: member.id,
      baseVersion: 0,
      change: { kind: 'CERTIFIED', certifiedOn: '2024-03-01' },
    });
    expect(stale.ok || stale.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('it is at version 1, you saw 0'),
    });
    const noReason = await call('members:change', {
      memberId: member.id,
      baseVersion: 1,
      change: { kind: 'SUSPENDED', effectiveOn: '2026-12-01', reason: 'Seizure.', reinstatementCondition: '' },
    });
    expect(noReason.ok || noReason.error.issues).toEqual([
      { path: 'change.reinstatementCondition', message: 'What the Member must do to be reinstated is required' },
    ]);
    const future = await call('members:change', {
      memberId: member.id,
      baseVersion: 1,
      change: { kind: 'SUSPENDED', effectiveOn: '2027-01-01', reason: 'Seizure.', reinstatementCondition: 'A CAP.' },
    });
    expect(future.ok || future.error.message).toBe('Nothing was saved: The suspension date cannot be in the future.');
    expect(writes(s)).toEqual(before);

    const language = await call<MemberRecordView>('members:change', {
      memberId: member.id,
      baseVersion: 1,
      change: {
        kind: 'DETAILS_SET',
        correspondenceLanguage: 'es',
        contacts: [{ name: 'Ana Flores', role: 'Security manager', email: 'ana@example.com', phone: '' }],
      },
    });
    expect(language.ok && language.value.member.correspondenceLanguage).toBe('es');
    expect((await demoMember(s, GULF)).correspondenceLanguage).toBe('es');
    const history = language.ok ? language.value.history.map((h) => [h.version, h.change.kind, h.actorName]) : [];
    expect(history).toEqual([
      [2, 'DETAILS_SET', 'test.scss'],
      [1, 'HISTORY_SET', 'test.scss'],
    ]);
  });

  it('lets an enrolled SCSS record the profile review but not suspend; a supervisor removes, and no validation starts', async () => {
    const s = fixture.open();
    const call = dispatcherOf(s);
    const member = await demoMember(s, GULF);
    enrolAs(s, person('Pat Nguyen', 'SUPERVISOR'));
    await call('members:change', {
      memberId: member.id,
      baseVersion: 0,
      change: { kind: 'CERTIFIED', certifiedOn: '2022-03-01' },
    });
    enrolAs(s, person('Dana Ruiz', 'SCSS'));
    const asScss = await call<MemberRecordView>('members:record', { memberId: member.id });
    expect(asScss.ok && asScss.value.can).toEqual({ decide: false, record: true });
    const received = await call<MemberRecordView>('members:change', {
      memberId: member.id,
      baseVersion: 1,
      change: {
        kind: 'PROFILE_REVIEW',
        anniversaryOn: '2027-03-01',
        outcome: 'RECEIVED',
        on: '2026-12-03',
        comments: '',
      },
    });
    expect(received.ok && received.value.profileReview?.state).toBe('RECEIVED');
    const suspend = await call('members:change', {
      memberId: member.id,
      baseVersion: 2,
      change: { kind: 'SUSPENDED', effectiveOn: '2026-12-01', reason: 'Seizure.', reinstatementCondition: 'A CAP.' },
    });
    expect(suspend.ok || suspend.error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only a supervisor can change a Member’s status, tier, dates or extensions.',
    });

    enrolAs(s, person('Pat Nguyen', 'SUPERVISOR'));
    const removed = await call<MemberRecordView>('members:change', {
      memberId: member.id,
      baseVersion: 2,
      change: { kind: 'REMOVED', effectiveOn: '2026-12-02', reason: 'False information.', reinstatementCondition: '' },
    });
    expect(removed.ok && removed.value).toMatchObject({ status: 'REMOVED', removal: { reason: 'False information.' } });
    const start = await call('validations:create', {
      memberId: member.id,
      entityType: 'IMP',
      mode: 'IN_PERSON',
      scheduledDate: '2026-12-10',
    });
    expect(start.ok || start.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('removed from CTPAT and cannot be validated'),
    });
  });

  it('plans the year: validations due, overdue and in progress, profile reviews with their state; filters and CSV agree', async () => {
    const s = fixture.open();
    const call = dispatcherOf(s);
    const gulf = await demoMember(s, GULF);
    const lakes = await demoMember(s, 'Great Lakes Auto Parts Distributors LLC');
    const rio = await demoMember(s, 'Rio Bravo Freight Lines LLC');
    const history = (certifiedOn: string, lastValidatedOn: string | null) => ({
      kind: 'HISTORY_SET',
      status: lastValidatedOn ? 'VALIDATED' : 'CERTIFIED',
      tier: lastValidatedOn ? 2 : 1,
      certifiedOn,
      lastValidatedOn,
      note: '',
    });
    await call('members:change', {
      memberId: gulf.id,
      baseVersion: 0,
      change: history('2019-05-10', '2023-04-12'),
    });
    await call('members:change', { memberId: lakes.id, baseVersion: 0, change: history('2026-01-15', null) });
    await call('members:change', {
      memberId: rio.id,
      baseVersion: 0,
      change: history('2018-08-01', '2022-09-30'),
    });
    const started = await call<{ id: string }>('validations:create', {
      memberId: lakes.id,
      entityType: 'IMP',
      mode: 'VIRTUAL',
      scheduledDate: '2026-12-15',
    });
    if (!started.ok) throw new Error(started.error.message);

    const plan = await call<WorkPlan>('workplan:get', { year: 2027 });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.rows.map((r) => [r.dueOn, r.kind, r.state, r.legalName.split(' ')[0], r.assignee])).toEqual([
      ['2027-01-15', 'VALIDATION', 'IN_PROGRESS', 'Great', 'test.scss'],
      // Its window opened on 2026-10-17, 90 days before the anniversary.
      ['2027-01-15', 'PROFILE_REVIEW', 'OPEN', 'Great', null],
      ['2027-04-12', 'REVALIDATION', 'PLANNED', 'Gulf', null],
      ['2027-05-10', 'PROFILE_REVIEW', 'NOT_OPEN', 'Gulf', null],
      ['2027-08-01', 'PROFILE_REVIEW', 'NOT_OPEN', 'Rio', null],
    ]);
    // This year's plan keeps what is overdue: Rio Bravo's revalidation was due on 2026-09-30.
    const now = await call<WorkPlan>('workplan:get', { year: 2026 });
    expect(now.ok && now.value.rows.find((r) => r.kind === 'REVALIDATION')).toMatchObject({
      legalName: 'Rio Bravo Freight Lines LLC',
      dueOn: '2026-09-30',
      state: 'OVERDUE',
    });

    const csv = await call<{ status: string; base64: string; fileName: string }>('workplan:csv', {
      year: 2027,
      filters: { kind: 'PROFILE_REVIEW', state: null, mineOnly: false, search: '' },
    });
    if (!csv.ok || csv.value.status !== 'download') throw new Error('no CSV');
    const text = Buffer.from(csv.value.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(csv.value.fileName).toBe('work-plan-2027.csv');
    expect(lines[0]).toBe('dueOn,kind,state,legalName,accountNumber,entityType,assignee,validationId');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(' '))).toEqual([
      '2027-01-15 PROFILE_REVIEW OPEN',
      '2027-05-10 PROFILE_REVIEW NOT_OPEN',
      '2027-08-01 PROFILE_REVIEW NOT_OPEN',
    ]);
  });

  it('shows on an SCSS’s other laptop the assignment HQ says one of them started, as in progress there', () => {
    const dana = person('Dana Ruiz', 'SCSS');
    const laptop = fixture.open();
    const member = addRealMember(laptop, 'Bayou Freight LLC');
    // Certified a year before: the validation is due on 2026-12-20.
    changeMemberRecord(laptop.ctx, {
      memberId: member.id,
      baseVersion: 0,
      change: { ...certifiedTier1History(), certifiedOn: '2025-12-20' },
    });
    enrolAs(laptop, dana);
    expect(laptop.ctx.actor).toContain('Dana Ruiz');
    // The assignment as the pull writes it: Dana's, not started on this laptop.
    laptop.ctx.db
      .prepare(
        `INSERT INTO assignments (id, member_id, entity_type, mode, target_date, assigned_user_id, field_office,
                                  assigned_at, pulled_at)
         VALUES ('a-1', ?, 'IMP', 'IN_PERSON', '2026-12-15', ?, 'Houston', ?, ?)`,
      )
      .run(member.id, dana.id, '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z');
    const validationRow = () => getWorkPlan(laptop.ctx, 2026).rows.filter((r) => r.kind === 'VALIDATION');
    expect(validationRow()).toEqual([
      expect.objectContaining({ state: 'ASSIGNED', assignee: laptop.ctx.actor, mine: true, startedElsewhere: null }),
    ]);

    // A later pull says Dana started it on her other laptop: it is in progress there, not waiting to start here.
    laptop.ctx.db
      .prepare(
        `UPDATE assignments SET hq_started_validation_id = ?, hq_started_at = ?, hq_started_device_name = ?
         WHERE id = 'a-1'`,
      )
      .run(randomUUID(), '2026-12-02T14:30:00.000Z', 'Desk laptop');
    expect(validationRow()).toEqual([
      expect.objectContaining({
        state: 'IN_PROGRESS',
        assignee: laptop.ctx.actor,
        mine: true,
        validationId: null,
        startedElsewhere: { at: '2026-12-02T14:30:00.000Z', device: 'Desk laptop' },
      }),
    ]);
  });

  it('shows on a supervisor’s plan the validation pulled for review: who submitted it, then done once approved', async () => {
    const dana = person('Dana Ruiz', 'SCSS');
    const scss = fixture.open();
    enrolAs(scss, dana);
    const member = addRealMember(scss, 'Lone Star Cold Chain Imports LLC');
    const { validation } = buildCompleteValidation(scss, { member });
    submitValidation(scss.ctx, validation.id, 'Dana M. Ruiz');
    const copy = hqCopyOf(scss, validation.id);
    fixture.close();

    const boss = supervisorLaptop.open();
    enrolAs(boss, person('Pat Nguyen', 'SUPERVISOR'));
    // The same Member, as HQ's pull brings it, revalidation due on 2026-12-20.
    insertMember(boss.ctx.db, member);
    changeMemberRecord(boss.ctx, {
      memberId: member.id,
      baseVersion: 0,
      change: {
        kind: 'HISTORY_SET',
        status: 'VALIDATED',
        tier: 2,
        certifiedOn: '2019-05-10',
        lastValidatedOn: '2022-12-20',
        note: '',
      },
    });
    const submit = workflowEvent(validation.id, 'SUBMIT', dana, String(copy.payload.submittedAt));
    await pullInto(boss, pulledValidation(validation.id, copy, 'SUBMITTED', dana, [submit]));
    const revalidation = () => getWorkPlan(boss.ctx, 2026).rows.filter((r) => r.kind === 'REVALIDATION');
    expect(revalidation()).toEqual([
      expect.objectContaining({
        dueOn: '2026-12-20',
        state: 'SUBMITTED',
        assignee: 'Dana Ruiz',
        validationId: validation.id,
        reviewCopy: true,
        mine: false,
      }),
    ]);

    concurWithAllRemaining(boss.ctx, { validationId: validation.id, comment: '' });
    transitionValidation(boss.ctx, { validationId: validation.id, kind: 'APPROVE', comment: '' });
    expect(revalidation()).toEqual([
      expect.objectContaining({
        dueOn: '2026-12-03',
        state: 'DONE',
        assignee: 'Dana Ruiz',
        validationId: validation.id,
        reviewCopy: true,
      }),
    ]);
  });
});
