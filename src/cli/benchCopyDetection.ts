/**
 * What recognising copies costs an ingest, next to extraction:
 *
 *   node dist/src/cli/benchCopyDetection.js --docs DIR
 *
 * Extracts every file of DIR (in this thread, as one extraction worker does), then runs copy
 * detection for each article against a real SQLite store in a temporary folder, writing the
 * story heads (with their band keys) and copies as ingest does, and prints both times per article.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CopyDetector } from '../../ingest/copies/copyDetector.js';
import { extractBytes } from '../../ingest/extract/extractBytes.js';
import { toWrite } from '../../ingest/stages/prepareWrite.js';
import { chunkArticle } from '../../ingest/chunk.js';
import { SqliteStore } from '../store/sqlite/sqliteStore.js';

const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

async function measure(dir: string): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|md|html?)$/i.test(f))
    .sort();
  let started = process.hrtime.bigint();
  const articles = files.map((f) => ({
    key: join(dir, f),
    article: extractBytes(readFileSync(join(dir, f)), { location: join(dir, f), source: f, url: null }),
  }));
  const extractionMs = elapsedMs(started);
  const dataDir = mkdtempSync(join(tmpdir(), 'copy-cost-'));
  const store = SqliteStore.open(dataDir);
  try {
    const detector = new CopyDetector(store);
    let detectionMs = 0;
    let copies = 0;
    for (const { key, article } of articles) {
      started = process.hrtime.bigint();
      const place = await detector.classify(key, article, false);
      detectionMs += elapsedMs(started);
      const passages = place.copyOf ? chunkArticle({ ...article, body: [], comments: place.ownComments }) : chunkArticle(article);
      const { write } = toWrite({ key, sourceId: dir, rawHash: key, location: key }, article, passages, key, false);
      await store.writeArticle({ ...write, copyOf: place.copyOf, fingerprint: place.fingerprint });
      if (place.copyOf) copies++;
    }
    const per = (ms: number) => `${(ms / articles.length).toFixed(3)} ms`;
    console.log(`${articles.length} articles, ${copies} recognised as copies`);
    console.log(`extraction per article: ${per(extractionMs)}; copy detection per article (fingerprint + store look-up): ${per(detectionMs)}`);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({ options: { docs: { type: 'string' } } });
if (!values.docs) {
  console.error('usage: node dist/src/cli/benchCopyDetection.js --docs DIR');
  process.exit(2);
}
await measure(values.docs);
