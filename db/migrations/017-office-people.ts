import type { Migration } from './index';

/**
 * The people of the enrolled person's field office as HQ's last pull listed them (id, name, role): a supervisor
 * assigns a Member's validation to one of its SCSSs. Replaced whole by each pull that lists them.
 */
export const migration017OfficePeople: Migration = {
  // Numbered after 015 on this branch; it becomes 17 when merged after 016 (member record sync state).
  version: 17,
  name: '017-office-people',
  up(db) {
    db.exec(`
      CREATE TABLE office_people (
        user_id    TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        role       TEXT NOT NULL,
        pulled_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
