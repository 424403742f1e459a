/**
 * npm run verify -- [--data-dir=PATH] [--expect-head=SEQ:HASH]
 * Checks the local store's hash-chained audit log, read-only. Exit 0: intact; 1: broken; 2: could not check.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME } from '../electron/services/app-services';
import { runAuditCheck } from '../electron/services/audit-verify';
import { describeAuditVerification } from '../electron/services/audit-verify-report';
import { stringOptions, UsageError } from '../electron/services/cli-options';
import { resolveDataDir } from '../electron/services/data-dir';

const USAGE = 'Usage: npm run verify -- [--data-dir=PATH] [--expect-head=SEQ:HASH]';

function expectedHead(arg: string | undefined): { seq: number; hash: string } | undefined {
  if (arg === undefined) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(arg);
  if (!match) throw new Error('--expect-head takes SEQ:HASH, e.g. --expect-head=1200:3f…(64 hex digits)');
  return { seq: Number(match[1]), hash: match[2] as string };
}

/**
 * The store opened so that not a byte in its folder changes: no migration, no pragma that writes, and no
 * -wal/-shm files left behind (SQLite creates them even for a read-only WAL connection).
 */
function openUntouched(file: string): Database.Database {
  // A -wal file means the app has it open (or was not closed cleanly): its newest changes live there.
  if (existsSync(`${file}-wal`)) return new Database(file, { readonly: true, fileMustExist: true });
  // Closed cleanly, the file is the whole store: read it into memory, marked rollback-journal (header bytes 18-19)
  // because an in-memory database cannot use WAL. Only the copy is changed.
  const copy = readFileSync(file);
  copy[18] = 1;
  copy[19] = 1;
  return new Database(copy, { readonly: true });
}

function main(argv: readonly string[]): number {
  let options: ReturnType<typeof stringOptions<'data-dir' | 'expect-head'>>;
  try {
    options = stringOptions(argv, ['data-dir', 'expect-head'], USAGE);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  // Same resolution as the web harness: --data-dir beats CTPAT_DATA_DIR beats ./.data
  const dataDir = path.resolve(resolveDataDir(argv, process.env, path.join(process.cwd(), '.data')));
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  if (!existsSync(file)) {
    console.error(`No CTPAT Validator store at ${file}. Pass --data-dir=PATH (the folder that holds it).`);
    return 2;
  }
  const knownHead = expectedHead(options['expect-head']);
  const db = openUntouched(file);
  try {
    const verification = runAuditCheck(db, new Date().toISOString(), knownHead ? { knownHead } : {});
    for (const line of describeAuditVerification(verification, file)) console.log(line);
    return verification.intact ? 0 : 1;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`Could not check the audit log: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
