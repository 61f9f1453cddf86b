import { ChangeStampedCache } from '../rules/changeStampedCache.js';
import type { PgConnection, SqlRunner } from './pgDatabase.js';

export const CHANGES_CHANNEL = 'newsbot_changes';

/** How long changes stay in the sequence; a process whose graph is older rebuilds it once. */
const CHANGE_RETENTION = '1 day';

/** How long cached figures may be trusted without asking for the change sequence. */
const FRESHNESS_MS = 500;

/**
 * The change sequence (`passage_changes`) as this process follows it: every write appends
 * to it and notifies listeners when it commits, so each process knows when what it derived
 * (its vector graph, cached vocabulary figures) is stale. Figures read from the database are
 * cached here until the sequence moves.
 */
export class PgChangeFeed {
  /** Gives the LISTEN session back (once, however many times called); null while none is held. */
  private releaseListener: (() => void) | null = null;
  private listening: Promise<void> | null = null;
  private closed = false;
  private knownSeq = 0;
  private seqCheckedAt = 0;
  /** Vocabulary figures, prefix expansions and the vector space, valid until the change sequence moves. */
  private readonly cache = new ChangeStampedCache<string, unknown>(100_000);

  constructor(private readonly db: PgConnection) {}

  /** The newest change sequence number, asked at most every FRESHNESS_MS unless notified. */
  async latestSeq(): Promise<number> {
    if (Date.now() - this.seqCheckedAt > FRESHNESS_MS) {
      const [row] = await this.db.query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM passage_changes');
      this.knownSeq = Number(row!.seq);
      this.seqCheckedAt = Date.now();
    }
    return this.knownSeq;
  }

  /** A value read from the database, kept until the change sequence moves. */
  async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return (await this.cache.get(await this.latestSeq(), key, compute)) as T;
  }

  /** A write of this process: its own later reads look at the sequence again at once. */
  changed(): void {
    this.seqCheckedAt = 0;
  }

  /**
   * LISTEN for changes committed by other processes, so searches see them without delay. The
   * session is checked after each wait: a store closed meanwhile gets it back at once, since a
   * session still held would keep the pool's end (and the process's shutdown) waiting forever.
   */
  listen(): Promise<void> {
    this.listening ??= (async () => {
      let giveBack = (_error?: Error) => {};
      try {
        const client = await this.db.session();
        let released = false;
        giveBack = (error?: Error) => {
          if (released) return;
          released = true;
          this.releaseListener = null;
          client.release(error ?? true);
        };
        if (this.closed) return giveBack();
        client.on('notification', (message) => {
          const seq = Number(message.payload);
          if (Number.isFinite(seq) && seq > this.knownSeq) this.knownSeq = seq;
          this.seqCheckedAt = Date.now();
        });
        client.on('error', (error) => {
          // Lost connection: fall back to asking for the sequence number (FRESHNESS_MS); the broken session is discarded.
          this.seqCheckedAt = 0;
          giveBack(error);
        });
        await client.query(`LISTEN ${CHANGES_CHANNEL}`);
        if (this.closed) return giveBack();
        this.releaseListener = giveBack;
      } catch {
        giveBack();
      }
    })();
    return this.listening;
  }

  close(): void {
    this.closed = true;
    this.releaseListener?.();
  }
}

/** Records passages added ('a') or removed ('r') in the change sequence. */
export async function recordChanges(tx: SqlRunner, op: 'a' | 'r', passageIds: number[]): Promise<void> {
  await tx.query(`INSERT INTO passage_changes(passage_id, op) SELECT id, '${op}' FROM unnest($1::bigint[]) AS id`, [passageIds]);
}

/** Records a new vector space ('x'): every process rebuilds its graph. */
export async function recordVectorSpaceChange(tx: SqlRunner): Promise<void> {
  await tx.query("INSERT INTO passage_changes(passage_id, op) VALUES (0, 'x')");
}

/** Tells listening processes the newest change number; delivered when the transaction commits. */
export async function notifyChanges(tx: SqlRunner): Promise<void> {
  await tx.query(`SELECT pg_notify('${CHANGES_CHANNEL}', (SELECT coalesce(max(seq), 0)::text FROM passage_changes))`);
}

/**
 * Prunes the change sequence: changes older than CHANGE_RETENTION go (the newest always
 * stays, so the sequence never goes back), and `changes_pruned_through` tells a graph that
 * fell further behind to rebuild.
 */
export async function pruneChanges(db: PgConnection): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ through: string | null }>(
      `WITH gone AS (DELETE FROM passage_changes WHERE at < now() - $1::interval AND seq < (SELECT max(seq) FROM passage_changes) RETURNING seq)
       SELECT max(seq) AS through FROM gone`,
      [CHANGE_RETENTION],
    );
    if (row?.through) {
      await tx.query(
        `INSERT INTO meta(key, value) VALUES ('changes_pruned_through', $1) ON CONFLICT (key)
         DO UPDATE SET value = greatest(meta.value::bigint, excluded.value::bigint)::text`,
        [row.through],
      );
    }
  });
}
