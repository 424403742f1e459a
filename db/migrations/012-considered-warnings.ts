import type { Migration } from './index';

/**
 * The SCSS marks a Review-and-submit warning as considered, so hundreds of warnings can be worked
 * through and counted. A mark is the SCSS's own working note on this laptop: it is audited but never sent to HQ.
 * A warning is known by its rule (problem code) and its criterion; '' stands for warnings about no criterion.
 */
export const migration012ConsideredWarnings: Migration = {
  version: 12,
  name: '012-considered-warnings',
  up(db) {
    db.exec(`
      CREATE TABLE considered_warnings (
        validation_id TEXT NOT NULL REFERENCES validations (id) ON DELETE CASCADE,
        code          TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 60),
        criterion_id  TEXT NOT NULL,
        considered_at TEXT NOT NULL,
        considered_by TEXT NOT NULL,
        PRIMARY KEY (validation_id, code, criterion_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
