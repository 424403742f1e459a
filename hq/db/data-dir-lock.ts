import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The file that names the process holding a PGlite data folder. */
export const LOCK_FILE = 'ctpat-hq.lock';

/** The data folders this process holds: a second open here would lose writes just as another process's would. */
const heldHere = new Set<string>();

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    super(
      `HQ's data folder ${dataDir} is in use by another HQ process${pid === null ? '' : ` (pid ${pid})`}, such as ` +
        'the running server. PGlite lets one process at a time open it: stop that process, then run the command ' +
        `again. If no HQ process is running, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

/** Whether a process with this id is running (one we may not signal is still running). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data folder for this process, or throws DataDirInUseError naming the process that has it. PGlite keeps
 * the database in memory and writes it back on its own schedule, so two processes on one folder each confirm
 * their writes and the last to write back silently erases the other's (an admin command beside the server).
 * A lock left by a process that no longer runs (killed) is taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (heldHere.has(lockPath)) throw new DataDirInUseError(dataDir, process.pid);
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      heldHere.add(lockPath);
      return () => {
        heldHere.delete(lockPath);
        if (readHolder(lockPath) === process.pid) unlinkSync(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      // A holder still starting writes its id a moment after creating the file: treat it as running.
      if (holder === null || (holder !== process.pid && isRunning(holder))) {
        throw new DataDirInUseError(dataDir, holder);
      }
      unlinkSync(lockPath);
    }
  }
  throw new DataDirInUseError(dataDir, readHolder(lockPath));
}
