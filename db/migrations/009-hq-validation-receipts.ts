import type { Migration } from './index';

/**
 * What HQ says it holds of each submitted validation. A validation is safe to archive on this
 * laptop only when HQ's copy carries the same content fingerprint and every evidence file it references.
 * Also the reviewer's decisions on pulled validations' findings.
 */
export const migration009HqValidationReceipts: Migration = {
  version: 9,
  name: '009-hq-validation-receipts',
  up(db) {
    db.exec(`
      CREATE TABLE hq_validation_receipts (
        validation_id         TEXT PRIMARY KEY REFERENCES validations (id),
        hq_status             TEXT NOT NULL CHECK (hq_status IN ('IN_PROGRESS', 'SUBMITTED')),
        content_sha256        TEXT,
        complete              INTEGER NOT NULL CHECK (complete IN (0, 1)),
        missing_evidence_json TEXT NOT NULL,
        checked_at            TEXT NOT NULL,
        -- Set only when HQ's fingerprint equals the local one and HQ holds every referenced file.
        safe_to_archive_at    TEXT
      ) STRICT;

      -- A field office reviewer's decision on a finding of a submitted validation pulled from HQ. Review fields are
      -- the one thing HQ still takes for a submitted validation; version/base_version let HQ refuse a stale review.
      CREATE TABLE finding_reviews (
        validation_id TEXT NOT NULL,
        finding_id    TEXT NOT NULL,
        decision      TEXT NOT NULL CHECK (decision IN ('CONCUR', 'RETURN_FOR_CORRECTION')),
        comment       TEXT NOT NULL,
        reviewed_at   TEXT NOT NULL,
        reviewed_by   TEXT NOT NULL,
        version       INTEGER NOT NULL CHECK (version > 0),
        base_version  INTEGER NOT NULL CHECK (base_version >= 0),
        PRIMARY KEY (validation_id, finding_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
