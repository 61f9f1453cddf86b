import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/core/knowledgeBase.js';
import { HashingEmbeddings } from '../../src/embeddings/hashingEmbeddings.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { stats } from '../../src/store/sqlite/sqliteRecords.js';
import { loaded } from '../support/countingEmbeddings.js';
import { runScript, startScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const ARTICLE_COUNT = 400;

/** Every paragraph of an article carries its version, so a mix of two versions is detectable. */
function writeArticles(dir: string, version: number, only?: (i: number) => boolean): void {
  for (let i = 0; i < ARTICLE_COUNT; i++) {
    if (only && !only(i)) continue;
    const paragraphs = Array.from(
      { length: 6 },
      (_, p) =>
        `Report ${i} paragraph ${p} revision v${version}. The harbour authority of town${i} counted ${i * 7 + p} ships this week, and officials said the new quay would open in spring after long delays caused by storms and rising costs.`,
    );
    writeFileSync(join(dir, `article-${i}.txt`), `Harbour report number ${i}\n\n${paragraphs.join('\n\n')}\n`);
  }
}

function checkStore(dataDir: string): void {
  const store = SqliteStore.open(dataDir);
  try {
    const docs = store.sqlite.db.prepare('SELECT id FROM documents').all() as { id: number }[];
    for (const { id } of docs) {
      const texts = (store.sqlite.db.prepare('SELECT text FROM passages WHERE document_id = ?').all(id) as { text: string }[]).map((r) => r.text);
      expect(texts.length, `document ${id} has passages`).toBeGreaterThan(0);
      const versions = new Set(texts.flatMap((t) => t.match(/revision v\d+/g) ?? []));
      expect(versions.size, `document ${id} holds one version`).toBe(1);
    }
    expect(store.sqlite.db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    store.close();
  }
}

describe('crash safety', () => {
  it('leaves a store that loads and answers after ingestion is killed at random instants', async () => {
    const root = tempDir('crash-');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    const env = { DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'hashing-384' };
    writeArticles(docs, 1);
    const embeddings = new HashingEmbeddings(384);
    const counts: number[] = [];
    for (let round = 0; round < 6; round++) {
      if (round > 0) writeArticles(docs, round + 1, (i) => (i + round) % 3 === 0); // a third of the articles change
      const child = startScript('src/cli/ingest.ts', [docs], env);
      const closed = new Promise((r) => child.once('close', r)); // attached now: the run may finish before the kill
      // Kill times spread from start-up to late in the run, with jitter.
      await new Promise((r) => setTimeout(r, 600 + round * 900 + Math.floor(Math.random() * 900)));
      child.kill('SIGKILL');
      await closed;

      checkStore(env.DATA_DIR);
      const store = SqliteStore.open(env.DATA_DIR);
      const kb = new KnowledgeBase({ store, embeddings, embeddingStatus: loaded(embeddings).status });
      const answer = await kb.ask('How many ships did the harbour authority of town7 count?');
      const counted = stats(store.sqlite);
      counts.push(counted.documents);
      if (counted.documents > 0) expect(answer.passages.length).toBeGreaterThan(0);
      store.close();
    }
    console.log(`documents stored at each kill: ${counts.join(', ')}`);
    // A complete run afterwards brings everything up to date, lock left by the killed process notwithstanding.
    const finished = await runScript('src/cli/ingest.ts', [docs, '--json'], env);
    expect(finished.code).toBe(0);
    expect(JSON.parse(finished.stdout)).toMatchObject({ totalArticles: ARTICLE_COUNT });
    checkStore(env.DATA_DIR);
    const store = SqliteStore.open(env.DATA_DIR);
    expect(store.vectorIndex()!.size).toBe(stats(store.sqlite).passages);
    store.close();
  }, 180_000);
});
