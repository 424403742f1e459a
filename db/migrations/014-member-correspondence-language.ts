import type { Migration } from './index';

/**
 * The language CBP writes to a Member in (English or Spanish): the Member-facing report and letter are rendered in
 * it. Members known before this migration are written to in English until their record says otherwise.
 */
export const migration014MemberCorrespondenceLanguage: Migration = {
  version: 14,
  name: '014-member-correspondence-language',
  up(db) {
    db.exec(`
      ALTER TABLE members ADD COLUMN correspondence_language TEXT NOT NULL DEFAULT 'en'
        CHECK (correspondence_language IN ('en', 'es'));
    `);
  },
};
