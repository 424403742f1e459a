import type { Finding, Observation } from '../../shared/domain/field-work';
import type { Db } from '../connection';
import { stmt } from '../statements';

type FindingRow = {
  id: string;
  validation_id: string;
  criterion_id: string;
  classification: Finding['classification'];
  reason_code: string | null;
  description: string;
  due_date: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

const toFinding = (r: FindingRow): Finding => ({
  id: r.id,
  validationId: r.validation_id,
  criterionId: r.criterion_id,
  classification: r.classification,
  reasonCode: r.reason_code,
  description: r.description,
  dueDate: r.due_date,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listFindings(db: Db, validationId: string): Finding[] {
  return (stmt(db, 'SELECT * FROM findings WHERE validation_id = ?').all(validationId) as FindingRow[]).map(toFinding);
}

export function getFinding(db: Db, validationId: string, criterionId: string): Finding | undefined {
  const row = stmt(db, 'SELECT * FROM findings WHERE validation_id = ? AND criterion_id = ?').get(
    validationId,
    criterionId,
  ) as FindingRow | undefined;
  return row && toFinding(row);
}

export function upsertFinding(db: Db, f: Finding): void {
  stmt(
    db,
    `INSERT INTO findings (id, validation_id, criterion_id, classification, reason_code, description, due_date,
                           version, created_at, updated_at)
     VALUES (@id, @validationId, @criterionId, @classification, @reasonCode, @description, @dueDate,
             @version, @createdAt, @updatedAt)
     ON CONFLICT (validation_id, criterion_id) DO UPDATE SET classification = excluded.classification,
       reason_code = excluded.reason_code, description = excluded.description, due_date = excluded.due_date,
       version = excluded.version, updated_at = excluded.updated_at`,
  ).run(f);
}

export function deleteFindingRow(db: Db, id: string): void {
  // Evidence that was attached to the finding stays with the criterion.
  stmt(db, 'UPDATE evidence SET finding_id = NULL WHERE finding_id = ?').run(id);
  stmt(db, 'DELETE FROM findings WHERE id = ?').run(id);
}

type ObservationRow = {
  id: string;
  validation_id: string;
  category: number;
  text: string;
  created_at: string;
  updated_at: string;
};

const toObservation = (r: ObservationRow): Observation => ({
  id: r.id,
  validationId: r.validation_id,
  category: r.category,
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listObservations(db: Db, validationId: string): Observation[] {
  return (
    stmt(db, 'SELECT * FROM observations WHERE validation_id = ? ORDER BY category, created_at, id').all(
      validationId,
    ) as ObservationRow[]
  ).map(toObservation);
}

export function getObservation(db: Db, id: string): Observation | undefined {
  const row = stmt(db, 'SELECT * FROM observations WHERE id = ?').get(id) as ObservationRow | undefined;
  return row && toObservation(row);
}

export function upsertObservation(db: Db, o: Observation): void {
  stmt(
    db,
    `INSERT INTO observations (id, validation_id, category, text, created_at, updated_at)
     VALUES (@id, @validationId, @category, @text, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET category = excluded.category, text = excluded.text, updated_at = excluded.updated_at`,
  ).run(o);
}

export function deleteObservationRow(db: Db, id: string): void {
  stmt(db, 'DELETE FROM observations WHERE id = ?').run(id);
}
