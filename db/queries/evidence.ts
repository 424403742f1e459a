import type { Evidence } from '../../shared/domain/field-work';
import type { Db } from '../connection';
import { stmt } from '../statements';

type EvidenceRow = {
  id: string;
  validation_id: string;
  criterion_id: string | null;
  finding_id: string | null;
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  caption: string;
  observed_remotely: number;
  has_thumbnail: number;
  created_at: string;
  deleted_at: string | null;
  deleted_reason: string | null;
};

export const toEvidence = (r: EvidenceRow): Evidence => ({
  id: r.id,
  validationId: r.validation_id,
  criterionId: r.criterion_id,
  findingId: r.finding_id,
  sha256: r.sha256,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  caption: r.caption,
  observedRemotely: r.observed_remotely === 1,
  hasThumbnail: r.has_thumbnail === 1,
  createdAt: r.created_at,
});

/** Evidence still attached (soft-deleted rows stay in the table and the audit log). */
export function listEvidence(db: Db, validationId: string): Evidence[] {
  return (
    stmt(db, 'SELECT * FROM evidence WHERE validation_id = ? AND deleted_at IS NULL ORDER BY created_at, id').all(
      validationId,
    ) as EvidenceRow[]
  ).map(toEvidence);
}

/** One evidence row, soft-deleted or not (deletedAt says which). */
export function getEvidence(
  db: Db,
  id: string,
): (Evidence & { deletedAt: string | null; deletedReason: string | null }) | undefined {
  const row = stmt(db, 'SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  return row && { ...toEvidence(row), deletedAt: row.deleted_at, deletedReason: row.deleted_reason };
}

export function insertEvidence(db: Db, e: Evidence): void {
  stmt(
    db,
    `INSERT INTO evidence (id, validation_id, criterion_id, finding_id, sha256, file_name, media_type, size_bytes,
                           caption, observed_remotely, has_thumbnail, created_at)
     VALUES (@id, @validationId, @criterionId, @findingId, @sha256, @fileName, @mediaType, @sizeBytes,
             @caption, @observedRemotely, @hasThumbnail, @createdAt)`,
  ).run({ ...e, observedRemotely: e.observedRemotely ? 1 : 0, hasThumbnail: e.hasThumbnail ? 1 : 0 });
}

export function updateEvidenceCaption(db: Db, id: string, caption: string): void {
  stmt(db, 'UPDATE evidence SET caption = ? WHERE id = ?').run(caption, id);
}

/** The row (and the file it names) stay: removal is recorded, never erased. */
export function softDeleteEvidence(db: Db, id: string, at: string, reason: string): void {
  stmt(db, 'UPDATE evidence SET deleted_at = ?, deleted_reason = ? WHERE id = ? AND deleted_at IS NULL').run(
    at,
    reason,
    id,
  );
}

/** The criterion a finding belongs to, when the finding is part of the validation. */
export function findingCriterionId(db: Db, validationId: string, findingId: string): string | undefined {
  const row = stmt(db, 'SELECT criterion_id FROM findings WHERE id = ? AND validation_id = ?').get(
    findingId,
    validationId,
  ) as { criterion_id: string } | undefined;
  return row?.criterion_id;
}
