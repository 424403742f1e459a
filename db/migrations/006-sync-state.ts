import type { Migration } from './index';

/**
 * Sync bookkeeping. An outbox row HQ refused is parked (kept, with a reason shown on its record)
 * instead of retried; a row that failed on the network waits until next_attempt_at. HQ's receipts are kept
 * so the worksheet can say "synced", and an outbox row is deleted only in the transaction storing its receipt.
 */
export const migration006SyncState: Migration = {
  version: 6,
  name: '006-sync-state',
  up(db) {
    db.exec(`
      ALTER TABLE sync_outbox ADD COLUMN parked_at TEXT;
      ALTER TABLE sync_outbox ADD COLUMN parked_reason TEXT;
      ALTER TABLE sync_outbox ADD COLUMN next_attempt_at TEXT;

      -- One row per change HQ answered for. validation_id lets a worksheet find its receipts without a scan.
      CREATE TABLE sync_receipts (
        change_id     TEXT PRIMARY KEY,
        entity        TEXT NOT NULL,
        entity_id     TEXT NOT NULL,
        validation_id TEXT,
        outcome       TEXT NOT NULL
          CHECK (outcome IN ('applied', 'duplicate', 'conflict', 'stale', 'forbidden', 'invalid')),
        received_at   TEXT NOT NULL,
        receipt_json  TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sync_receipts_validation ON sync_receipts (validation_id);

      -- last_success_at, last_error, needs_enrolment: what the Sync button and status line show.
      CREATE TABLE sync_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
