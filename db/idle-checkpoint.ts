import type { Db } from './connection';

/** Pages the WAL may reach before a save checkpoints it itself: the net for an event loop that never idles. */
export const WAL_CEILING_PAGES = 10_000;

/** What the checkpoints between saves have cost so far (each one's duration, in milliseconds). */
export type CheckpointLog = { durationsMs: number[] };

export type BetweenSavesCheckpoints = { log: CheckpointLog; stop: () => void };

/**
 * Copies the WAL into the database between saves instead of inside one. With SQLite's default, the save
 * whose commit crosses 1,000 WAL pages also copies and fsyncs them: an answer that takes ten times as long
 * every few hundred saves. A timer checkpoints once a second when this connection wrote since the last one,
 * so a save waits on a checkpoint only if it arrives during one.
 */
export function checkpointBetweenSaves(db: Db, intervalMs = 1000): BetweenSavesCheckpoints {
  db.pragma(`wal_autocheckpoint = ${WAL_CEILING_PAGES}`);
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  let checkpointedAt = totalChanges.get() as number;
  const log: CheckpointLog = { durationsMs: [] };
  const timer = setInterval(() => {
    if (!db.open) return;
    const changes = totalChanges.get() as number;
    if (changes === checkpointedAt) return;
    checkpointedAt = changes;
    const started = performance.now();
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Read-only, full or locked: the next tick or the ceiling tries again; the saves themselves are durable.
    }
    log.durationsMs.push(performance.now() - started);
  }, intervalMs);
  timer.unref();
  return { log, stop: () => clearInterval(timer) };
}
