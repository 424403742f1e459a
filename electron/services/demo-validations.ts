import type { Db } from '../../db/connection';
import { pluckStmt } from '../../db/statements';

/**
 * Demo Members (seeded on first run, account numbers DEMO-…) are for trying the app out: nothing of their
 * validations is queued for HQ. A store opts in once (openAppServices); the answer per validation is cached,
 * since the check runs on every save (a validation's Member never changes).
 */
export const DEMO_ACCOUNT_PREFIX = 'DEMO-';

export const isDemoAccount = (accountNumber: string): boolean => accountNumber.startsWith(DEMO_ACCOUNT_PREFIX);

const demoByValidation = new WeakMap<Db, Map<string, boolean>>();

/** From now on, this store keeps demo validations on this computer. */
export function keepDemoValidationsLocal(db: Db): void {
  if (!demoByValidation.has(db)) demoByValidation.set(db, new Map());
}

/** Whether this store keeps demo validations local (the app and the web harness do). */
export const keepsDemoValidationsLocal = (db: Db): boolean => demoByValidation.has(db);

/**
 * Whether the validation belongs to a demo Member and so stays on this computer. A validation this laptop
 * does not hold (a reviewer's pulled copy) is not a demo one. Only answers true when the store opted in.
 */
export function isDemoValidation(db: Db, validationId: string): boolean {
  const cache = demoByValidation.get(db);
  if (!cache) return false;
  const known = cache.get(validationId);
  if (known !== undefined) return known;
  const account = pluckStmt(
    db,
    'SELECT m.account_number FROM validations v JOIN members m ON m.id = v.member_id WHERE v.id = ?',
  ).get(validationId) as string | undefined;
  // Not cached while unknown: the validation may be created in this very transaction.
  if (account === undefined) return false;
  const demo = isDemoAccount(account);
  cache.set(validationId, demo);
  return demo;
}

/** Whether a validation of this Member would stay local: for the create change, before its row exists. */
export function isDemoMemberOf(db: Db, accountNumber: string): boolean {
  return keepsDemoValidationsLocal(db) && isDemoAccount(accountNumber);
}
