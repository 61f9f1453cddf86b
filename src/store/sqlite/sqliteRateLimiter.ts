import type { QuestionRateLimit } from '../../core/ports/questionRateLimit.js';

/**
 * Per-user sliding-window limit on questions, in this process's memory: a SQLite store
 * serves one bot process (PostgreSQL keeps the limit in a table, pgRateLimiter.ts, so it
 * holds across processes). Returns how long to wait when over the limit so the reply can
 * say when to try again.
 */
export class InProcessRateLimiter implements QuestionRateLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a question; returns null when allowed, else the seconds until the next one is. */
  take(userId: string): number | null {
    const now = this.now();
    const windowStart = now - 60_000;
    const recent = (this.hits.get(userId) ?? []).filter((t) => t > windowStart);
    if (recent.length >= this.perMinute) {
      this.hits.set(userId, recent);
      return Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
    }
    recent.push(now);
    this.hits.set(userId, recent);
    if (this.hits.size > 10_000) this.sweep(windowStart);
    return null;
  }

  private sweep(windowStart: number): void {
    for (const [user, times] of this.hits) if (times.every((t) => t <= windowStart)) this.hits.delete(user);
  }
}
