import Database from 'better-sqlite3';
import { migrate } from './migrations';

export type Db = Database.Database;

/** Pragmas the whole app relies on: an answer shown saved survives a power cut (synchronous=FULL). */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Rewrites the schema version unchanged: a store that cannot be written (read-only file or folder, locked,
 * disk full) is then reported when the app opens, not on the SCSS's first save.
 */
function proveWritable(db: Db): void {
  db.pragma(`user_version = ${Number(db.pragma('user_version', { simple: true }))}`);
}

/** Opens (creating if needed) the local store at `file` and brings its schema up to date. */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  try {
    applyPragmas(db);
    migrate(db);
    proveWritable(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
