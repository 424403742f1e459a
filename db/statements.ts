import type Database from 'better-sqlite3';

const plain = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const plucked = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function cached(
  caches: WeakMap<Database.Database, Map<string, Database.Statement>>,
  db: Database.Database,
  sql: string,
  prepare: (sql: string) => Database.Statement,
): Database.Statement {
  let perDb = caches.get(db);
  if (!perDb) {
    perDb = new Map();
    caches.set(db, perDb);
  }
  let prepared = perDb.get(sql);
  if (!prepared) {
    prepared = prepare(sql);
    perDb.set(sql, prepared);
  }
  return prepared;
}

/**
 * Prepares each SQL text once per connection; hot paths (saving an answer) reuse the statement. Its mode is shared
 * by every caller of the same SQL, so never change it (`.pluck()`, `.raw()`): use pluckStmt for the first column.
 */
export function stmt(db: Database.Database, sql: string): Database.Statement {
  return cached(plain, db, sql, (text) => db.prepare(text));
}

/** Like stmt, for a statement that returns each row's first column only; cached apart from the plain one. */
export function pluckStmt(db: Database.Database, sql: string): Database.Statement {
  return cached(plucked, db, sql, (text) => db.prepare(text).pluck());
}
