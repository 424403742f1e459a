import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { getValidation, markReopened, markSubmitted } from '../../db/queries/validations';
import { AT, cleanupTempDbs, columns, createMigratedDb, insertSubmittedAndInProgress, UUIDS } from './helpers';

afterEach(cleanupTempDbs);

const SHA = 'd'.repeat(64);

/** A version-12 store: one validation signed and submitted, one in progress; upgraded to version 13. */
function storeUpgradedTo13(): Db {
  const db = createMigratedDb(12);
  insertSubmittedAndInProgress(db, SHA);
  expect(migrate(db, MIGRATIONS, 13)).toBe(13);
  return db;
}

const languageOf = (db: Db, id: string) =>
  db.prepare('SELECT worksheet_language FROM validations WHERE id = ?').pluck().get(id);

describe('migration 013: the language a worksheet was signed in', () => {
  it('leaves the language empty on validations submitted before it, keeping their signature and fingerprint', () => {
    const db = storeUpgradedTo13();
    expect(schemaVersion(db)).toBe(13);
    expect(columns(db, 'validations').find((c) => c.name === 'worksheet_language')).toMatchObject({
      type: 'TEXT',
      notnull: 0,
      dflt_value: null,
    });
    expect(languageOf(db, UUIDS.validation1)).toBeNull();
    expect(languageOf(db, UUIDS.validation2)).toBeNull();
    expect(getValidation(db, UUIDS.validation1)).toMatchObject({
      status: 'SUBMITTED',
      submittedAt: AT,
      signedByName: 'Dana Ruiz',
      contentSha256: SHA,
    });
  });

  it('records the language of a submit made after the upgrade, clears it on reopen, and takes English or Spanish only', () => {
    const db = storeUpgradedTo13();
    const signature = { submittedAt: AT, submittedBy: 'Dana Ruiz', signedByName: 'Dana Ruiz', contentSha256: SHA };
    markSubmitted(db, UUIDS.validation2, { ...signature, worksheetLanguage: 'es' });
    expect(languageOf(db, UUIDS.validation2)).toBe('es');
    markReopened(db, UUIDS.validation2, AT, 'The Member sent a revised policy.');
    expect(languageOf(db, UUIDS.validation2)).toBeNull();
    expect(() =>
      db.prepare(`UPDATE validations SET worksheet_language = 'fr' WHERE id = ?`).run(UUIDS.validation1),
    ).toThrow(/CHECK constraint failed/);
    expect(languageOf(db, UUIDS.validation1)).toBeNull();
  });
});
