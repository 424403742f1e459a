import type { AssignmentWithdrawal } from '../../shared/sync/pull-protocol';
import type { Db } from '../connection';
import { stmt } from '../statements';

type WithdrawalRow = {
  validation_id: string;
  withdrawn_at: string;
  withdrawn_by_name: string;
  withdrawn_reason: AssignmentWithdrawal['reason'];
};

const WITHDRAWN_STARTED = `SELECT started_validation_id AS validation_id, withdrawn_at, withdrawn_by_name, withdrawn_reason
  FROM assignments WHERE started_validation_id IS NOT NULL AND withdrawn_at IS NOT NULL`;

const toWithdrawal = (r: WithdrawalRow): AssignmentWithdrawal => ({
  at: r.withdrawn_at,
  byName: r.withdrawn_by_name,
  reason: r.withdrawn_reason,
});

/** Validations started here from an assignment HQ has since withdrawn, with the withdrawal: kept, never deleted. */
export function withdrawnAssignmentsByValidation(db: Db): Map<string, AssignmentWithdrawal> {
  const rows = stmt(db, WITHDRAWN_STARTED).all() as WithdrawalRow[];
  return new Map(rows.map((r) => [r.validation_id, toWithdrawal(r)]));
}

/** The withdrawal of the assignment this validation was started from, or null (not assigned, or still assigned). */
export function assignmentWithdrawalOf(db: Db, validationId: string): AssignmentWithdrawal | null {
  const row = stmt(db, `${WITHDRAWN_STARTED} AND started_validation_id = ?`).get(validationId) as
    | WithdrawalRow
    | undefined;
  return row ? toWithdrawal(row) : null;
}
