import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/connection';
import {
  DatabaseTooNewError,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
  migrate,
  schemaVersion,
} from '../../db/migrations/index';
import { renderSchemaSnapshot } from '../../db/schema-snapshot';
import {
  cleanupTempDbs,
  countRows,
  createMigratedDb,
  createTempDb,
  insertEditionRow,
  insertMemberRow,
  makeTempDir,
  tableNames,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

const brokenFourth: Migration = {
  version: MIGRATIONS.length + 1,
  name: '004-broken',
  up(db) {
    db.exec('CREATE TABLE half_done (x TEXT) STRICT');
    db.exec("UPDATE members SET legal_name = 'CHANGED'");
    throw new Error('disk full halfway through 004');
  },
};
const withBrokenFourth: readonly Migration[] = [...MIGRATIONS, brokenFourth];

describe('migrate', () => {
  it('ships migrations numbered 1..N and a matching LATEST_SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    const db = createTempDb();
    const misnumbered = [MIGRATIONS[1] as Migration];
    expect(() => migrate(db, misnumbered)).toThrow(/numbered 2, expected 1/);
    expect(schemaVersion(db)).toBe(0);
  });

  it('runs every pending migration in one transaction: a failure in the last rolls all of them back', () => {
    const db = createMigratedDb(1);
    insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
    insertEditionRow(db);

    expect(() => migrate(db, withBrokenFourth)).toThrow('disk full halfway through 004');

    // Neither 002 nor 003 (which succeeded before 004 threw) left anything behind.
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['catalog_editions', 'members']);
    expect(db.prepare('SELECT legal_name FROM members').get()).toEqual({ legal_name: 'Gulf Coast Imports' });

    // The store is still usable: the shipped migrations then apply normally.
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(db)).toContain('audit_log');
    expect(countRows(db, 'members')).toBe(1);
  });

  it('leaves a brand-new store empty at version 0 when a migration fails', () => {
    const db = createTempDb();
    expect(() => migrate(db, withBrokenFourth)).toThrow(/disk full/);
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('runs only the migrations after the stored version, once each', () => {
    const db = createMigratedDb(2);
    const spied = MIGRATIONS.map((m) => ({ ...m, up: vi.fn(m.up) }));
    const pendingOnce = MIGRATIONS.map((_, i) => (i < 2 ? 0 : 1));
    expect(migrate(db, spied)).toBe(MIGRATIONS.length);
    expect(spied.map((m) => m.up.mock.calls.length)).toEqual(pendingOnce);
    expect(migrate(db, spied)).toBe(MIGRATIONS.length);
    expect(spied.map((m) => m.up.mock.calls.length)).toEqual(pendingOnce);
  });
});

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL and enforced foreign keys on every connection', () => {
    const file = path.join(makeTempDir(), 'store.sqlite3');
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });

  it('reopening a migrated store is a no-op: same schema, same data, same version', () => {
    const file = path.join(makeTempDir(), 'store.sqlite3');
    const first = openDatabase(file);
    insertMemberRow(first, UUIDS.member1, 'IMP-1');
    const snapshot = renderSchemaSnapshot(first);
    first.close();

    const second = openDatabase(file);
    try {
      expect(renderSchemaSnapshot(second)).toBe(snapshot);
      expect(countRows(second, 'members')).toBe(1);
      const spied = MIGRATIONS.map((m) => ({ ...m, up: vi.fn(m.up) }));
      expect(migrate(second, spied)).toBe(LATEST_SCHEMA_VERSION);
      expect(spied.every((m) => m.up.mock.calls.length === 0)).toBe(true);
    } finally {
      second.close();
    }
  });

  it('refuses a store written by a newer app version, says so, and changes nothing', () => {
    const file = path.join(makeTempDir(), 'store.sqlite3');
    const newer = new Database(file);
    newer.pragma('journal_mode = WAL');
    newer.exec("CREATE TABLE future_thing (x TEXT); INSERT INTO future_thing VALUES ('keep me')");
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const bytesBefore = fs.readFileSync(file);

    let error: unknown;
    try {
      openDatabase(file).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    const tooNew = error as DatabaseTooNewError;
    expect(tooNew.code).toBe('DATABASE_TOO_NEW');
    expect(tooNew.found).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(tooNew.supported).toBe(LATEST_SCHEMA_VERSION);
    expect(tooNew.message).toMatch(/written by a newer version of CTPAT Validator/);
    expect(tooNew.message).toMatch(/Nothing was changed/);
    expect(tooNew.message).toMatch(/Install the latest CTPAT Validator/);

    expect(fs.readFileSync(file).equals(bytesBefore)).toBe(true);
    const check = new Database(file, { readonly: true });
    try {
      expect(schemaVersion(check)).toBe(LATEST_SCHEMA_VERSION + 5);
      expect(tableNames(check)).toEqual(['future_thing']);
      expect(check.prepare('SELECT x FROM future_thing').all()).toEqual([{ x: 'keep me' }]);
    } finally {
      check.close();
    }
  });

  it('migrate refuses a newer store directly too, before touching it', () => {
    const db = createTempDb();
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(DatabaseTooNewError);
    expect(tableNames(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
  });
});
