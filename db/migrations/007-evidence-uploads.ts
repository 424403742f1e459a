import type { Migration } from './index';

/**
 * Evidence uploads to HQ. One row per file (by SHA-256) once an upload was tried: the tus upload
 * URL and the bytes HQ acknowledged, so an interrupted upload resumes (after a restart too) instead of
 * starting over; held_at once HQ holds the file; refused_at with last_error when HQ refused it, so it is
 * shown to the user instead of being sent again blindly. A file with no row has not been tried yet.
 */
export const migration007EvidenceUploads: Migration = {
  version: 7,
  name: '007-evidence-uploads',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_uploads (
        sha256         TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        upload_url     TEXT,
        bytes_uploaded INTEGER NOT NULL DEFAULT 0 CHECK (bytes_uploaded >= 0),
        held_at        TEXT,
        refused_at     TEXT,
        last_error     TEXT,
        updated_at     TEXT NOT NULL,
        CHECK (refused_at IS NULL OR last_error IS NOT NULL)
      ) STRICT, WITHOUT ROWID;

      -- Which evidence records HQ holds: looked up by record, not by change id.
      CREATE INDEX sync_receipts_by_entity ON sync_receipts (entity, entity_id);
    `);
  },
};
