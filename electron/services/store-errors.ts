import { AppError, type ErrorCode } from '../../shared/ipc/envelope';
import { type MessageKey, message } from '../../shared/messages';

/**
 * Failures of the local store (the database and the data folder) the SCSS can do something about, told
 * apart by SQLite's (extended) result code or the operating system's error code.
 */

/**
 * `key`: the whole message when a request failed (what happened, that nothing was saved, what to do);
 * `openKey`: the same when the data folder could not be opened at start-up.
 */
type StoreFailure = { code: ErrorCode; key: MessageKey; openKey: MessageKey };

const DISK_FULL: StoreFailure = {
  code: 'STORE_DISK_FULL',
  key: 'store.diskFull',
  openKey: 'startup.diskFull',
};
const READ_ONLY: StoreFailure = {
  code: 'STORE_READ_ONLY',
  key: 'store.readOnly',
  openKey: 'startup.readOnly',
};
const LOCKED: StoreFailure = {
  code: 'STORE_LOCKED',
  key: 'store.locked',
  openKey: 'startup.locked',
};
const CORRUPT: StoreFailure = {
  code: 'STORE_CORRUPT',
  key: 'store.corrupt',
  openKey: 'startup.corrupt',
};

const hasPrefix = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code.startsWith(p));

/** Which store failure `error` is, or null for anything else (a bug, a refused request). */
export function classifyStoreFailure(error: unknown): StoreFailure | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return DISK_FULL;
  if (hasPrefix(code, ['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM'])) return READ_ONLY;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return READ_ONLY;
  if (hasPrefix(code, ['SQLITE_BUSY', 'SQLITE_LOCKED'])) return LOCKED;
  if (hasPrefix(code, ['SQLITE_CORRUPT', 'SQLITE_NOTADB'])) return CORRUPT;
  return null;
}

/** The error a handler's store failure becomes: what happened, that nothing was saved, and what to do. */
export function storeFailureOnRequest(error: unknown): AppError | null {
  const failure = classifyStoreFailure(error);
  if (!failure) return null;
  return new AppError(failure.code, message(failure.key));
}

/** The error opening the data folder becomes, shown instead of a stack trace. */
export function storeFailureOnOpen(error: unknown, dataDir: string): AppError | null {
  const failure = classifyStoreFailure(error);
  if (!failure) return null;
  return new AppError(failure.code, message(failure.openKey, { dir: dataDir }));
}
