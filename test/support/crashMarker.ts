/** A job containing this text kills the test embedding worker (crashingEmbeddingProcess.ts). */
export const CRASH_MARKER = 'CRASH-THE-WORKER';
