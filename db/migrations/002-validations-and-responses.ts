import type { Migration } from './index';

export const migration002ValidationsAndResponses: Migration = {
  version: 2,
  name: '002-validations-and-responses',
  up(db) {
    db.exec(`
      CREATE TABLE validations (
        id                 TEXT PRIMARY KEY,
        member_id          TEXT NOT NULL REFERENCES members (id),
        entity_type        TEXT NOT NULL,
        mode               TEXT NOT NULL CHECK (mode IN ('IN_PERSON', 'VIRTUAL')),
        catalog_edition_id TEXT NOT NULL REFERENCES catalog_editions (id),
        status             TEXT NOT NULL CHECK (status IN ('DRAFT', 'IN_PROGRESS', 'SUBMITTED')),
        scheduled_date     TEXT NOT NULL,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        submitted_at       TEXT,
        created_by         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX validations_by_member ON validations (member_id, scheduled_date);
      CREATE INDEX validations_by_status ON validations (status, scheduled_date);
      CREATE INDEX validations_by_date ON validations (scheduled_date);

      CREATE TABLE criterion_responses (
        validation_id TEXT NOT NULL REFERENCES validations (id),
        criterion_id  TEXT NOT NULL,
        result        TEXT CHECK (result IN ('COMPLIANT', 'DEFICIENT', 'NOT_APPLICABLE', 'NOT_VERIFIED')),
        notes         TEXT NOT NULL DEFAULT '',
        version       INTEGER NOT NULL DEFAULT 1,
        updated_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL,
        PRIMARY KEY (validation_id, criterion_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
