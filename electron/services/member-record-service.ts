import { randomUUID } from 'node:crypto';
import { withdrawnAssignmentsByValidation } from '../../db/queries/assignments';
import {
  insertMemberRecordEvent,
  listAllMemberRecordEvents,
  listMemberRecordEvents,
  setMemberCorrespondenceLanguage,
} from '../../db/queries/member-record';
import { countUnsentChanges, listRefusedChanges, localMemberIdOf } from '../../db/queries/member-record-sync';
import { getMember, listMembers } from '../../db/queries/members';
import { pluckStmt, stmt } from '../../db/statements';
import { localToday } from '../../shared/domain/due-dates';
import type { MemberRecordChange, MemberRecordEvent } from '../../shared/domain/member-record/events';
import {
  applyMemberRecordChange,
  foldMemberRecord,
  memberChangeRoleRefusal,
} from '../../shared/domain/member-record/fold';
import { nextValidationDueOn, profileReviewView, validationStartRefusal } from '../../shared/domain/member-record/view';
import {
  buildWorkPlan,
  type WorkPlanAssignment,
  type WorkPlanValidation,
} from '../../shared/domain/member-record/work-plan';
import { AppError } from '../../shared/ipc/envelope';
import type { MemberRecordView, WorkPlan } from '../../shared/ipc/member-record-contract';
import { englishText, type Message, message } from '../../shared/messages';
import { recordChange } from './change-log';
import { isEnrolledPersons } from './identity';
import { assigneeRefusal } from './office-people-service';
import { isoNow, type ServiceContext } from './service-context';

const todayOf = (ctx: ServiceContext) => localToday(ctx.now());

type ValidationRow = {
  id: string;
  member_id: string;
  scheduled_date: string;
  status: WorkPlanValidation['status'];
  workflow_state: WorkPlanValidation['workflowState'];
  created_by: string;
  created_at: string;
};

/** The Member's record as of today on this laptop, with what the person here may change. */
export function getMemberRecord(ctx: ServiceContext, memberId: string): MemberRecordView {
  const member = getMember(ctx.db, memberId);
  if (!member) throw new AppError('NOT_FOUND', message('memberRecord.memberNotHere'));
  const events = listMemberRecordEvents(ctx.db, memberId);
  const { state, skipped } = foldMemberRecord(events);
  const today = todayOf(ctx);
  // A removed Member has nothing due: no review, no validation.
  const removed = state.status === 'REMOVED';
  const dueOn = removed ? null : nextValidationDueOn(state);
  const skippedIds = new Set(skipped.map((s) => s.eventId));
  const role = ctx.person?.role ?? null;
  return {
    member,
    version: state.version,
    status: state.status,
    tier: state.tier,
    certifiedOn: state.certifiedOn,
    lastValidatedOn: state.lastValidatedOn,
    nextValidationDueOn: dueOn,
    nextValidationKind: state.lastValidatedOn ? 'REVALIDATION' : 'VALIDATION',
    validationOverdue: dueOn !== null && dueOn < today,
    soonerRevalidation:
      state.soonerRevalidation && state.soonerRevalidation.afterValidationOn === state.lastValidatedOn
        ? { dueOn: state.soonerRevalidation.dueOn, reason: state.soonerRevalidation.reason }
        : null,
    contacts: state.contacts,
    suspension: state.suspension,
    removal: state.removal,
    bestPractices: state.bestPractices,
    profileReview: removed ? null : profileReviewView(state, today),
    extensions: state.extensions,
    history: [...events].reverse().map((e) => ({
      id: e.id,
      version: e.version,
      at: e.at,
      actorName: e.actorName,
      change: e.change,
      skipped: skippedIds.has(e.id),
    })),
    validationStartRefusal: validationStartRefusal(state),
    sync: {
      unsent: ctx.person ? countUnsentChanges(ctx.db, memberId) : null,
      refused: listRefusedChanges(ctx.db, memberId).map((r) => ({
        id: r.id,
        at: r.at,
        actorName: r.actorName,
        change: r.change,
        refusedAt: r.refusedAt,
        reason: { message: englishText(r.reason), ...r.reason },
      })),
    },
    can: {
      decide: memberChangeRoleRefusal(role, 'SUSPENDED') === null,
      record: memberChangeRoleRefusal(role, 'PROFILE_REVIEW') === null,
    },
    today,
  };
}

