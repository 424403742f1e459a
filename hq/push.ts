import type { Change, Receipt } from '../shared/sync/protocol';
import {
  assignmentIdOf,
  loadAssignmentsOfCreates,
  noteAssignmentStart,
  recordAssignmentStarts,
} from './assignment-starts';
import { type HqDb, type HqQueryable, isUniqueViolation } from './db/types';
import type { Principal } from './identity';
import { timeAheadOfHqClock } from './laptop-clock';
import {
  applyWrite,
  checkChange,
  decideChange,
  heldReceipt,
  NOT_LOADED,
  type RecordKey,
  recordKeyOf,
  recordMapKey,
  validationIdOf,
} from './push-decision';
import {
  answerRefusalsFromLedger,
  checkedChange,
  contentSha256Of,
  fillStalePayloads,
  type Item,
  loadBatchState,
  readLedger,
  toHeld,
  writeBatch,
} from './push-store';
import { refusalOf } from './refusal';

export { changeContentSha256 } from './push-decision';

/**
 * Applies a pushed batch in order and returns one receipt per change. Each payload is checked against its
 * entity's schema first. Fast path: the whole batch in one transaction, read and written with a few set-based
 * statements. If a concurrent push collides with it (unique violation, deadlock, serialization failure)
 * nothing of it is kept and the batch goes again change by change, each in its own transaction, which
 * answers collisions from the ledger.
 */
export async function pushChanges(db: HqDb, principal: Principal, changes: readonly Change[]): Promise<Receipt[]> {
  let items: Item[] | undefined;
  const checkItems = () => changes.map((change): Item => ({ change, checked: checkChange(change) }));
  try {
    // The payloads are checked inside the transaction: while BEGIN travels (see the pg adapter).
    return await db.transaction(async (tx) => {
      items = checkItems();
      // BEGIN answered first, so the batch's first read goes out before the hashing (one turn was not enough).
      await tx.ready;
      return applyBatch(tx, principal, items);
    });
  } catch (error) {
    if (!isConcurrencyCollision(error)) throw error;
  }
  return pushChangesOneByOne(db, principal, items ?? checkItems());
}

const COLLISION_CODES = new Set(['40001', '40P01']);
/** Unique violation, serialization failure or deadlock: a concurrent push got there first. */
const isConcurrencyCollision = (error: unknown): boolean =>
  isUniqueViolation(error) ||
  (typeof error === 'object' && error !== null && COLLISION_CODES.has(String((error as { code?: unknown }).code)));

/** The per-change path: each change in its own transaction, so a collision costs only that change a retry. */
async function pushChangesOneByOne(db: HqDb, principal: Principal, items: readonly Item[]): Promise<Receipt[]> {
  const receipts: Receipt[] = [];
  for (const item of items) receipts.push(await applyChangeAtMostOnce(db, principal, item));
  return receipts;
}

async function applyChangeAtMostOnce(db: HqDb, principal: Principal, item: Item): Promise<Receipt> {
  // A collision means a concurrent request got there first: either the same change id (answer from the
  // ledger) or the same record (evaluate again against what is now stored).
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const [receipt] = await db.transaction((tx) => applyBatch(tx, principal, [item]));
      if (!receipt) throw new Error('applyBatch answered no receipt');
      return receipt;
    } catch (error) {
      if (!isConcurrencyCollision(error)) throw error;
      const [held] = await readLedger(db, [item.change.changeId]);
      if (held) return heldReceipt(item.change.changeId, toHeld(held), contentSha256Of(item));
    }
  }
  throw new Error(`Change ${item.change.changeId} kept colliding with concurrent writes`);
}

/**
 * One transaction's work: lock and read what the batch touches, decide each change in order against the
 * state the earlier ones left, then write the applied ones in one statement.
 */
async function applyBatch(tx: HqQueryable, principal: Principal, items: readonly Item[]): Promise<Receipt[]> {
  const now = new Date();
  const receivedAt = now.toISOString();
  // The content hashes are taken while PostgreSQL locks and reads: they are needed only once it answers.
  const state = await loadBatchState(tx, items, () => {
    for (const item of items) contentSha256Of(item);
  });
  // No round trip unless a create names an assignment.
  const starting = await loadAssignmentsOfCreates(tx, principal.deviceId, items.map(checkedChange));
  state.assignments = starting.assignments;
  const starts: { assignmentId: string; validationId: string; at: string }[] = [];
  const receipts: Receipt[] = [];
  const applied: { item: Item; validationId: string }[] = [];
  const touchedValidations = new Set<string>();
  const touchedRecords = new Map<string, RecordKey>();
  const refused: number[] = [];
  const stalePayloads: { index: number; key: RecordKey }[] = [];

  for (const item of items) {
    const { changeId } = item.change;
    const held = state.ledger.get(changeId.toLowerCase());
    if (held) {
      receipts.push(heldReceipt(changeId, held, contentSha256Of(item)));
      continue;
    }
    const change = checkedChange(item);
    const ahead = change && timeAheadOfHqClock(change.payload, now);
    const decision =
      change === null && 'refusal' in item.checked
        ? { refusal: item.checked.refusal }
        : ahead
          ? { refusal: refusalOf('invalid', ahead) }
          : decideChange(state, principal, change as Change);
    if ('refusal' in decision) {
      const { current, ...rest } = decision.refusal;
      const currentPayload = (current as { payload?: unknown } | undefined)?.payload;
      if (currentPayload === NOT_LOADED && change) {
        stalePayloads.push({ index: receipts.length, key: recordKeyOf(change) });
      }
      refused.push(receipts.length);
      receipts.push({ changeId, ...rest, ...(current !== undefined ? { current } : {}), receivedAt });
      continue;
    }
    for (const write of decision.writes) {
      applyWrite(state, write);
      if (write.to === 'validation') touchedValidations.add(write.validationId);
      else touchedRecords.set(recordMapKey(write.key), write.key);
    }
    state.ledger.set(changeId.toLowerCase(), { contentSha256: contentSha256Of(item), receivedAt });
    const assignmentId = assignmentIdOf(change as Change);
    if (assignmentId) {
      const start = {
        assignmentId,
        validationId: validationIdOf(change as Change),
        at: String(change?.payload.createdAt),
      };
      starts.push(start);
      noteAssignmentStart(state.assignments, { ...start, deviceName: starting.deviceName });
    }
    applied.push({ item, validationId: validationIdOf(change as Change) });
    receipts.push({ changeId, outcome: 'applied', receivedAt });
  }

  await answerRefusalsFromLedger(tx, receipts, refused, items);
  await fillStalePayloads(tx, receipts, stalePayloads);
  await writeBatch(tx, principal, state, { applied, touchedValidations, touchedRecords, receivedAt });
  await recordAssignmentStarts(tx, principal.deviceId, starts);
  return receipts;
}
