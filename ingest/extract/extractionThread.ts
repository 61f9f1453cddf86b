/** Worker-thread side of the extraction pool: extracts one article per message. */
import { parentPort } from 'node:worker_threads';
import { extractBytes, type BytesOrigin } from './extractBytes.js';

// Loading the modules above (parser, language data) takes a moment: the pool starts the
// clock of an article only once the worker says it is ready.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (task: { id: number; bytes: Uint8Array; origin: BytesOrigin }) => {
  try {
    parentPort!.postMessage({ id: task.id, article: extractBytes(task.bytes, task.origin) });
  } catch (error) {
    parentPort!.postMessage({ id: task.id, error: (error as Error).message || String(error) });
  }
});
