import type { Migration } from './index';

/**
 * A Member's CTPAT record as the changes made to it, in order (shared/domain/member-record): status and tier,
 * profile reviews, extensions, revalidation dates. The record is what they add up to; nothing is overwritten,
 * so the history (who, when, why) is the record itself. `version` is the record version the change made.
 */
export const migration015MemberRecord: Migration = {
  version: 15,
  name: '015-member-record',
  up(db) {
    db.exec(`
      CREATE TABLE member_record_events (
        id           TEXT PRIMARY KEY,
        member_id    TEXT NOT NULL,
        version      INTEGER NOT NULL CHECK (version > 0),
        kind         TEXT NOT NULL,
        change_json  TEXT NOT NULL,
        at           TEXT NOT NULL,
        actor_json   TEXT,
        actor_name   TEXT NOT NULL,
        UNIQUE (member_id, version)
      ) STRICT;
    `);
  },
};
