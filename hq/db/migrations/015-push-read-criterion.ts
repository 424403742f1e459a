/**
 * The push's first read (migration 010) also answers each record's criterion: evidence filed under a finding
 * must name that finding's criterion, and the finding may have come in an earlier push. Only the records part
 * changes; the lock and the ledger read are as in 010.
 */
export const migration015 = {
  version: 15,
  name: 'push-read-criterion',
  sql: `
CREATE OR REPLACE FUNCTION push_lock_and_read(validation_ids uuid[], change_ids uuid[], record_keys jsonb)
RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  locked jsonb;
BEGIN
  SELECT coalesce(jsonb_agg(jsonb_build_array(v.id, v.owner_user_id, v.field_office, v.status, v.workflow_state,
                                              v.content_sha256, v.version, v.payload)), '[]'::jsonb)
  INTO locked
  FROM (SELECT id, owner_user_id, field_office, status, workflow_state, content_sha256, version, payload
        FROM validations WHERE id = ANY(validation_ids) ORDER BY id FOR UPDATE) v;
  RETURN jsonb_build_object(
    'validations', locked,
    'ledger', (SELECT coalesce(jsonb_agg(jsonb_build_array(c.change_id, c.content_sha256, c.received_at)), '[]'::jsonb)
               FROM unnest(change_ids) AS k(id)
               CROSS JOIN LATERAL (SELECT change_id, content_sha256, received_at FROM changes
                                   WHERE change_id = k.id LIMIT 1) c),
    'records', (SELECT coalesce(jsonb_agg(jsonb_build_array(r.entity, r.entity_id, r.validation_id, r.version,
                                                            r.criterion_id)), '[]'::jsonb)
                FROM jsonb_to_recordset(record_keys) AS k(entity text, "entityId" text)
                JOIN records r ON r.entity = k.entity AND r.entity_id = k."entityId"));
END
$$;
`,
};
