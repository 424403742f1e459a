/**
 * HQ holds the authoritative Member record: one row per Member (one id per CTPAT account
 * number, as the assignments already kept it) and the ordered changes of its CTPAT record, each with the
 * enrolled person who sent it. Both are pulled like assignments, so a new laptop gets every Member of its
 * office and their whole history. UNIQUE (member_id, version) makes two laptops racing on one version safe:
 * one inserts, the other is refused as stale.
 */
export const migration011 = {
  version: 11,
  name: 'member-records',
  sql: `
CREATE TABLE members (
  id uuid PRIMARY KEY,
  account_number text NOT NULL UNIQUE,
  legal_name text NOT NULL,
  entity_type text NOT NULL,
  city text NOT NULL DEFAULT '',
  country text NOT NULL DEFAULT '',
  correspondence_language text NOT NULL DEFAULT 'en',
  field_office text NOT NULL,
  version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  pull_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  pull_seq bigint NOT NULL DEFAULT nextval('pull_stamp_seq')
);
CREATE INDEX members_pull ON members (pull_xid, pull_seq);
CREATE INDEX members_field_office ON members (field_office);
CREATE TRIGGER members_pull_stamp BEFORE UPDATE ON members
  FOR EACH ROW EXECUTE FUNCTION pull_stamp();

-- Each Member of the assignments once, as first assigned; its office is the assigned SCSS's.
INSERT INTO members (id, account_number, legal_name, entity_type, city, country, correspondence_language,
                     field_office, updated_at)
SELECT DISTINCT ON (member->>'accountNumber')
  (member->>'id')::uuid, member->>'accountNumber', member->>'legalName', entity_type,
  COALESCE(member->>'city', ''), COALESCE(member->>'country', ''),
  COALESCE(member->>'correspondenceLanguage', 'en'), field_office, created_at
FROM assignments ORDER BY member->>'accountNumber', created_at;

-- The record's changes; actor_* is the enrolled user behind the token that sent it, never the payload.
CREATE TABLE member_record_events (
  id uuid PRIMARY KEY,
  member_id uuid NOT NULL REFERENCES members (id),
  version integer NOT NULL CHECK (version > 0),
  kind text NOT NULL,
  change jsonb NOT NULL,
  content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  actor_user_id uuid NOT NULL REFERENCES users (id),
  actor_name text NOT NULL,
  actor_role text NOT NULL,
  device_id uuid REFERENCES devices (id),
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  pull_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  pull_seq bigint NOT NULL DEFAULT nextval('pull_stamp_seq'),
  UNIQUE (member_id, version)
);
CREATE INDEX member_record_events_pull ON member_record_events (pull_xid, pull_seq);
`,
};
