import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { HashingEmbeddings } from '../src/embeddings/hashingEmbeddings.js';
import { NewsStore } from '../src/store/newsStore.js';
import { buildStore } from './storeFixture.js';

export interface StoreComparisonRow {
  system: string;
  buildSeconds: number;
  queryMs: number;
  saveSeconds: number;
  loadSeconds: number;
}

/**
 * The project's store (SQLite + hnswlib graph, documents included) against langchain's
 * HNSWLib vector store on the same vectors and queries. Both return the passages' text
 * and metadata for each hit.
 */
export async function compareWithLangchain(vectors: Float32Array[], queries: Float32Array[]): Promise<StoreComparisonRow[]> {
  const rows: StoreComparisonRow[] = [];
  const root = mkdtempSync(join(tmpdir(), 'bench-lc-'));
  try {
    // Ours: writing to SQLite is already durable; "save" is the graph file.
    let t = performance.now();
    const { store, texts } = buildStore(join(root, 'ours'), vectors, 'bench-384');
    const buildSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    store.saveVectorIndex();
    const saveSeconds = (performance.now() - t) / 1000;
    store.close();
    t = performance.now();
    const reopened = NewsStore.open(join(root, 'ours'));
    const graph = reopened.vectorIndex()!;
    const loadSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    for (const q of queries) reopened.passagesByIds(graph.search(q, 10).map((h) => h.id));
    rows.push({ system: 'newsdesk (SQLite + hnswlib-node)', buildSeconds, queryMs: (performance.now() - t) / queries.length, saveSeconds, loadSeconds });
    reopened.close();

    // langchain's HNSWLib, same vectors and texts.
    const embeddings = new HashingEmbeddings(vectors[0]!.length);
    t = performance.now();
    const lc = new HNSWLib(embeddings, { space: 'cosine', numDimensions: vectors[0]!.length });
    await lc.addVectors(
      vectors.map((v) => Array.from(v)),
      texts.map((text, i) => new Document({ pageContent: text, metadata: { id: i + 1, source: `bench-${Math.floor(i / 10)}.txt` } })),
    );
    const lcBuild = (performance.now() - t) / 1000;
    t = performance.now();
    await lc.save(join(root, 'langchain'));
    const lcSave = (performance.now() - t) / 1000;
    t = performance.now();
    const loaded = await HNSWLib.load(join(root, 'langchain'), embeddings);
    const lcLoad = (performance.now() - t) / 1000;
    t = performance.now();
    for (const q of queries) await loaded.similaritySearchVectorWithScore(Array.from(q), 10);
    rows.push({ system: 'langchain HNSWLib (@langchain/community)', buildSeconds: lcBuild, queryMs: (performance.now() - t) / queries.length, saveSeconds: lcSave, loadSeconds: lcLoad });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}
