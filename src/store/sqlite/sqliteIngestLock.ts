import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { IngestLockedError } from '../errors.js';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the lock, or null when it is free (a lock left by a dead process counts as free). */
export function lockHolder(path: string): string | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as { pid: number; startedAt: string };
    return processAlive(holder.pid) ? `process ${holder.pid}, started ${holder.startedAt}` : null;
  } catch {
    return null;
  }
}

/**
 * A cross-process lock file (O_EXCL create) so two ingestions (CLI, bot, schedule) never
 * write the same store at once. A lock whose process died is taken over.
 */
export function acquireIngestLock(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(path);
      if (holder) throw new IngestLockedError(holder);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new IngestLockedError('unknown process');
}
