/**
 * Every audit-chain head a laptop reported with a push, so HQ can tell a chain that only grew from one cut
 * short or rewritten on the laptop (neither can be seen from the laptop's own store). A device whose chain
 * no longer holds a head HQ recorded is marked, with what was seen.
 */
export const migration005 = {
  version: 5,
  name: 'audit-heads',
  sql: `
CREATE TABLE device_audit_heads (
  device_id   uuid NOT NULL REFERENCES devices (id),
  seq         bigint NOT NULL CHECK (seq >= 0),
  hash        text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, seq, hash)
);

ALTER TABLE devices ADD COLUMN audit_chain_broken_at timestamptz;
ALTER TABLE devices ADD COLUMN audit_chain_broken_detail text;
`,
};
