import type { MemberRecordChange } from '../shared/domain/member-record/events';
import { memberChangeRoleRefusal } from '../shared/domain/member-record/fold';
import { type Message, message } from '../shared/messages';
import type { HqUser, UserRole } from '../shared/sync/protocol';
import type { AssignedMember, Assignment } from '../shared/sync/pull-protocol';
import { insertAssignment } from './assignments';
import type { HqQueryable } from './db/types';

export type ScssAssignedChange = Extract<MemberRecordChange, { kind: 'SCSS_ASSIGNED' }>;

export type MemberAssignmentOutcome = { ok: true; assignment: Assignment } | { ok: false; refusal: Message };

/**
 * The assignment row the SCSS's laptop pulls, for an SCSS_ASSIGNED change HQ has accepted on a Member's record
 * (the record's own rules already held: see shared/domain/member-record). Run it in the transaction that stores
 * the change: it refuses, with a message for the supervisor, a user who is not an SCSS of the supervisor's
 * field office, and a supervisor who may not assign.
 */
export async function createMemberAssignment(
  tx: HqQueryable,
  input: { member: AssignedMember; change: ScssAssignedChange; supervisor: HqUser },
): Promise<MemberAssignmentOutcome> {
  const { member, change, supervisor } = input;
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
  const assignment = await insertAssignment(tx, {
    member,
    mode: change.mode,
    targetDate: change.targetDate,
    scss: { id: scss.id, fieldOffice: scss.field_office },
  });
  return { ok: true, assignment };
}
