import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { cleanupTempDbs, columns, createMigratedDb } from './helpers';

afterEach(cleanupTempDbs);

describe('migration 020: a decision names the finding version it was made on', () => {
  it('adds finding_version to finding_reviews, empty for decisions a version-19 store holds', () => {
    const db = createMigratedDb(19);
    db.prepare(
      `INSERT INTO finding_reviews (validation_id, finding_id, decision, comment, proposed_classification, reviewed_at,
                                    reviewed_by, version, base_version)
       VALUES ('v1', 'f1', 'CONCUR', '', NULL, '2026-11-20T15:00:00.000Z', 'Sam Ortiz', 1, 0)`,
    ).run();
    expect(migrate(db, MIGRATIONS, 20)).toBe(20);
    expect(schemaVersion(db)).toBe(20);
    expect(columns(db, 'finding_reviews').map((c) => c.name)).toContain('finding_version');
    expect(db.prepare('SELECT decision, finding_version FROM finding_reviews').get()).toEqual({
      decision: 'CONCUR',
      finding_version: null,
    });
  });
});
