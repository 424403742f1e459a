import type { Migration } from './index';

/**
 * Issue 3, point 12: the validations list stays within 50 ms at 5,000 validations.
 *
 * The list shows each validation's answered count, up to 1,000 rows at 150 answers each. Counted from the table,
 * that reads every answer with its notes (~9,000 pages at that size, more than the page cache holds); counted from
 * this index it reads only (validation_id, result, criterion_id) of answered rows. With two constrained columns
 * (validation_id = ? AND result IS NOT NULL) SQLite prefers it to the primary key without ANALYZE statistics.
 * The price: every saved answer rewrites its entry, one more WAL page per save (two when the result changes);
 * `npm run bench` prints the list timings and the pages written per save.
 */
export const migration005ListIndexes: Migration = {
  version: 5,
  name: '005-list-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX criterion_responses_answered ON criterion_responses (validation_id, result) WHERE result IS NOT NULL;
    `);
  },
};
