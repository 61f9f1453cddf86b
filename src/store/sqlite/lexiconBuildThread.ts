/**
 * Worker thread that builds the in-memory lexical index (memoryLexicon.ts) from the SQLite
 * file: it reads every passage's index terms in one read transaction (a consistent snapshot
 * with its generation), builds the postings, and hands the typed arrays over without copying.
 * Off the main thread so the bot's event loop keeps serving Discord while it runs, and in a
 * thread of its own so the garbage of building (row strings, maps) goes away with the thread
 * instead of staying in the bot's heap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { MemoryLexicon } from './memoryLexicon.js';

const { path } = workerData as { path: string };
const db = new Database(path, { readonly: true, fileMustExist: true });
try {
  const parts = db.transaction(() => {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'generation'").get() as { value: string } | undefined;
    const builder = MemoryLexicon.builder();
    for (const [id, terms] of db.prepare('SELECT id, terms FROM passages ORDER BY id').raw(true).iterate() as IterableIterator<[number, string]>)
      builder.add(id, terms);
    return builder.parts(Number(row?.value ?? '0'));
  })();
  const buffers = [parts.start, parts.postingPassage, parts.postingCount, parts.passageIds, parts.lengths].map((array) => array.buffer as ArrayBuffer);
  parentPort!.postMessage(parts, buffers);
} finally {
  db.close();
}
