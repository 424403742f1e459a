import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyPragmas, type Db } from '../../db/connection';
import { MIGRATIONS, migrate } from '../../db/migrations/index';

const tempDirs = new Set<string>();
const openDbs = new Set<Db>();

/** A fresh, empty directory under the OS temp folder; removed by cleanupTempDbs(). */
export function makeTempDir(prefix = 'ctpat-db-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Opens (or creates) a store file with the app's pragmas but runs no migrations. */
export function openTempDbFile(file: string): Db {
  const db = new Database(file);
  applyPragmas(db);
  openDbs.add(db);
  return db;
}

/** A store FILE (not :memory:, so WAL and durability behave as on a laptop) in a fresh temp directory. */
export function createTempDb(): Db {
  return openTempDbFile(path.join(makeTempDir(), 'store.sqlite3'));
}

/** Like the app's openDatabase, but `target` lets a migration test stop one version short. */
export function createMigratedDb(target: number = MIGRATIONS.length): Db {
  const db = createTempDb();
  migrate(db, MIGRATIONS, target);
  return db;
}

/** Closes every database the helpers opened and deletes every temp directory they made. */
export function cleanupTempDbs(): void {
  for (const db of openDbs) if (db.open) db.close();
  openDbs.clear();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

export function tableNames(db: Db): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

export function indexNames(db: Db, table: string): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")
      .all(table) as { name: string }[]
  ).map((r) => r.name);
}

export type ColumnInfo = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };
export function columns(db: Db, table: string): ColumnInfo[] {
  return db.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as ColumnInfo[];
}

export function countRows(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${JSON.stringify(table)}`).get() as { n: number }).n;
}

/** The `detail` lines of EXPLAIN QUERY PLAN, e.g. "SEARCH v USING INDEX validations_by_member (member_id=?)". */
export function queryPlan(db: Db, sql: string, params: unknown = {}): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params as Record<string, unknown>) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** Runs `fn` and returns the SQL texts it prepared on `db` (the app prepares each hot statement once). */
export function capturePreparedSql(db: Db, fn: () => void): string[] {
  const seen: string[] = [];
  const original = db.prepare.bind(db);
  const spy = ((sql: string) => {
    seen.push(sql);
    return original(sql);
  }) as typeof db.prepare;
  db.prepare = spy;
  try {
    fn();
  } finally {
    db.prepare = original;
  }
  return seen;
}

export const UUIDS = {
  member1: '11111111-1111-4111-8111-111111111111',
  member2: '22222222-2222-4222-8222-222222222222',
  validation1: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  validation2: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  missing: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
} as const;

export const AT = '2026-03-02T14:00:00.000Z';

export function insertMemberRow(
  db: Db,
  id: string,
  accountNumber: string,
  legalName = `Member ${accountNumber}`,
): void {
  db.prepare(
    `INSERT INTO members (id, legal_name, account_number, entity_type, city, country, created_at)
     VALUES (?, ?, ?, 'IMP', 'Houston, TX', 'United States', ?)`,
  ).run(id, legalName, accountNumber, AT);
}

export function insertEditionRow(db: Db, id = 'MSC-2019-11'): void {
  db.prepare(
    `INSERT INTO catalog_editions (id, title, published_on, content_json, content_sha256, installed_at)
     VALUES (?, 'Test edition', '2019-11-27', '{}', ?, ?)`,
  ).run(id, '0'.repeat(64), AT);
}

export type ValidationRowInput = {
  id: string;
  memberId: string;
  mode?: string;
  status?: string;
  scheduledDate?: string;
  editionId?: string;
};

export function insertValidationRow(db: Db, v: ValidationRowInput): void {
  db.prepare(
    `INSERT INTO validations (id, member_id, entity_type, mode, catalog_edition_id, status, scheduled_date,
                              created_at, updated_at, submitted_at, created_by)
     VALUES (@id, @memberId, 'IMP', @mode, @editionId, @status, @scheduledDate, @at, @at, NULL, 'test.scss')`,
  ).run({
    mode: 'IN_PERSON',
    status: 'DRAFT',
    scheduledDate: '2026-03-10',
    editionId: 'MSC-2019-11',
    ...v,
    at: AT,
  });
}

/**
 * One Member with validation 1 signed and submitted (fingerprint `sha`, as a submit before migration 013 wrote it:
 * no language) and validation 2 in progress: the rows most upgrades meet on a field laptop.
 */
export function insertSubmittedAndInProgress(db: Db, sha: string): void {
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertEditionRow(db);
  insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'SUBMITTED' });
  insertValidationRow(db, { id: UUIDS.validation2, memberId: UUIDS.member1, status: 'IN_PROGRESS' });
  db.prepare(
    `UPDATE validations SET submitted_at = ?, submitted_by = 'Dana Ruiz', signed_by_name = 'Dana Ruiz',
       content_sha256 = ? WHERE id = ?`,
  ).run(AT, sha, UUIDS.validation1);
}

export function insertResponseRow(
  db: Db,
  validationId: string,
  criterionId: string,
  result: string | null = 'COMPLIANT',
): void {
  db.prepare(
    `INSERT INTO criterion_responses (validation_id, criterion_id, result, notes, version, updated_at, updated_by)
     VALUES (?, ?, ?, '', 1, ?, 'test.scss')`,
  ).run(validationId, criterionId, result, AT);
}
