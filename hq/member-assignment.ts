import type { MemberRecordChange } from '../shared/domain/member-record/events';
import { memberChangeRoleRefusal } from '../shared/domain/member-record/fold';
import { type Message, message } from '../shared/messages';
import type { HqUser, UserRole } from '../shared/sync/protocol';
import type { AssignedMember, Assignment } from '../shared/sync/pull-protocol';
import { assignmentStartOf } from './assignment-starts';
import { insertAssignment } from './assignments';
import type { HqQueryable } from './db/types';

export type ScssAssignedChange = Extract<MemberRecordChange, { kind: 'SCSS_ASSIGNED' }>;

export type MemberAssignmentOutcome = { ok: true; assignment: Assignment } | { ok: false; refusal: Message };

/** The stored SCSS_ASSIGNED change an assignment comes from, and whether it replaced this cycle's assignment. */
export type AssigningEvent = { id: string; version: number; at: string; reassigns: boolean };

/**
 * The assignment row the SCSS's laptop pulls, for an SCSS_ASSIGNED change HQ has accepted on a Member's record
 * (the record's own rules already held: see shared/domain/member-record). Run it in the transaction that stores
 * the change: it refuses, with a message for the supervisor, a user who is not an SCSS of the supervisor's
 * field office, and a supervisor who may not assign. A reassignment withdraws the assignment it replaces
 * (withdrawEarlierAssignment); given to the same SCSS again, that assignment takes the new mode and date instead.
 */
export async function createMemberAssignment(
  tx: HqQueryable,
  input: { member: AssignedMember; change: ScssAssignedChange; supervisor: HqUser; event?: AssigningEvent },
): Promise<MemberAssignmentOutcome> {
  const { member, change, supervisor, event } = input;
  const roleRefusal = memberChangeRoleRefusal(supervisor.role, change.kind);
  if (roleRefusal) return { ok: false, refusal: roleRefusal };
  const [scss] = await tx.query<{ id: string; name: string; role: UserRole; field_office: string }>(
    'SELECT id, name, role, field_office FROM users WHERE id = $1',
    [change.scss.userId],
  );
  if (!scss) {
    return { ok: false, refusal: message('memberRecord.assignUnknownUser', { userId: change.scss.userId }) };
  }
  if (scss.role !== 'SCSS') return { ok: false, refusal: message('memberRecord.assignNotScss', { name: scss.name }) };
  if (scss.field_office !== supervisor.fieldOffice) {
    return {
      ok: false,
      refusal: message('memberRecord.assignOtherOffice', {
        name: scss.name,
        office: scss.field_office,
        ownOffice: supervisor.fieldOffice,
      }),
    };
  }
  const earlier = event?.reassigns ? await openAssignmentOfLastChange(tx, member.id, event.version) : null;
  if (event && earlier?.assigned_user_id === scss.id) {
    return { ok: true, assignment: await retargetAssignment(tx, earlier.id, change, event.id) };
  }
  if (event && earlier) await withdrawEarlierAssignment(tx, earlier.id, supervisor, event);
  const assignment = await insertAssignment(tx, {
    member,
    mode: change.mode,
    targetDate: change.targetDate,
    scss: { id: scss.id, fieldOffice: scss.field_office },
    ...(event ? { memberRecordEventId: event.id } : {}),
  });
  return { ok: true, assignment };
}

/**
 * The assignment this cycle's latest SCSS_ASSIGNED change (before `version`) made, if not withdrawn: the one a
 * reassignment replaces. Assignments made outside the record (`npm run hq -- assign`) are not the record's.
 */
async function openAssignmentOfLastChange(tx: HqQueryable, memberId: string, version: number) {
  const [row] = await tx.query<{ id: string; assigned_user_id: string }>(
    `SELECT a.id, a.assigned_user_id FROM assignments a
     WHERE a.withdrawn_at IS NULL AND a.member_record_event_id = (
       SELECT e.id FROM member_record_events e
       WHERE e.member_id = $1 AND e.kind = 'SCSS_ASSIGNED' AND e.version < $2
       ORDER BY e.version DESC LIMIT 1)
     FOR UPDATE`,
    [memberId, version],
  );
  return row ?? null;
}

/** Withdrawn, never deleted: the update moves it up the pull order, so its SCSS's laptop pulls the withdrawal. */
async function withdrawEarlierAssignment(
  tx: HqQueryable,
  assignmentId: string,
  supervisor: HqUser,
  event: AssigningEvent,
): Promise<void> {
  await tx.query(
    `UPDATE assignments SET withdrawn_at = $2, withdrawn_by_user_id = $3, withdrawn_by_name = $4,
       withdrawn_reason = 'REASSIGNED', withdrawn_by_event_id = $5
     WHERE id = $1`,
    [assignmentId, event.at, supervisor.id, supervisor.name, event.id],
  );
}

/** The same SCSS given the work again: one assignment, with the latest mode and target date (what they started stays). */
async function retargetAssignment(
  tx: HqQueryable,
  assignmentId: string,
  change: ScssAssignedChange,
  eventId: string,
): Promise<Assignment> {
  const [row] = await tx.query<{
    id: string;
    member: AssignedMember;
    entity_type: Assignment['entityType'];
    assigned_user_id: string;
    field_office: string;
    created_at: Date;
    started_validation_id: string | null;
    started_at: Date | null;
    started_device_name: string | null;
  }>(
    `UPDATE assignments SET mode = $2, target_date = $3, member_record_event_id = $4 WHERE id = $1
     RETURNING id, member, entity_type, assigned_user_id, field_office, created_at, started_validation_id, started_at,
       (SELECT d.name FROM devices d WHERE d.id = started_device_id) AS started_device_name`,
    [assignmentId, change.mode, change.targetDate, eventId],
  );
  if (!row) throw new Error(`Assignment ${assignmentId} vanished inside its own transaction`);
  return {
    id: row.id,
    member: row.member,
    entityType: row.entity_type,
    mode: change.mode,
    targetDate: change.targetDate,
    assignedUserId: row.assigned_user_id,
    fieldOffice: row.field_office,
    createdAt: new Date(row.created_at).toISOString(),
    withdrawn: null,
    // A retarget keeps what was started from it.
    started: assignmentStartOf(row),
  };
}
