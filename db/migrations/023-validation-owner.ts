import type { Migration } from './index';

/**
 * Whose validation it is: the person enrolled when it was started (HQ makes the same person its owner). Null until
 * someone is enrolled; the first person enrolled takes those, as HQ will. A laptop handed over keeps the earlier
 * person's validations to read, and the new person cannot change them.
 */
export const migration023ValidationOwner: Migration = {
  version: 23,
  name: '023-validation-owner',
  up(db) {
    db.exec(`
      ALTER TABLE validations ADD COLUMN owner_user_id TEXT;
      ALTER TABLE validations ADD COLUMN owner_name TEXT;
    `);
  },
};
