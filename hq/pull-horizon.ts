import { setTimeout as sleep } from 'node:timers/promises';
import type { HqQueryable } from './db/types';

/** Transaction ids bounding what a pull may return: below `xmin` every writer has finished; `xmax` is the next id. */
export type PullHorizon = { xmin: string; xmax: string };

export type WriterWait = {
  /** How long a pull waits for writers that were running when it began; after that it answers with what is safe. */
  maxMs?: number;
  pollMs?: number;
  /** Called once when the pull starts waiting (tests finish the writer then). */
  onWaiting?: () => void;
};

const DEFAULT_MAX_WAIT_MS = 2_000;
const DEFAULT_POLL_MS = 10;

async function snapshot(db: HqQueryable): Promise<PullHorizon> {
  const [row] = await db.query<PullHorizon>(
    `SELECT pg_snapshot_xmin(s)::text AS xmin, pg_snapshot_xmax(s)::text AS xmax FROM pg_current_snapshot() AS s`,
  );
  if (!row) throw new Error('PostgreSQL returned no snapshot');
  return row;
}

/**
 * The horizon for one pull. A write that committed before the pull began can still sit above the horizon when
 * another writer (any laptop's push, anywhere in the cluster) was mid-transaction at that moment; without a
 * short wait a reviewer pulling right after an SCSS's push would not see it until the next sync. So the pull
 * waits, briefly and bounded, until every transaction running when it began has finished.
 */
export async function settledHorizon(db: HqQueryable, wait: WriterWait = {}): Promise<PullHorizon> {
  const first = await snapshot(db);
  const target = BigInt(first.xmax);
  let current = first;
  if (BigInt(current.xmin) >= target) return current;
  wait.onWaiting?.();
  const deadline = Date.now() + (wait.maxMs ?? DEFAULT_MAX_WAIT_MS);
  while (BigInt(current.xmin) < target && Date.now() < deadline) {
    await sleep(wait.pollMs ?? DEFAULT_POLL_MS);
    current = await snapshot(db);
  }
  // The first xmax: a cursor at or past it was never issued, whatever began since.
  return { xmin: current.xmin, xmax: first.xmax };
}
