import type { Migration } from './index';

/**
 * The validations list shows each validation's answered count (budget: 50 ms at 5,000 validations).
 * Counting 150 answers per row on every list read ~9,000 pages; an index on answered rows made every
 * saved answer write one or two pages more. A count kept on the validation changes only when a
 * criterion gains or loses its result, so most saves (notes, a changed result) do not touch it.
 */
export const migration005AnsweredCounts: Migration = {
  version: 5,
  name: '005-answered-counts',
  up(db) {
    db.exec(`
      ALTER TABLE validations ADD COLUMN answered_count INTEGER NOT NULL DEFAULT 0 CHECK (answered_count >= 0);
      UPDATE validations SET answered_count = (
        SELECT count(*) FROM criterion_responses r WHERE r.validation_id = validations.id AND r.result IS NOT NULL
      );
    `);
  },
};
