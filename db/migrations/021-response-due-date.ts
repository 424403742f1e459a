import type { Migration } from './index';

/**
 * An approval fixes the day the Member's responses are due, so a later change of the response period does not
 * move the due date of a report already issued. Null: an approval made before this version.
 */
export const migration021ResponseDueDate: Migration = {
  version: 21,
  name: '021-response-due-date',
  up(db) {
    db.exec('ALTER TABLE workflow_events ADD COLUMN response_due_date TEXT;');
  },
};
