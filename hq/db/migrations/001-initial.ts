/** Identity (users, one-time enrolment codes, revocable devices), received validations and changes. */
export const migration001 = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE users (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('SCSS', 'FIELD_OFFICE_REVIEWER', 'SUPERVISOR', 'HQ_ANALYST')),
  field_office text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (name, role, field_office)
);

CREATE TABLE enrolment_codes (
  code_sha256 text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL,
  token_sha256 text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- One row per validation received; the SCSS who created it owns it until it is submitted.
CREATE TABLE validations (
  id uuid PRIMARY KEY,
  owner_user_id uuid NOT NULL REFERENCES users (id),
  field_office text NOT NULL,
  status text NOT NULL CHECK (status IN ('IN_PROGRESS', 'SUBMITTED')),
  content_sha256 text,
  version integer NOT NULL,
  payload jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX validations_field_office ON validations (field_office);
CREATE INDEX validations_owner ON validations (owner_user_id);

-- Every other entity of a validation (responses, findings, sites, evidence records…), keyed as the desktop keys it.
CREATE TABLE records (
  entity text NOT NULL,
  entity_id text NOT NULL,
  validation_id uuid NOT NULL REFERENCES validations (id),
  version integer NOT NULL,
  payload jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (entity, entity_id)
);
CREATE INDEX records_validation ON records (validation_id);

-- The at-most-once ledger: a change id is applied once; its canonical hash tells a retry from a clash.
CREATE TABLE changes (
  change_id uuid PRIMARY KEY,
  content_sha256 text NOT NULL,
  device_id uuid NOT NULL REFERENCES devices (id),
  validation_id uuid NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  operation text NOT NULL,
  received_at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('applied'))
);

-- Evidence files held at HQ, by SHA-256 (filled by the evidence upload).
CREATE TABLE evidence_files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL,
  received_at timestamptz NOT NULL
);
`,
};
