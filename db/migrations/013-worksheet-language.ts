import type { Migration } from './index';

/**
 * A submitted validation records the language its worksheet was shown in when the SCSS signed it
 * (English or Spanish). It is a fact about the signing, not the content: the fingerprint does not include it.
 * Validations submitted before this migration have none (NULL).
 */
export const migration013WorksheetLanguage: Migration = {
  version: 13,
  name: '013-worksheet-language',
  up(db) {
    db.exec(`ALTER TABLE validations ADD COLUMN worksheet_language TEXT CHECK (worksheet_language IN ('en', 'es'));`);
  },
};
