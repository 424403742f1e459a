/**
 * A reassignment withdraws the earlier SCSS's assignment: the assignment keeps the SCSS_ASSIGNED change
 * that made it, and when another SCSS is given the same work it is marked withdrawn (when, by whom, why) rather than
 * deleted, so the earlier SCSS's laptop learns it by pull (the update re-stamps the row's pull position).
 */
export const migration012 = {
  version: 12,
  name: 'assignment-withdrawal',
  sql: `
ALTER TABLE assignments
  ADD COLUMN member_record_event_id uuid REFERENCES member_record_events (id),
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN withdrawn_by_user_id uuid REFERENCES users (id),
  ADD COLUMN withdrawn_by_name text,
  ADD COLUMN withdrawn_reason text CHECK (withdrawn_reason IN ('REASSIGNED')),
  ADD COLUMN withdrawn_by_event_id uuid REFERENCES member_record_events (id),
  ADD CONSTRAINT assignments_withdrawal_whole CHECK (
    (withdrawn_at IS NULL) = (withdrawn_by_name IS NULL) AND (withdrawn_at IS NULL) = (withdrawn_reason IS NULL));
CREATE UNIQUE INDEX assignments_member_record_event ON assignments (member_record_event_id);

-- Assignments made from the work plan before this migration: linked to the change that matches them, once each.
UPDATE assignments a SET member_record_event_id = matched.event_id
FROM (
  SELECT DISTINCT ON (e.id) a2.id AS assignment_id, e.id AS event_id
  FROM member_record_events e
  JOIN assignments a2 ON (a2.member->>'id')::uuid = e.member_id
    AND a2.assigned_user_id = (e.change->'scss'->>'userId')::uuid
    AND a2.mode = e.change->>'mode' AND a2.target_date = (e.change->>'targetDate')::date
  WHERE e.kind = 'SCSS_ASSIGNED'
  ORDER BY e.id, a2.created_at
) matched
WHERE a.id = matched.assignment_id;
`,
};
