/**
 * The policy HQ sets for every enrolled laptop (deficiency reasons, response days, evidence size limit, report
 * marking). Every version is kept, so who changed what and when can be read back; the
 * current policy is the highest version. The primary key on version makes two supervisors saving on the same
 * base version race safely: one inserts, the other gets a unique violation and is told the policy moved on.
 */
export const migration009 = {
  version: 9,
  name: 'policy',
  sql: `
CREATE TABLE policy_versions (
  version     integer PRIMARY KEY CHECK (version > 0),
  payload     jsonb NOT NULL,
  set_at      timestamptz NOT NULL DEFAULT now(),
  set_by      uuid NOT NULL REFERENCES users (id)
);
`,
};
