/**
 * The day an approval fixed for the Member's responses (null for approvals made before approvals fixed it), as a
 * typed column beside report_date, so "overdue" reads columns as the other views do (migration 008).
 */
export const migration016 = {
  version: 16,
  name: 'response-due-date',
  sql: `
ALTER TABLE validations
  ADD COLUMN response_due_date text GENERATED ALWAYS AS (payload->>'responseDueDate') STORED;
`,
};
