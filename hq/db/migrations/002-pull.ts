/**
 * What a desktop pulls: published catalog editions, assignments, and every row a pull can
 * return stamped with its position in one order, kept by defaults and triggers so writers (push) need not know.
 *
 * The position is (pull_xid, pull_seq): the writing transaction's id, then a value from one sequence. A pull
 * returns only rows whose transaction id is below the oldest transaction still running, so a transaction
 * that took its stamp early but commits late is never jumped over; see hq/pull.ts.
 */
export const migration002 = {
  version: 2,
  name: 'pull',
  sql: `
CREATE SEQUENCE pull_stamp_seq;

-- An insert is stamped by the column defaults; an update by this trigger.
CREATE FUNCTION pull_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.pull_xid := pg_current_xact_id();
  NEW.pull_seq := nextval('pull_stamp_seq');
  RETURN NEW;
END
$$;

-- Changed records move their validations to the end of the pull order, once per statement and at most once
-- per transaction: a pull reads a validation's records as they are then, so one stamp per transaction is enough.
CREATE FUNCTION pull_stamp_validations_of_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE validations SET pull_xid = pg_current_xact_id()
  WHERE id IN (SELECT validation_id FROM changed_records) AND pull_xid <> pg_current_xact_id();
  RETURN NULL;
END
$$;

-- The volatile defaults stamp each existing validation as the column is added.
ALTER TABLE validations
  ADD COLUMN pull_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  ADD COLUMN pull_seq bigint NOT NULL DEFAULT nextval('pull_stamp_seq');
CREATE INDEX validations_pull ON validations (pull_xid, pull_seq);
CREATE TRIGGER validations_pull_stamp BEFORE UPDATE ON validations
  FOR EACH ROW EXECUTE FUNCTION pull_stamp();
CREATE TRIGGER records_insert_pull_stamp AFTER INSERT ON records REFERENCING NEW TABLE AS changed_records
  FOR EACH STATEMENT EXECUTE FUNCTION pull_stamp_validations_of_records();
CREATE TRIGGER records_update_pull_stamp AFTER UPDATE ON records REFERENCING NEW TABLE AS changed_records
  FOR EACH STATEMENT EXECUTE FUNCTION pull_stamp_validations_of_records();
CREATE TRIGGER records_delete_pull_stamp AFTER DELETE ON records REFERENCING OLD TABLE AS changed_records
  FOR EACH STATEMENT EXECUTE FUNCTION pull_stamp_validations_of_records();

-- MSC catalog editions HQ has published (npm run hq -- publish-catalog); immutable once published.
CREATE TABLE catalog_editions (
  id text PRIMARY KEY,
  published_at timestamptz NOT NULL DEFAULT now(),
  edition jsonb NOT NULL,
  content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  pull_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  pull_seq bigint NOT NULL DEFAULT nextval('pull_stamp_seq')
);
CREATE INDEX catalog_editions_pull ON catalog_editions (pull_xid, pull_seq);
CREATE TRIGGER catalog_editions_pull_stamp BEFORE UPDATE ON catalog_editions
  FOR EACH ROW EXECUTE FUNCTION pull_stamp();

-- A Member validation assigned to an SCSS (npm run hq -- assign); member holds what the desktop's Member needs.
CREATE TABLE assignments (
  id uuid PRIMARY KEY,
  member jsonb NOT NULL,
  entity_type text NOT NULL
    CHECK (entity_type IN ('IMP', 'EXP', 'FM', 'HC', 'LHC', 'AIR', 'RAIL', 'SEA', '3PL', 'CONS', 'CB', 'MPTO')),
  mode text NOT NULL CHECK (mode IN ('IN_PERSON', 'VIRTUAL')),
  target_date date NOT NULL,
  assigned_user_id uuid NOT NULL REFERENCES users (id),
  field_office text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  pull_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  pull_seq bigint NOT NULL DEFAULT nextval('pull_stamp_seq')
);
CREATE INDEX assignments_pull ON assignments (assigned_user_id, pull_xid, pull_seq);
CREATE INDEX assignments_member_account ON assignments ((member->>'accountNumber'));
CREATE TRIGGER assignments_pull_stamp BEFORE UPDATE ON assignments
  FOR EACH ROW EXECUTE FUNCTION pull_stamp();
`,
};
