import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { parseSourceEntry } from '../../ingest/sources/sourceSpecs.js';
import { KnowledgeBase } from '../../src/core/knowledgeBase.js';
import { loadEmbeddings } from '../../src/embeddings/loadEmbeddings.js';
import { embedPassages } from '../../src/core/ports/newsEmbeddings.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { ARTICLES } from '../support/articles.js';
import { tempDir } from '../support/tempDir.js';

const TINY_BERT = resolve(import.meta.dirname, '../fixtures/tiny-bert');

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

describe('transformers.js embeddings (real ONNX model folder, remote models disabled)', () => {
  it('loads a local model folder and embeds passages and queries as unit vectors', async () => {
    const { embeddings, status } = await loadEmbeddings({ model: TINY_BERT, dataDir: tempDir() });
    expect(status).toEqual({ model: 'local:tiny-bert', available: true, dimension: 16, reason: null });
    const [a, b, c] = await embedPassages(embeddings!, ['river water level', 'the river water level', 'bank rate euro']);
    expect(a).toHaveLength(16);
    expect(cosine(a!, a!)).toBeCloseTo(1, 5);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!));
    const again = await embeddings!.embedQuery('river water level');
    expect(again).toEqual(Array.from(await embeddings!.embedQuery('river water level')));
  });

  it('fails soft with the reason when a model folder is broken', async () => {
    const broken = join(tempDir(), 'broken-model');
    cpSync(TINY_BERT, broken, { recursive: true });
    rmSync(join(broken, 'onnx'), { recursive: true });
    const result = await loadEmbeddings({ model: broken, dataDir: tempDir() });
    expect(result.embeddings).toBeNull();
    expect(result.status).toMatchObject({ model: 'local:broken-model', available: false });
    expect(result.status.reason).toBeTruthy();
  });

  it('embeds every passage with the model, records it in the manifest, and uses its vectors as far as they separate on the store', async () => {
    const root = tempDir();
    const docs = join(root, 'docs');
    mkdirSync(docs);
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(docs, name), text);
    const loadedModel = await loadEmbeddings({ model: TINY_BERT, dataDir: join(root, 'data') });
    const summary = await ingest({
      dataDir: join(root, 'data'),
      sources: [parseSourceEntry(docs)],
      embeddings: loadedModel,
      fetchTimeoutMs: 1000,
      maxArticleBytes: 1e6,
    });
    expect(summary).toMatchObject({ added: 3, vectorsAdded: summary.totalPassages });
    // The fixture's weights are random: whether its vectors tell related from unrelated text is measured, not assumed.
    const separates = summary.vectorCalibration!.separates;
    expect(summary.vectorCalibration).toMatchObject({ model: 'local:tiny-bert', dim: 16 });
    expect(summary.vectorsInUse).toBe(separates);
    const store = SqliteStore.open(join(root, 'data'));
    expect(store.manifest()).toMatchObject({
      retrieval: separates ? 'hybrid (BM25 + vectors)' : 'lexical (BM25) only',
      embedding: { model: 'local:tiny-bert', vectorSpace: { model: 'local:tiny-bert', dim: 16 }, passagesWithoutVectors: 0 },
    });
    const kb = new KnowledgeBase({ store, embeddings: loadedModel.embeddings, embeddingStatus: loadedModel.status });
    const answer = await kb.ask('How much have freight rates for gasoil risen?');
    expect(answer.retrieval).toBe(separates ? 'hybrid' : 'lexical');
    expect(answer.citations[0]!.source).toBe('rhine.txt');
    store.close();
  });
});
