import { IngestLockedError } from '../errors.js';
import type { PgConnection } from './pgDatabase.js';

/** Advisory lock key: one ingest at a time across every process. */
const INGEST_LOCK = 0x6e657773; // "news"

/**
 * Takes the one-ingest-at-a-time lock as a session-level advisory lock: held by this
 * connection, freed by PostgreSQL if the process dies. Throws IngestLockedError naming the
 * holder when another process has it; returns its release.
 */
export async function acquireIngestLock(db: PgConnection): Promise<() => Promise<void>> {
  const session = await db.session();
  try {
    const [row] = (await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [INGEST_LOCK])).rows;
    if (!row!.locked) {
      const holder = (
        await session.query<{ name: string; since: string }>(
          `SELECT a.application_name AS name, a.backend_start::text AS since FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted LIMIT 1`,
          [INGEST_LOCK],
        )
      ).rows[0];
      throw new IngestLockedError(holder ? `${holder.name}, connected ${holder.since}` : 'another process');
    }
  } catch (error) {
    session.release();
    throw error;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await session.query('SELECT pg_advisory_unlock($1)', [INGEST_LOCK]);
      session.release();
    } catch (error) {
      session.release(error as Error); // a broken session is closed, which frees the lock
    }
  };
}
