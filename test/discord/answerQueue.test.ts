import { describe, expect, it } from 'vitest';
import { AnswerQueue } from '../../src/discord/answerQueue.js';

describe('answer queue', () => {
  it('starts questions on their own turns of the event loop, so pending I/O (deferrals, heartbeats) goes out between them', async () => {
    const queue = AnswerQueue.forAnswerer('none');
    const events: string[] = [];
    const question = (i: number) =>
      queue.run(async () => {
        events.push(`start ${i}`);
        if (i === 0) setImmediate(() => events.push('io')); // the first user's deferral, written to the socket
        await Promise.resolve(); // a store call that resolves at once (SQLite)
        const end = Date.now() + 5;
        while (Date.now() < end); // retrieval: CPU work on the loop
      });
    await Promise.all([0, 1, 2, 3, 4, 5].map(question));
    // Without the queue all six would run before the write goes out; here it goes out before the third.
    expect(events.indexOf('io')).toBeGreaterThan(0);
    expect(events.indexOf('io')).toBeLessThan(events.indexOf('start 2'));
  });

  it('runs two extractive answers at once, eight with an LLM (waiting on the model server)', async () => {
    const most = async (provider: string) => {
      const queue = AnswerQueue.forAnswerer(provider);
      let running = 0;
      let peak = 0;
      await Promise.all(
        Array.from({ length: 12 }, () =>
          queue.run(async () => {
            peak = Math.max(peak, ++running);
            await new Promise((r) => setTimeout(r, 5)); // waiting on I/O (embedding worker, LLM)
            running--;
          }),
        ),
      );
      return peak;
    };
    expect(await most('none')).toBe(2);
    expect(await most('openai')).toBe(8);
  });
});
