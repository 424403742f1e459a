import type { Migration } from './index';

/** The pulled records the performance views read: review decisions, approvals (report date), Member responses. */
const LIFECYCLE_ENTITIES = `('finding_review', 'workflow_event', 'member_response')`;

/** Refills one copy's lifecycle records from its records_json; `row` is NEW in a trigger. */
const refill = (row: string) => `
    DELETE FROM hq_lifecycle_records WHERE validation_id = ${row}.id;
    INSERT OR REPLACE INTO hq_lifecycle_records (validation_id, entity, entity_id, version, payload_json)
      SELECT ${row}.id, r.value ->> '$.entity', coalesce(r.value ->> '$.entityId', ''),
        CAST(coalesce(r.value ->> '$.version', 0) AS INTEGER), coalesce(r.value -> '$.payload', '{}')
      FROM json_each(${row}.records_json) r
      WHERE r.value ->> '$.entity' IN ${LIFECYCLE_ENTITIES};`;

/**
 * The six MSC performance views computed on the laptop (electron/services/analytics). HQ's word on
 * the SCSS's own validations (a reviewer's "no finding", the approval's report date, Member responses) arrives
 * inside each pulled copy's records_json, which holds every answer too; parsing thousands of those per view
 * would blow the 200 ms budget, so triggers keep just those records beside the copy, keyed and indexed.
 */
export const migration011AnalyticsIndexes: Migration = {
  version: 11,
  name: '011-analytics-indexes',
  up(db) {
    db.exec(`
      -- A pulled copy's lifecycle records, kept in step with hq_validations.records_json by the triggers below.
      CREATE TABLE hq_lifecycle_records (
        validation_id TEXT NOT NULL,
        entity        TEXT NOT NULL CHECK (entity IN ${LIFECYCLE_ENTITIES}),
        entity_id     TEXT NOT NULL,
        version       INTEGER NOT NULL,
        payload_json  TEXT NOT NULL,
        PRIMARY KEY (validation_id, entity, entity_id)
      ) STRICT, WITHOUT ROWID;

      -- The views look up HQ's few "no finding" reviews by entity instead of reading every pulled record.
      CREATE INDEX hq_lifecycle_records_by_entity ON hq_lifecycle_records (entity);

      CREATE TRIGGER hq_lifecycle_records_on_insert AFTER INSERT ON hq_validations BEGIN${refill('NEW')}
      END;
      CREATE TRIGGER hq_lifecycle_records_on_update AFTER UPDATE OF records_json ON hq_validations BEGIN${refill('NEW')}
      END;
      CREATE TRIGGER hq_lifecycle_records_on_delete AFTER DELETE ON hq_validations BEGIN
        DELETE FROM hq_lifecycle_records WHERE validation_id = OLD.id;
      END;

      INSERT INTO hq_lifecycle_records (validation_id, entity, entity_id, version, payload_json)
        SELECT h.id, r.value ->> '$.entity', coalesce(r.value ->> '$.entityId', ''),
          CAST(coalesce(r.value ->> '$.version', 0) AS INTEGER), coalesce(r.value -> '$.payload', '{}')
        FROM hq_validations h, json_each(h.records_json) r
        WHERE r.value ->> '$.entity' IN ${LIFECYCLE_ENTITIES}
        ON CONFLICT DO NOTHING;

      -- Top deficiencies counts where each candidate criterion was assessed: its ranges here (result included, so no row is read).
      CREATE INDEX criterion_responses_assessed ON criterion_responses (criterion_id, result, validation_id)
        WHERE result IN ('COMPLIANT', 'DEFICIENT');
    `);
  },
};
