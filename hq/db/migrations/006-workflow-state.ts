/**
 * Where each validation is in its life after the worksheet (shared/domain/lifecycle.ts): submitted, in review,
 * returned, approved, report issued and awaiting the Member, closed. `status` stays what the SCSS's content
 * rules read (IN_PROGRESS while the SCSS may edit, SUBMITTED otherwise); the CHECK keeps the two in step.
 * The backfill rewrites every validation, so the pull triggers send each one again with its state.
 */
export const migration006 = {
  version: 6,
  name: 'workflow-state',
  sql: `
ALTER TABLE validations ADD COLUMN workflow_state text;
UPDATE validations SET workflow_state = CASE WHEN status = 'SUBMITTED' THEN 'SUBMITTED' ELSE 'IN_PROGRESS' END;
ALTER TABLE validations
  ALTER COLUMN workflow_state SET NOT NULL,
  ADD CONSTRAINT validations_workflow_state_check CHECK (workflow_state IN
    ('IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'AWAITING_RESPONSE', 'CLOSED')),
  ADD CONSTRAINT validations_status_follows_workflow_state CHECK
    ((status = 'IN_PROGRESS') = (workflow_state IN ('IN_PROGRESS', 'RETURNED')));
`,
};
