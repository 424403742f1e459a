import type { Migration } from './index';

/**
 * A reviewer's decision names the version of the finding it was made on, so a decision on a finding the SCSS
 * changed after a return no longer counts. Null: a decision recorded before this version; it stands as it is.
 */
export const migration020ReviewFindingVersion: Migration = {
  version: 20,
  name: '020-review-finding-version',
  up(db) {
    db.exec('ALTER TABLE finding_reviews ADD COLUMN finding_version INTEGER;');
  },
};
