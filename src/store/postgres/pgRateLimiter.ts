import type { QuestionRateLimit } from '../../core/ports/questionRateLimit.js';
import type { PgConnection } from './pgDatabase.js';

const WINDOW_SECONDS = 60;

/**
 * The per-user question limit kept in PostgreSQL, so it holds across every bot process
 * sharing the database. A transaction-level advisory lock per user makes "count, then
 * record" atomic when two processes take for the same user at once.
 */
export class PgRateLimiter implements QuestionRateLimit {
  private taken = 0;

  constructor(
    private readonly db: PgConnection,
    private readonly perMinute: number,
  ) {}

  async take(userId: string): Promise<number | null> {
    const wait = await this.db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('newsbot-rate:' || $1))", [userId]);
      const [row] = await tx.query<{ n: string; wait: number | null }>(
        `SELECT count(*) AS n, ceil(extract(epoch FROM min(at) + interval '${WINDOW_SECONDS} seconds' - now()))::int AS wait
         FROM question_log WHERE user_id = $1 AND at > now() - interval '${WINDOW_SECONDS} seconds'`,
        [userId],
      );
      if (Number(row!.n) >= this.perMinute) return Math.max(1, row!.wait ?? 1);
      await tx.query('INSERT INTO question_log(user_id, at) VALUES ($1, now())', [userId]);
      return null;
    });
    // Old entries are swept now and then, not on every question.
    if (++this.taken % 200 === 0) await this.db.query(`DELETE FROM question_log WHERE at < now() - interval '${2 * WINDOW_SECONDS} seconds'`);
    return wait;
  }
}
