import type { InspectionChecklist, VirtualSession } from '../../shared/domain/field-work';
import type { Db } from '../connection';
import { stmt } from '../statements';

type ChecklistRow = {
  id: string;
  validation_id: string;
  criterion_id: string;
  kind: InspectionChecklist['kind'];
  label: string;
  refrigerated: number;
  items_json: string;
  created_at: string;
  updated_at: string;
};

export const toChecklist = (r: ChecklistRow): InspectionChecklist => ({
  id: r.id,
  validationId: r.validation_id,
  criterionId: r.criterion_id,
  kind: r.kind,
  label: r.label,
  refrigerated: r.refrigerated === 1,
  items: JSON.parse(r.items_json) as InspectionChecklist['items'],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listChecklists(db: Db, validationId: string): InspectionChecklist[] {
  return (
    stmt(
      db,
      'SELECT * FROM inspection_checklists WHERE validation_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
    ).all(validationId) as ChecklistRow[]
  ).map(toChecklist);
}

/** One checklist by id, removed ones included (deletedAt says so) so a stale edit can be told apart from a new id. */
export function getChecklist(db: Db, id: string): (InspectionChecklist & { deletedAt: string | null }) | undefined {
  const row = stmt(db, 'SELECT * FROM inspection_checklists WHERE id = ?').get(id) as
    | (ChecklistRow & { deleted_at: string | null })
    | undefined;
  return row && { ...toChecklist(row), deletedAt: row.deleted_at };
}

const checklistParams = (c: InspectionChecklist) => ({
  id: c.id,
  validationId: c.validationId,
  criterionId: c.criterionId,
  kind: c.kind,
  label: c.label,
  refrigerated: c.refrigerated ? 1 : 0,
  itemsJson: JSON.stringify(c.items),
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export function insertChecklist(db: Db, checklist: InspectionChecklist): void {
  stmt(
    db,
    `INSERT INTO inspection_checklists
       (id, validation_id, criterion_id, kind, label, refrigerated, items_json, created_at, updated_at)
     VALUES (@id, @validationId, @criterionId, @kind, @label, @refrigerated, @itemsJson, @createdAt, @updatedAt)`,
  ).run(checklistParams(checklist));
}

/** The label, refrigerated flag and items change; the validation, criterion and kind never do. */
export function updateChecklist(db: Db, checklist: InspectionChecklist): void {
  stmt(
    db,
    `UPDATE inspection_checklists
        SET label = @label, refrigerated = @refrigerated, items_json = @itemsJson, updated_at = @updatedAt
      WHERE id = @id AND deleted_at IS NULL`,
  ).run(checklistParams(checklist));
}

/** Checklists are soft-deleted: the audit log and HQ keep what was recorded before it was removed. */
export function softDeleteChecklist(db: Db, id: string, at: string): void {
  stmt(db, 'UPDATE inspection_checklists SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, id);
}

type SessionRow = {
  id: string;
  validation_id: string;
  platform: string;
  started_at: string | null;
  ended_at: string | null;
  participants_json: string;
  documents_json: string;
  segments_json: string;
  created_at: string;
  updated_at: string;
};

export const toVirtualSession = (r: SessionRow): VirtualSession => ({
  id: r.id,
  validationId: r.validation_id,
  platform: r.platform,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  participants: JSON.parse(r.participants_json) as VirtualSession['participants'],
  documents: JSON.parse(r.documents_json) as VirtualSession['documents'],
  segments: JSON.parse(r.segments_json) as VirtualSession['segments'],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function getVirtualSession(db: Db, id: string): VirtualSession | undefined {
  const row = stmt(db, 'SELECT * FROM virtual_sessions WHERE id = ?').get(id) as SessionRow | undefined;
  return row && toVirtualSession(row);
}

export function upsertVirtualSession(db: Db, session: VirtualSession): void {
  stmt(
    db,
    `INSERT INTO virtual_sessions (id, validation_id, platform, started_at, ended_at, participants_json,
                                   documents_json, segments_json, created_at, updated_at)
     VALUES (@id, @validationId, @platform, @startedAt, @endedAt, @participantsJson, @documentsJson, @segmentsJson,
             @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, started_at = excluded.started_at,
       ended_at = excluded.ended_at, participants_json = excluded.participants_json,
       documents_json = excluded.documents_json, segments_json = excluded.segments_json,
       updated_at = excluded.updated_at`,
  ).run({
    id: session.id,
    validationId: session.validationId,
    platform: session.platform,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    participantsJson: JSON.stringify(session.participants),
    documentsJson: JSON.stringify(session.documents),
    segmentsJson: JSON.stringify(session.segments),
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  });
}

export function listVirtualSessions(db: Db, validationId: string): VirtualSession[] {
  return (
    stmt(db, 'SELECT * FROM virtual_sessions WHERE validation_id = ? ORDER BY created_at, id').all(
      validationId,
    ) as SessionRow[]
  ).map(toVirtualSession);
}
