import type { Migration } from './index';

/** Everything a complete validation records beyond the per-criterion result. */
export const migration004FieldWork: Migration = {
  version: 4,
  name: '004-field-work',
  up(db) {
    db.exec(`
      CREATE TABLE sites (
        id            TEXT PRIMARY KEY,
        validation_id TEXT NOT NULL REFERENCES validations (id),
        name          TEXT NOT NULL,
        address       TEXT NOT NULL DEFAULT '',
        site_type     TEXT NOT NULL,
        visit_date    TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT
      ) STRICT;
      CREATE INDEX sites_by_validation ON sites (validation_id);

      ALTER TABLE criterion_responses ADD COLUMN site_id TEXT REFERENCES sites (id);
      ALTER TABLE criterion_responses ADD COLUMN verification_methods TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE criterion_responses ADD COLUMN na_justification TEXT NOT NULL DEFAULT '';

      CREATE TABLE findings (
        id             TEXT PRIMARY KEY,
        validation_id  TEXT NOT NULL REFERENCES validations (id),
        criterion_id   TEXT NOT NULL,
        classification TEXT NOT NULL CHECK (classification IN ('ACTION_REQUIRED', 'RECOMMENDATION')),
        reason_code    TEXT,
        description    TEXT NOT NULL DEFAULT '',
        due_date       TEXT,
        version        INTEGER NOT NULL DEFAULT 1,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        UNIQUE (validation_id, criterion_id)
      ) STRICT;

      CREATE TABLE observations (
        id            TEXT PRIMARY KEY,
        validation_id TEXT NOT NULL REFERENCES validations (id),
        category      INTEGER NOT NULL CHECK (category BETWEEN 1 AND 12),
        text          TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX observations_by_validation ON observations (validation_id, category);

      CREATE TABLE evidence (
        id                TEXT PRIMARY KEY,
        validation_id     TEXT NOT NULL REFERENCES validations (id),
        criterion_id      TEXT,
        finding_id        TEXT REFERENCES findings (id),
        sha256            TEXT NOT NULL,
        file_name         TEXT NOT NULL,
        media_type        TEXT NOT NULL,
        size_bytes        INTEGER NOT NULL,
        caption           TEXT NOT NULL DEFAULT '',
        observed_remotely INTEGER NOT NULL DEFAULT 0 CHECK (observed_remotely IN (0, 1)),
        has_thumbnail     INTEGER NOT NULL DEFAULT 0 CHECK (has_thumbnail IN (0, 1)),
        created_at        TEXT NOT NULL,
        deleted_at        TEXT,
        deleted_reason    TEXT
      ) STRICT;
      CREATE INDEX evidence_by_validation ON evidence (validation_id);

      CREATE TABLE inspection_checklists (
        id            TEXT PRIMARY KEY,
        validation_id TEXT NOT NULL REFERENCES validations (id),
        criterion_id  TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('CONTAINER_7_POINT', 'TRACTOR_TRAILER_17_POINT', 'SEAL_VVTT')),
        label         TEXT NOT NULL DEFAULT '',
        refrigerated  INTEGER NOT NULL DEFAULT 0 CHECK (refrigerated IN (0, 1)),
        items_json    TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT
      ) STRICT;
      CREATE INDEX inspection_checklists_by_validation ON inspection_checklists (validation_id);

      CREATE TABLE virtual_sessions (
        id                TEXT PRIMARY KEY,
        validation_id     TEXT NOT NULL REFERENCES validations (id),
        platform          TEXT NOT NULL,
        started_at        TEXT,
        ended_at          TEXT,
        participants_json TEXT NOT NULL DEFAULT '[]',
        documents_json    TEXT NOT NULL DEFAULT '[]',
        segments_json     TEXT NOT NULL DEFAULT '[]',
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX virtual_sessions_by_validation ON virtual_sessions (validation_id);

      ALTER TABLE validations ADD COLUMN submitted_by TEXT;
      ALTER TABLE validations ADD COLUMN signed_by_name TEXT;
      ALTER TABLE validations ADD COLUMN content_sha256 TEXT;
      ALTER TABLE validations ADD COLUMN reopened_at TEXT;
      ALTER TABLE validations ADD COLUMN reopen_reason TEXT;

      -- Local settings HQ may later manage: deficiency reasons, response days, evidence limits.
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
