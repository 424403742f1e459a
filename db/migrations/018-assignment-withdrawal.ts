import type { Migration } from './index';

/**
 * HQ withdrew an assignment (a supervisor gave the work to another SCSS): when, by whom and why, as the pull
 * brought it. A withdrawn assignment is no longer offered; a validation started from it stays, marked withdrawn.
 */
export const migration018AssignmentWithdrawal: Migration = {
  version: 18,
  name: '018-assignment-withdrawal',
  up(db) {
    db.exec(`
      ALTER TABLE assignments ADD COLUMN withdrawn_at TEXT;
      ALTER TABLE assignments ADD COLUMN withdrawn_by_name TEXT;
      ALTER TABLE assignments ADD COLUMN withdrawn_reason TEXT CHECK (withdrawn_reason IN ('REASSIGNED'));
      CREATE INDEX assignments_started_validation ON assignments (started_validation_id)
        WHERE started_validation_id IS NOT NULL;
    `);
  },
};
