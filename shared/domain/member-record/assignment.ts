import { addDays, formatISO, parseISO } from 'date-fns';
import { message } from '../../messages';
import type { MemberRecordChange } from './events';
import type { AssignmentEntry, MemberRecordRefusal, MemberRecordState } from './fold';
import { nextValidationDueOn } from './view';

type Assigned = Extract<MemberRecordChange, { kind: 'SCSS_ASSIGNED' }>;

/**
 * The window a target date must fall in, for a change made at `at`: from the change's day (less one, for a laptop
 * west of UTC) to the due date; an overdue validation stays on this year's plan, so to the end of this year.
 */
export function assignmentTargetWindow(dueOn: string, at: string): { earliest: string; latest: string } {
  const day = at.slice(0, 10);
  return {
    earliest: formatISO(addDays(parseISO(day), -1), { representation: 'date' }),
    latest: dueOn >= day ? dueOn : `${day.slice(0, 4)}-12-31`,
  };
}

/** Why this Member's next validation cannot be given to an SCSS as asked, or null. */
export function assignmentRefusal(state: MemberRecordState, change: Assigned, at: string): MemberRecordRefusal | null {
  const refuse = (field: string, told: MemberRecordRefusal['message']) => ({ field, message: told });
  if (state.status === 'REMOVED') return refuse('kind', message('memberRecord.assignRemoved'));
  if (state.status === 'SUSPENDED') return refuse('kind', message('memberRecord.assignSuspended'));
  const dueOn = nextValidationDueOn(state);
  if (dueOn === null) return refuse('kind', message('memberRecord.assignNeedsCertification'));
  const work = state.lastValidatedOn ? 'REVALIDATION' : 'VALIDATION';
  if (change.work !== work) {
    return refuse(
      'work',
      message(work === 'REVALIDATION' ? 'memberRecord.assignIsRevalidation' : 'memberRecord.assignIsValidation'),
    );
  }
  const { earliest, latest } = assignmentTargetWindow(dueOn, at);
  if (change.targetDate < earliest) return refuse('targetDate', message('memberRecord.assignTargetPast'));
  if (change.targetDate > latest) {
    return refuse(
      'targetDate',
      latest === dueOn
        ? message('memberRecord.assignTargetAfterDue', { date: dueOn })
        : message('memberRecord.assignTargetAfterYear', { date: latest }),
    );
  }
  return null;
}

/** The assignment of the current validation cycle: one given before the last approval is done with. */
export function currentAssignment(state: MemberRecordState): AssignmentEntry | null {
  return state.assignment && state.assignment.afterValidationOn === state.lastValidatedOn ? state.assignment : null;
}
