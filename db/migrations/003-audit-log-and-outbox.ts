import type { Migration } from './index';

export const migration003AuditLogAndOutbox: Migration = {
  version: 3,
  name: '003-audit-log-and-outbox',
  up(db) {
    db.exec(`
      -- Append-only; each row's hash covers its content and the previous row's hash.
      -- Few indexes on purpose: every index is one more page fsync'd with each saved answer.
      CREATE TABLE audit_log (
        seq         INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        before_json TEXT,
        after_json  TEXT,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
      ) STRICT;

      -- Changes waiting for HQ; a row leaves only after HQ's receipt for it is stored.
      -- change_id is a random UUID made in one place (db/outbox.ts); HQ enforces its uniqueness.
      CREATE TABLE sync_outbox (
        seq          INTEGER PRIMARY KEY,
        change_id    TEXT NOT NULL,
        entity       TEXT NOT NULL,
        entity_id    TEXT NOT NULL,
        operation    TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 0,
        last_error   TEXT
      ) STRICT;
    `);
  },
};
