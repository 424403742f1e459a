import type { Migration } from './index';

export const migration003AuditLogAndOutbox: Migration = {
  version: 3,
  name: '003-audit-log-and-outbox',
  up(db) {
    db.exec(`
      -- Append-only; each row's hash covers its content and the previous row's hash.
      CREATE TABLE audit_log (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        before_json TEXT,
        after_json  TEXT,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);

      -- Changes waiting for HQ; a row leaves only after HQ's receipt for it is stored.
      CREATE TABLE sync_outbox (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        change_id    TEXT NOT NULL UNIQUE,
        entity       TEXT NOT NULL,
        entity_id    TEXT NOT NULL,
        operation    TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 0,
        last_error   TEXT
      ) STRICT;
      CREATE INDEX sync_outbox_by_entity ON sync_outbox (entity, entity_id);
    `);
  },
};
