/**
 * Who proved they hold each evidence file by uploading its bytes. A record naming a file lets its validation's
 * readers download it only when that validation's SCSS is among them (hq/evidence-upload.ts), so knowing a
 * SHA-256 and naming it in one's own record grants nothing. Files received before this migration are credited to
 * the SCSSs whose naming record reached HQ no later than the file: HQ took a file only from an SCSS whose record
 * already named it, so the uploader is among them, and a record that named a held file afterwards is not.
 */
export const migration014 = {
  version: 14,
  name: 'evidence-file-holders',
  sql: `
CREATE TABLE evidence_file_holders (
  sha256 text NOT NULL REFERENCES evidence_files (sha256),
  user_id uuid NOT NULL REFERENCES users (id),
  -- When this user's upload of the file finished (for a file received before migration 014: the file's arrival).
  received_at timestamptz NOT NULL,
  PRIMARY KEY (sha256, user_id)
);

INSERT INTO evidence_file_holders (sha256, user_id, received_at)
WITH first_arrival AS (
  SELECT entity, entity_id, min(received_at) AS received_at FROM changes
  WHERE entity IN ('evidence', 'member_response') GROUP BY entity, entity_id
), naming AS (
  SELECT f.sha256, r.entity, r.entity_id, r.validation_id, f.received_at FROM evidence_files f
  JOIN records r ON r.entity = 'evidence' AND r.payload->>'sha256' = f.sha256
  UNION ALL
  SELECT f.sha256, r.entity, r.entity_id, r.validation_id, f.received_at FROM evidence_files f
  JOIN records r ON r.entity = 'member_response' AND r.payload->'evidenceSha256' @> jsonb_build_array(f.sha256)
)
SELECT DISTINCT n.sha256, v.owner_user_id, n.received_at FROM naming n
JOIN validations v ON v.id = n.validation_id
JOIN first_arrival a ON a.entity = n.entity AND a.entity_id = n.entity_id AND a.received_at <= n.received_at;
`,
};
