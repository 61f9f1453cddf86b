import pLimit from 'p-limit';

/**
 * Answers a few questions at a time, each started on a fresh turn of the event loop. Retrieval and
 * answer extraction are CPU work on the event loop; with a SQLite store their awaits resolve
 * at once, so 50 questions arriving together would otherwise run back to back in one
 * microtask chain while the other 49 users' deferrals (Discord's 3-second deadline) wait
 * unsent. Starting each on a new turn lets pending network I/O — deferrals, heartbeats —
 * go out in between.
 */
export class AnswerQueue {
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(concurrency: number) {
    this.limit = pLimit(concurrency);
  }

  /**
   * Extractive answers are CPU work: two at a time keep the loop responsive. With an LLM most
   * of a question's time is spent waiting for the model server, so more run at once (which
   * also keeps a burst of questions from flooding that server).
   */
  static forAnswerer(llmProvider: string): AnswerQueue {
    return new AnswerQueue(llmProvider === 'none' ? 2 : 8);
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.limit(async () => {
      // setImmediate, not setTimeout(0): a 1 ms timer set during a longer timers phase fires in
      // that same phase, while an immediate waits for the next loop turn, after the I/O poll.
      await new Promise((resolve) => setImmediate(resolve));
      return work();
    });
  }
}