/**
 * Records one change to a Member's record as the person at this laptop, against the version they saw: a change
 * made on an older version is refused (someone else changed the record), never merged into it.
 */
export function changeMemberRecord(
  ctx: ServiceContext,
  request: { memberId: string; baseVersion: number; change: MemberRecordChange },
): MemberRecordView {
  return ctx.db
    .transaction(() => {
      appendMemberRecordChange(ctx, request.memberId, request.change, request.baseVersion);
      return getMemberRecord(ctx, request.memberId);
    })
    .immediate();
}

/** Checks and stores one change in the caller's transaction; the stored event. */
export function appendMemberRecordChange(
  ctx: ServiceContext,
  memberId: string,
  change: MemberRecordChange,
  baseVersion?: number,
): MemberRecordEvent {
  const member = getMember(ctx.db, memberId);
  if (!member) throw new AppError('NOT_FOUND', message('memberRecord.memberNotHere'));
  const roleRefusal = memberChangeRoleRefusal(ctx.person?.role ?? null, change.kind);
  if (roleRefusal) throw new AppError('FORBIDDEN', roleRefusal);
  const assignee = assigneeRefusal(ctx, change);
  if (assignee) throw new AppError('BAD_REQUEST', message('memberRecord.refused', { reason: [assignee] }));
  const { state } = foldMemberRecord(listMemberRecordEvents(ctx.db, memberId));
  if (baseVersion !== undefined && baseVersion !== state.version) {
    throw new AppError('CONFLICT', message('memberRecord.stale', { current: state.version, seen: baseVersion }));
  }
  const at = isoNow(ctx);
  const applied = applyMemberRecordChange(state, change, at, ctx.actor);
  if (!applied.ok) {
    const { field, message: why } = applied.refusal;
    throw AppError.forField('BAD_REQUEST', message('memberRecord.refused', { reason: [why] }), `change.${field}`, why);
  }
  const event: MemberRecordEvent = {
    id: randomUUID(),
    memberId,
    version: applied.state.version,
    at,
    actor: ctx.person ? { userId: ctx.person.userId, name: ctx.person.name, role: ctx.person.role } : null,
    actorName: ctx.actor,
    change,
  };
  insertMemberRecordEvent(ctx.db, event);
  if (change.kind === 'DETAILS_SET') setMemberCorrespondenceLanguage(ctx.db, memberId, change.correspondenceLanguage);
  recordChange(ctx, {
    at,
    action: `member-record.${change.kind.toLowerCase()}`,
    entity: 'member_record_event',
    entityId: event.id,
    before: { memberId, version: state.version },
    after: event,
  });
  return event;
}

/**
 * An approval on this laptop moves the Member's last validation date, in the approval's transaction. The
 * Member is found by id, or by CTPAT account number for a copy from HQ; a Member this laptop does not hold
 * is left to HQ's record.
 */
export function recordValidationApproval(
  ctx: ServiceContext,
  approval: { validationId: string; memberId: string | null; accountNumber: string | null; approvedOn: string },
): MemberRecordEvent | null {
  const memberId = memberHere(ctx, approval.memberId, approval.accountNumber);
  if (!memberId) return null;
  const { state } = foldMemberRecord(listMemberRecordEvents(ctx.db, memberId));
  if (state.approvedValidationIds.includes(approval.validationId) || state.status === 'REMOVED') return null;
  return appendMemberRecordChange(ctx, memberId, {
    kind: 'VALIDATION_APPROVED',
    validationId: approval.validationId,
    approvedOn: approval.approvedOn,
  });
}

/** The Member on this laptop a validation is of: by id (or HQ's id for it), else by CTPAT account number. */
function memberHere(ctx: ServiceContext, memberId: string | null, accountNumber: string | null): string | null {
  const byId = memberId ? localMemberIdOf(ctx.db, memberId) : null;
  if (byId) return byId;
  return accountNumber
    ? ((pluckStmt(ctx.db, 'SELECT id FROM members WHERE account_number = ?').get(accountNumber) as
        | string
        | undefined) ?? null)
    : null;
}

