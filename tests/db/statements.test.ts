import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pluckStmt, stmt } from '../../db/statements';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('cached statements', () => {
  const db = new Database(':memory:');
  afterEach(() => db.exec('DROP TABLE IF EXISTS t'));

  it('a plucked statement and a plain one of the same SQL each keep their own mode', () => {
    db.exec("CREATE TABLE t (id TEXT, name TEXT); INSERT INTO t VALUES ('a', 'Alpha')");
    const sql = 'SELECT id, name FROM t';
    expect(pluckStmt(db, sql).get()).toBe('a');
    // Before the split, the .pluck() above changed the one cached statement for every later caller.
    expect(stmt(db, sql).get()).toEqual({ id: 'a', name: 'Alpha' });
    expect(pluckStmt(db, sql).all()).toEqual(['a']);
  });

  it('no module changes the mode of a statement it shares through stmt()', () => {
    const offenders = ['db', 'electron', 'hq'].flatMap((dir) =>
      sourceFiles(path.join(ROOT, dir)).filter((file) =>
        /\bstmt\((?:[^()]|\([^()]*\))*\)\s*\.(?:pluck|raw|expand)\(/.test(readFileSync(file, 'utf8')),
      ),
    );
    expect(offenders.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
