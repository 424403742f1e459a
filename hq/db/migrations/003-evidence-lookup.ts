/**
 * An evidence upload is authorised by finding the evidence record that names its SHA-256; without this index
 * that is a scan of every evidence record HQ holds.
 */
export const migration003 = {
  version: 3,
  name: 'evidence-lookup',
  sql: `
CREATE INDEX records_evidence_sha256 ON records ((payload->>'sha256')) WHERE entity = 'evidence';
`,
};
