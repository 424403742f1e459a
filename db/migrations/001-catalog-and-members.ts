import type { Migration } from './index';

export const migration001CatalogAndMembers: Migration = {
  version: 1,
  name: '001-catalog-and-members',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_editions (
        id            TEXT PRIMARY KEY,
        title         TEXT NOT NULL,
        published_on  TEXT NOT NULL,
        content_json  TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        installed_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE members (
        id             TEXT PRIMARY KEY,
        legal_name     TEXT NOT NULL,
        account_number TEXT NOT NULL UNIQUE,
        entity_type    TEXT NOT NULL,
        city           TEXT NOT NULL DEFAULT '',
        country        TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX members_by_name ON members (legal_name COLLATE NOCASE);
    `);
  },
};