type PulledValidationRow = {
  id: string;
  status: 'IN_PROGRESS' | 'SUBMITTED';
  workflow_state: WorkPlanValidation['workflowState'];
  payload_json: string;
};
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The validations this laptop pulled for review (a reviewer's or supervisor's), under the Member here they are
 * of: without them a supervisor's plan says "Not assigned" for the work an SCSS submitted or had approved.
 */
function pulledForReview(ctx: ServiceContext, own: ReadonlySet<string>): WorkPlanValidation[] {
  const rows = stmt(
    ctx.db,
    'SELECT id, status, workflow_state, payload_json FROM hq_validations',
  ).all() as PulledValidationRow[];
  return rows.flatMap((row): WorkPlanValidation[] => {
    if (own.has(row.id)) return [];
    const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
    const snapshot = payload.member as { accountNumber?: unknown } | undefined;
    const memberId = memberHere(ctx, text(payload.memberId), text(snapshot?.accountNumber));
    if (!memberId) return [];
    const returned = row.workflow_state === 'RETURNED' || row.workflow_state === 'IN_PROGRESS';
    return [
      {
        id: row.id,
        memberId,
        status: row.status === 'SUBMITTED' && !returned ? 'SUBMITTED' : 'IN_PROGRESS',
        workflowState: row.workflow_state,
        createdBy: text(payload.submittedBy) ?? text(payload.signedByName) ?? '',
        createdAt: text(payload.createdAt) ?? '',
        reviewCopy: true,
      },
    ];
  });
}

/** Why a validation of this Member cannot start (a removed Member), or null. */
export function memberValidationRefusal(ctx: ServiceContext, memberId: string): Message | null {
  return validationStartRefusal(foldMemberRecord(listMemberRecordEvents(ctx.db, memberId)).state);
}

/** The year's plan over every Member on this laptop with a record. */
export function getWorkPlan(ctx: ServiceContext, year: number): WorkPlan {
  const today = todayOf(ctx);
  const eventsByMember = listAllMemberRecordEvents(ctx.db);
  const members = listMembers(ctx.db).map((m) => ({
    id: m.id,
    legalName: m.legalName,
    accountNumber: m.accountNumber,
    entityType: m.entityType,
    record: foldMemberRecord(eventsByMember.get(m.id) ?? []).state,
  }));
  const withdrawn = withdrawnAssignmentsByValidation(ctx.db);
  const validations = (
    stmt(
      ctx.db,
      'SELECT id, member_id, scheduled_date, status, workflow_state, created_by, created_at FROM validations',
    ).all() as ValidationRow[]
  ).map(
    (v): WorkPlanValidation => ({
      id: v.id,
      memberId: v.member_id,
      status: v.status,
      workflowState: v.workflow_state,
      createdBy: v.created_by,
      createdAt: v.created_at,
      assignmentWithdrawn: withdrawn.has(v.id),
    }),
  );
  validations.push(...pulledForReview(ctx, new Set(validations.map((v) => v.id))));
  // A withdrawn assignment is another SCSS's work now: the record's assignment says whose.
  const assignments = (
    stmt(
      ctx.db,
      `SELECT member_id, target_date, assigned_user_id, started_validation_id, hq_started_at, hq_started_device_name
       FROM assignments WHERE withdrawn_at IS NULL`,
    ).all() as {
      member_id: string;
      target_date: string;
      assigned_user_id: string;
      started_validation_id: string | null;
      hq_started_at: string | null;
      hq_started_device_name: string | null;
    }[]
  )
    // Another SCSS's, left from this laptop's enrolment before: not this person's plan. Once enrolled, every one
    // left is the enrolled person's (assignments reach only the laptop of the SCSS they name).
    .filter((a) => isEnrolledPersons(ctx, a.assigned_user_id))
    .map(
      (a): WorkPlanAssignment => ({
        memberId: a.member_id,
        targetDate: a.target_date,
        assignee: ctx.person ? ctx.actor : a.assigned_user_id,
        mine: Boolean(ctx.person),
        started: a.started_validation_id !== null,
        startedElsewhere:
          a.hq_started_at === null ? null : { at: a.hq_started_at, device: a.hq_started_device_name ?? '' },
      }),
    );
  const meUserId = ctx.person?.userId ?? null;
  return {
    year,
    today,
    rows: buildWorkPlan({ year, today, members, validations, assignments, me: ctx.actor, meUserId }),
    canAssign: ctx.person?.role === 'SUPERVISOR',
  };
}
