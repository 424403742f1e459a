import type { Migration } from './index';

/**
 * HQ's word that an assignment was started, by which validation, when and on which laptop, as the pull brought
 * it: another laptop of the same SCSS started it, so this one no longer offers it. Null: not started at HQ.
 */
export const migration022AssignmentStartedAtHq: Migration = {
  version: 22,
  name: '022-assignment-started-at-hq',
  up(db) {
    db.exec(`
      ALTER TABLE assignments ADD COLUMN hq_started_validation_id TEXT;
      ALTER TABLE assignments ADD COLUMN hq_started_at TEXT;
      ALTER TABLE assignments ADD COLUMN hq_started_device_name TEXT;
    `);
  },
};
