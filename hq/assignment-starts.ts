import { message } from '../shared/messages';
import type { Change } from '../shared/sync/protocol';
import type { AssignmentStart } from '../shared/sync/pull-protocol';
import type { HqQueryable } from './db/types';
import { type Refusal, refusalOf } from './refusal';

/**
 * One validation per assignment: a laptop's validation create names the assignment it was started from
 * (`assignmentId`), HQ refuses it when the assignment already has another validation or was withdrawn, and
 * records the link as it takes it, so the SCSS's other laptops pull that it was started.
 */

/** The pull's word that an assignment was started (null: not yet), from its row and the starting device's name. */
export function assignmentStartOf(row: {
  started_validation_id: string | null;
  started_at: Date | string | null;
  started_device_name: string | null;
}): AssignmentStart | null {
  return row.started_validation_id && row.started_at
    ? {
        validationId: row.started_validation_id,
        at: new Date(row.started_at).toISOString(),
        deviceName: row.started_device_name ?? '',
      }
    : null;
}

/** An assignment a batch's creates name, as HQ holds it (locked for the batch). */
export type AssignmentAtHq = {
  assignedUserId: string;
  startedValidationId: string | null;
  startedAt: string | null;
  startedDeviceName: string | null;
  withdrawnAt: string | null;
  withdrawnByName: string | null;
};

/** The assignment a validation create names (lower case, as HQ prints UUIDs), or null. */
export function assignmentIdOf(change: Pick<Change, 'entity' | 'operation' | 'payload'>): string | null {
  if (change.entity !== 'validation' || change.operation !== 'create') return null;
  const { assignmentId } = change.payload;
  return typeof assignmentId === 'string' ? assignmentId.toLowerCase() : null;
}

/**
 * Locks and reads the assignments the batch's creates name, in id order. Two laptops starting the same
 * assignment push different validations, so this lock (not the validations') makes the second wait for the first.
 */
export async function loadAssignmentsOfCreates(
  tx: HqQueryable,
  deviceId: string,
  changes: readonly (Change | null)[],
): Promise<{ assignments: Map<string, AssignmentAtHq>; deviceName: string }> {
  const ids = new Set(changes.flatMap((c) => (c ? [assignmentIdOf(c)].filter((id) => id !== null) : [])));
  const assignments = new Map<string, AssignmentAtHq>();
  if (ids.size === 0) return { assignments, deviceName: '' };
  const rows = await tx.query<{
    pushing_device_name: string | null;
    id: string;
    assigned_user_id: string;
    started_validation_id: string | null;
    started_at: Date | string | null;
    started_device_name: string | null;
    withdrawn_at: Date | string | null;
    withdrawn_by_name: string | null;
  }>(
    `SELECT id, assigned_user_id, started_validation_id, started_at,
       (SELECT d.name FROM devices d WHERE d.id = started_device_id) AS started_device_name,
       withdrawn_at, withdrawn_by_name, (SELECT d.name FROM devices d WHERE d.id = $2::uuid) AS pushing_device_name
     FROM assignments WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [[...ids], deviceId],
  );
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  for (const row of rows) {
    assignments.set(row.id, {
      assignedUserId: row.assigned_user_id,
      startedValidationId: row.started_validation_id,
      startedAt: iso(row.started_at),
      startedDeviceName: row.started_device_name,
      withdrawnAt: iso(row.withdrawn_at),
      withdrawnByName: row.withdrawn_by_name,
    });
  }
  return { assignments, deviceName: rows[0]?.pushing_device_name ?? '' };
}

/**
 * Why HQ does not take this validation create for the assignment it names, or null (it names none, or its
 * assignment is the user's, open and not started by another validation). A create this batch already took
 * counts as stored (noteAssignmentStart).
 */
export function assignmentStartRefusal(
  assignments: ReadonlyMap<string, AssignmentAtHq> | undefined,
  userId: string,
  validationId: string,
  payload: Record<string, unknown>,
): Refusal | null {
  const assignmentId = typeof payload.assignmentId === 'string' ? payload.assignmentId.toLowerCase() : null;
  if (assignmentId === null) return null;
  const held = assignments?.get(assignmentId);
  // Alike for an unknown id and another SCSS's: the refusal reveals nothing of other people's work.
  if (!held || held.assignedUserId !== userId) {
    return refusalOf('invalid', message('hqReason.noSuchAssignment', { id: assignmentId }));
  }
  if (held.withdrawnAt !== null) {
    const told = message('hqReason.assignmentWithdrawn', { at: held.withdrawnAt, name: held.withdrawnByName ?? '' });
    return refusalOf('conflict', told);
  }
  if (held.startedValidationId !== null && held.startedValidationId !== validationId) {
    const told = message('hqReason.assignmentStarted', {
      at: held.startedAt ?? '',
      device: held.startedDeviceName ?? '',
    });
    return refusalOf('conflict', told);
  }
  return null;
}

/** Marks the assignment started by a create HQ just took, so a later create in the batch sees it. */
export function noteAssignmentStart(
  assignments: Map<string, AssignmentAtHq> | undefined,
  start: { assignmentId: string; validationId: string; at: string; deviceName: string },
): void {
  const held = assignments?.get(start.assignmentId);
  if (!held) return;
  held.startedValidationId = start.validationId;
  held.startedAt = start.at;
  held.startedDeviceName = start.deviceName;
}

/**
 * Links each assignment to the validation a create of this batch started from it. Run after the validations are
 * written (the link references them); the update moves each assignment up the pull order.
 */
export async function recordAssignmentStarts(
  tx: HqQueryable,
  deviceId: string,
  starts: readonly { assignmentId: string; validationId: string; at: string }[],
): Promise<void> {
  if (starts.length === 0) return;
  await tx.query(
    `UPDATE assignments a SET started_validation_id = s.vid, started_at = s.at, started_device_id = $1::uuid
     FROM jsonb_to_recordset($2::jsonb) AS s(aid uuid, vid uuid, at timestamptz)
     WHERE a.id = s.aid AND a.started_validation_id IS NULL`,
    [deviceId, JSON.stringify(starts.map((s) => ({ aid: s.assignmentId, vid: s.validationId, at: s.at })))],
  );
}
