import pLimit from 'p-limit';

/**
 * Answers a few questions at a time, each started from a fresh timer tick. Retrieval and
 * answer extraction are CPU work on the event loop; with a SQLite store their awaits resolve
 * at once, so 50 questions arriving together would otherwise run back to back in one
 * microtask chain while the other 49 users' deferrals (Discord's 3-second deadline) wait
 * unsent. Starting each from a timer lets pending network I/O — deferrals, heartbeats —
 * go out in between.
 */
export class AnswerQueue {
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(concurrency = 2) {
    this.limit = pLimit(concurrency);
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.limit(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return work();
    });
  }

  /** Questions waiting for a turn (for /status and logs). */
  get waiting(): number {
    return this.limit.pendingCount;
  }
}
