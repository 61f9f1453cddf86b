import { availableParallelism } from 'node:os';

/** One core stays free for the event loop (Discord heartbeats, answers) while passages are embedded. */
export function defaultEmbeddingThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Passages per inference call. Batching buys nothing on CPU (npm run bench, real-size
 * stand-in, int8, passages/s at batch 1 / 4 / 16: 11.0 / 8.1 / 7.1 and 8.0 / 9.0 / 7.1 in two
 * runs): a batch pads every passage to its longest, and attention grows with the square of
 * that length. One passage per call also bounds how long a question waits behind a
 * re-ingest's embedding, and keeps the worker's memory down (onnxruntime keeps its peak
 * allocation: ~350 MB after single passages, ~950 MB after batches of 16 long ones).
 */
export const DEFAULT_PASSAGE_BATCH = 1;
