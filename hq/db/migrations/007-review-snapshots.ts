/**
 * What the reviewer judged: when a validation is returned for correction, its content records as they stood
 * are kept, so whoever reviews it next (on any laptop) sees what changed since the return. Written by a trigger
 * on the return event's own insert, so it is in the same transaction whatever path stored the event.
 */
export const migration007 = {
  version: 7,
  name: 'review-snapshots',
  sql: `
CREATE TABLE review_snapshots (
  validation_id uuid PRIMARY KEY REFERENCES validations (id),
  return_event_id text NOT NULL,
  taken_at timestamptz NOT NULL,
  records jsonb NOT NULL
);

CREATE FUNCTION keep_review_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO review_snapshots (validation_id, return_event_id, taken_at, records)
  SELECT NEW.validation_id, NEW.entity_id, (NEW.payload->>'at')::timestamptz,
         COALESCE(jsonb_agg(jsonb_build_object('entity', r.entity, 'entityId', r.entity_id, 'version', r.version,
                                               'payload', r.payload) ORDER BY r.entity, r.entity_id), '[]'::jsonb)
  FROM records r
  WHERE r.validation_id = NEW.validation_id
    AND r.entity IN ('criterion_response', 'site', 'finding', 'observation', 'evidence', 'inspection_checklist',
                     'virtual_session')
  ON CONFLICT (validation_id) DO UPDATE SET return_event_id = excluded.return_event_id,
    taken_at = excluded.taken_at, records = excluded.records;
  RETURN NULL;
END;
$$;

CREATE TRIGGER records_keep_review_snapshot AFTER INSERT ON records
  FOR EACH ROW WHEN (NEW.entity = 'workflow_event' AND NEW.payload->>'kind' = 'RETURN')
  EXECUTE FUNCTION keep_review_snapshot();
`,
};
