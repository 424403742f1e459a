import type { Migration } from './index';

/**
 * A Member's descriptive details (legal name, entity type, city, country, language) follow HQ's copy.
 * `hq_updated_at` is the time HQ last changed the copy this laptop holds: a pulled copy replaces the details only
 * when it is newer. Null: the laptop has not taken HQ's details yet (a Member made here, or before this version).
 */
export const migration019MemberDetailsFromHq: Migration = {
  version: 19,
  name: '019-member-details-from-hq',
  up(db) {
    db.exec('ALTER TABLE members ADD COLUMN hq_updated_at TEXT;');
  },
};
