import { siblingModule, startThread } from '../../processes/startChild.js';
import { MemoryLexicon, type LexiconParts } from './memoryLexicon.js';

/** Builds the in-memory lexical index of the SQLite file at `path` in a worker thread (lexiconBuildThread.ts). */
export function buildLexiconInThread(path: string): Promise<MemoryLexicon> {
  return new Promise((resolve, reject) => {
    const worker = startThread(siblingModule(import.meta.url, 'lexiconBuildThread'), { workerData: { path } });
    worker.unref(); // a process shutting down does not wait for a build nobody will use
    let done = false;
    worker.once('message', (parts: LexiconParts) => {
      done = true;
      resolve(MemoryLexicon.fromParts(parts));
    });
    worker.once('error', (error) => {
      done = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the index-building thread exited (code ${code}) without a result`));
    });
  });
}
