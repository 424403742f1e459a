/**
 * A push's first read in one round trip (hq/push-store.ts): lock the validations its batch touches, in id order,
 * then read the ledger rows of its change ids and the records it names. PL/pgSQL takes a new snapshot for each
 * statement of a volatile function, so the read sees what a twin that held one of the locks committed, as it
 * would as a separate statement. The ledger is read one primary-key lookup per id (see READ_LEDGER_SQL).
 */
export const migration010 = {
  version: 10,
  name: 'push-read',
  sql: `
CREATE FUNCTION push_lock_and_read(validation_ids uuid[], change_ids uuid[], record_keys jsonb)
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
    'records', (SELECT coalesce(jsonb_agg(jsonb_build_array(r.entity, r.entity_id, r.validation_id, r.version)),
                                '[]'::jsonb)
                FROM jsonb_to_recordset(record_keys) AS k(entity text, "entityId" text)
                JOIN records r ON r.entity = k.entity AND r.entity_id = k."entityId"));
END
$$;
`,
};
