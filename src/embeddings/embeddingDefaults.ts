import { availableParallelism } from 'node:os';

/** One core stays free for the event loop (Discord heartbeats, answers) while passages are embedded. */
export function defaultEmbeddingThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Passages per inference call. One is fastest on CPU (npm run bench, real-size stand-in:
 * 11.0 passages/s at 1, 8.1 at 4, 7.1 at 16 with int8): a batch pads every passage to its
 * longest, and attention grows with the square of that length. It also bounds how long a
 * question waits behind a re-ingest's embedding to one passage.
 */
export const DEFAULT_PASSAGE_BATCH = 1;
