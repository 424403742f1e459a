import { appendAudit } from '../../db/audit-log';
import { getMember } from '../../db/queries/members';
import { stmt } from '../../db/statements';
import type { Validation } from '../../shared/domain/validation';
import type { ResponseOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { isEnrolledPersons } from './identity';
import { isoNow, type ServiceContext } from './service-context';
import { createValidation } from './validation-service';

type AssignmentView = ResponseOf<'assignments:list'>[number];

type AssignmentRow = {
  id: string;
  member_id: string;
  entity_type: AssignmentView['entityType'];
  mode: AssignmentView['mode'];
  target_date: string;
  assigned_user_id: string;
  started_validation_id: string | null;
  withdrawn_by_name: string | null;
  hq_started_at: string | null;
  hq_started_device_name: string | null;
};

const ASSIGNMENT_COLUMNS = `id, member_id, entity_type, mode, target_date, assigned_user_id, started_validation_id,
  withdrawn_by_name, hq_started_at, hq_started_device_name`;
// Of the enrolled person only: a laptop enrolled again as another SCSS still holds the first one's assignments.
const OPEN_ASSIGNMENTS = `SELECT ${ASSIGNMENT_COLUMNS} FROM assignments
  WHERE started_validation_id IS NULL AND withdrawn_at IS NULL AND hq_started_validation_id IS NULL
    AND (@userId IS NULL OR assigned_user_id = @userId)
  ORDER BY target_date, assigned_at, id`;

/**
 * Validations HQ assigned to this SCSS, not yet started here or (HQ says) on another laptop, and not withdrawn
 * (given to another SCSS): soonest target date first, then as assigned.
 */
export function listAssignments(ctx: ServiceContext): AssignmentView[] {
  return (stmt(ctx.db, OPEN_ASSIGNMENTS).all({ userId: ctx.person?.userId ?? null }) as AssignmentRow[]).map((row) => {
    const member = getMember(ctx.db, row.member_id);
    if (!member) throw new AppError('INTERNAL', message('errors.assignment.memberMissing', { id: row.id }));
    return { id: row.id, member, entityType: row.entity_type, mode: row.mode, targetDate: row.target_date };
  });
}

/**
 * Starts the assigned validation: created by the validation service with the assignment's Member, entity
 * type, mode and target date, and the assignment marked started in the same transaction, so it is offered once.
 */
export function startValidationFromAssignment(ctx: ServiceContext, assignmentId: string): Validation {
  return ctx.db
    .transaction(() => {
      const row = stmt(ctx.db, `SELECT ${ASSIGNMENT_COLUMNS} FROM assignments WHERE id = ?`).get(assignmentId) as
        | AssignmentRow
        | undefined;
      if (!row) {
        throw new AppError('NOT_FOUND', message('errors.assignment.notHere'));
      }
      if (!isEnrolledPersons(ctx, row.assigned_user_id)) {
        throw new AppError('CONFLICT', message('errors.assignment.otherPerson'));
      }
      if (row.started_validation_id !== null) {
        throw new AppError('CONFLICT', message('errors.assignment.alreadyStarted'));
      }
      // The list on screen may predate the pull that withdrew it.
      if (row.withdrawn_by_name !== null) {
        throw new AppError('CONFLICT', message('errors.assignment.withdrawn', { name: row.withdrawn_by_name }));
      }
      // Likewise the pull that said another laptop of this SCSS started it: HQ would refuse a second validation.
      if (row.hq_started_at !== null) {
        throw new AppError(
          'CONFLICT',
          message('errors.assignment.startedElsewhere', {
            at: row.hq_started_at,
            device: row.hq_started_device_name ?? '',
          }),
        );
      }
      const validation = createValidation(
        ctx,
        { memberId: row.member_id, entityType: row.entity_type, mode: row.mode, scheduledDate: row.target_date },
        { assignmentId },
      );
      const at = isoNow(ctx);
      stmt(ctx.db, 'UPDATE assignments SET started_validation_id = ?, started_at = ? WHERE id = ?').run(
        validation.id,
        at,
        assignmentId,
      );
      appendAudit(ctx.db, {
        at,
        actor: ctx.actor,
        action: 'assignment.start',
        entity: 'assignment',
        entityId: assignmentId,
        before: null,
        after: { validationId: validation.id },
      });
      return validation;
    })
    .immediate();
}
