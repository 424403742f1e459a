/**
 * The validation HQ took for an assignment: a laptop's create names the assignment it was started from, and HQ
 * takes one per assignment, so a second laptop of the same SCSS cannot start it again. Setting it re-stamps the
 * row's pull position (migration 002's trigger), so every laptop of the SCSS pulls that it was started.
 */
export const migration017 = {
  version: 17,
  name: 'assignment-starts',
  sql: `
ALTER TABLE assignments
  ADD COLUMN started_validation_id uuid REFERENCES validations (id),
  ADD COLUMN started_at timestamptz,
  ADD COLUMN started_device_id uuid REFERENCES devices (id),
  ADD CONSTRAINT assignments_start_whole CHECK (
    (started_validation_id IS NULL) = (started_at IS NULL) AND (started_validation_id IS NULL) = (started_device_id IS NULL));
CREATE UNIQUE INDEX assignments_started_validation ON assignments (started_validation_id);
`,
};
