/**
 * The real embedding worker, except that a job containing CRASH-THE-WORKER kills the process
 * before the model sees it — a native crash, as far as the parent can tell.
 */
import { CRASH_MARKER } from './crashMarker.js';

process.on('message', (request: { type: string; texts?: string[] }) => {
  if (request.type === 'job' && request.texts?.some((t) => t.includes(CRASH_MARKER))) process.exit(7);
});
await import('../../src/embeddings/embeddingProcess.js');
