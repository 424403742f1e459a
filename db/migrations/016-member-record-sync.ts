import type { Migration } from './index';

/**
 * A Member's record syncs with HQ. Each change says whether HQ holds it yet; a change HQ
 * refused leaves the versioned record for member_record_refused, kept with HQ's message so the person can see
 * and redo it. `hq_member_id` is HQ's id for a Member this laptop created before HQ knew it (HQ matched it by
 * CTPAT account number); pulled changes name that id.
 */
export const migration016MemberRecordSync: Migration = {
  version: 16,
  name: '016-member-record-sync',
  up(db) {
    db.exec(`
      ALTER TABLE member_record_events ADD COLUMN sync_state TEXT NOT NULL DEFAULT 'UNSENT'
        CHECK (sync_state IN ('UNSENT', 'SENT'));
      CREATE INDEX member_record_events_unsent ON member_record_events (member_id, version)
        WHERE sync_state = 'UNSENT';
      ALTER TABLE members ADD COLUMN hq_member_id TEXT;
      CREATE UNIQUE INDEX members_hq_member_id ON members (hq_member_id) WHERE hq_member_id IS NOT NULL;
      CREATE TABLE member_record_refused (
        id           TEXT PRIMARY KEY,
        member_id    TEXT NOT NULL,
        base_version INTEGER NOT NULL CHECK (base_version >= 0),
        kind         TEXT NOT NULL,
        change_json  TEXT NOT NULL,
        at           TEXT NOT NULL,
        actor_json   TEXT,
        actor_name   TEXT NOT NULL,
        refused_at   TEXT NOT NULL,
        reason_json  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX member_record_refused_member ON member_record_refused (member_id, refused_at);
    `);
  },
};
