import type { Migration } from './index';

/**
 * What a pull from HQ brings down. Catalog editions go into catalog_editions; the pull
 * cursor is kept in sync_state under 'pull_cursor'.
 */
export const migration008Pull: Migration = {
  version: 8,
  name: '008-pull',
  up(db) {
    db.exec(`
      -- Validations HQ assigned to this SCSS. started_validation_id is set when one is started here, so it is
      -- offered once; a later pull of the same assignment updates HQ's fields and keeps it.
      CREATE TABLE assignments (
        id                    TEXT PRIMARY KEY,
        member_id             TEXT NOT NULL REFERENCES members (id),
        entity_type           TEXT NOT NULL,
        mode                  TEXT NOT NULL CHECK (mode IN ('IN_PERSON', 'VIRTUAL')),
        target_date           TEXT NOT NULL,
        assigned_user_id      TEXT NOT NULL,
        field_office          TEXT NOT NULL,
        assigned_at           TEXT NOT NULL,
        pulled_at             TEXT NOT NULL,
        started_validation_id TEXT REFERENCES validations (id),
        started_at            TEXT
      ) STRICT;
      CREATE INDEX assignments_open ON assignments (target_date) WHERE started_validation_id IS NULL;

      -- Submitted validations in a reviewer's scope, as HQ holds them. Read-only here: only a pull writes them.
      CREATE TABLE hq_validations (
        id           TEXT PRIMARY KEY,
        hq_version   INTEGER NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('IN_PROGRESS', 'SUBMITTED')),
        field_office TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        records_json TEXT NOT NULL,
        pulled_at    TEXT NOT NULL
      ) STRICT;

      -- A pulled validation this laptop still has unpushed changes for: kept aside instead of overwriting,
      -- and moved into hq_validations by the first pull after those changes have left the outbox.
      CREATE TABLE hq_validations_held (
        id           TEXT PRIMARY KEY,
        hq_version   INTEGER NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('IN_PROGRESS', 'SUBMITTED')),
        field_office TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        records_json TEXT NOT NULL,
        pulled_at    TEXT NOT NULL
      ) STRICT;
    `);
  },
};
