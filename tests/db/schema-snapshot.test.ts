import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import { renderSchemaSnapshot, SCHEMA_SNAPSHOT_HEADER } from '../../db/schema-snapshot';
import { cleanupTempDbs, createMigratedDb, tableNames } from './helpers';

afterEach(cleanupTempDbs);

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/SCHEMA.md');

describe('db/SCHEMA.md', () => {
  it('matches the schema the shipped migrations produce', () => {
    const expected = renderSchemaSnapshot(createMigratedDb());
    const committed = fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, 'utf8') : '(missing)';
    expect(
      committed === expected,
      'db/SCHEMA.md is out of date with db/migrations. Run `npm run schema:snapshot` and commit the result.',
    ).toBe(true);
  });

  it('names the command that regenerates it, the schema version and every table with its indexes', () => {
    const db = createMigratedDb();
    const doc = renderSchemaSnapshot(db);
    expect(doc.split('\n')[0]).toBe(SCHEMA_SNAPSHOT_HEADER);
    expect(SCHEMA_SNAPSHOT_HEADER).toContain('npm run schema:snapshot');
    expect(doc).toContain(`Schema version (PRAGMA user_version): **${LATEST_SCHEMA_VERSION}**`);
    const headings = [...doc.matchAll(/^## (\S+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(tableNames(db));
    expect(doc).not.toMatch(/sqlite_(sequence|autoindex)/);
    expect(doc).toContain('CREATE INDEX validations_by_member ON validations (member_id, scheduled_date);');
    expect(doc).toContain("mode               TEXT NOT NULL CHECK (mode IN ('IN_PERSON', 'VIRTUAL')),");
  });

  it('is deterministic and changes when the schema changes', () => {
    const db = createMigratedDb();
    const before = renderSchemaSnapshot(db);
    expect(renderSchemaSnapshot(createMigratedDb())).toBe(before);
    db.exec('CREATE INDEX members_by_country ON members (country)');
    const after = renderSchemaSnapshot(db);
    expect(after).not.toBe(before);
    expect(after).toContain('CREATE INDEX members_by_country ON members (country);');
  });
});
