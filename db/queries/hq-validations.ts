import type { WorkflowState } from '../../shared/domain/lifecycle';
import type { Db } from '../connection';
import { stmt } from '../statements';

/** One record of a validation as HQ holds it (PulledValidation.records). */
export type PulledRecord = { entity: string; entityId: string; version: number; payload: Record<string, unknown> };

/** A validation as the last pull brought it (or as this laptop's own workflow events left it since). */
export type HqCopy = {
  id: string;
  hqVersion: number;
  status: 'IN_PROGRESS' | 'SUBMITTED';
  /** Null only for a copy pulled before the laptop knew workflow states (migration 010). */
  workflowState: WorkflowState | null;
  ownerUserId: string | null;
  fieldOffice: string;
  payload: Record<string, unknown>;
  records: PulledRecord[];
  pulledAt: string;
};

type HqCopyRow = {
  id: string;
  hq_version: number;
  status: HqCopy['status'];
  workflow_state: WorkflowState | null;
  owner_user_id: string | null;
  field_office: string;
  payload_json: string;
  records_json: string;
  pulled_at: string;
};

const toCopy = (r: HqCopyRow): HqCopy => ({
  id: r.id,
  hqVersion: r.hq_version,
  status: r.status,
  workflowState: r.workflow_state,
  ownerUserId: r.owner_user_id,
  fieldOffice: r.field_office,
  payload: JSON.parse(r.payload_json) as Record<string, unknown>,
  records: JSON.parse(r.records_json) as PulledRecord[],
  pulledAt: r.pulled_at,
});

export function getHqCopy(db: Db, id: string): HqCopy | undefined {
  const row = stmt(db, 'SELECT * FROM hq_validations WHERE id = ?').get(id) as HqCopyRow | undefined;
  return row && toCopy(row);
}

/**
 * Every pulled copy that is not one of the enrolled person's validations on this laptop (a laptop handed over keeps
 * the earlier person's; theirs are listed): what the review and approval lists show.
 */
export function listOthersHqCopies(db: Db, enrolledUserId: string | null): HqCopy[] {
  return (
    stmt(
      db,
      `SELECT h.* FROM hq_validations h WHERE NOT EXISTS (
         SELECT 1 FROM validations v WHERE v.id = h.id
           AND (v.owner_user_id IS NULL OR @userId IS NULL OR v.owner_user_id = @userId))
       ORDER BY h.id`,
    ).all({ userId: enrolledUserId }) as HqCopyRow[]
  ).map(toCopy);
}

/** The records of one entity kind in a pulled copy. */
export const recordsOf = (copy: Pick<HqCopy, 'records'>, entity: string): PulledRecord[] =>
  copy.records.filter((r) => r.entity === entity);
