import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_FILES, writeStandInModel } from '../../bench/model/writeStandInModel.js';
import { ingest } from '../../ingest/pipeline.js';
import { parseSourceEntry } from '../../ingest/sources/sourceSpecs.js';
import { loadEmbeddings } from '../../src/embeddings/loadEmbeddings.js';
import { embedPassages } from '../../src/core/ports/newsEmbeddings.js';
import { EmbeddingStoppedError, ProcessEmbeddings } from '../../src/embeddings/processEmbeddings.js';
import { ARTICLES } from '../support/articles.js';
import { CRASH_MARKER } from '../support/crashMarker.js';
import { tempDir } from '../support/tempDir.js';

const TINY_BERT = resolve(import.meta.dirname, '../fixtures/tiny-bert');
const CRASHING_WORKER = new URL('../support/crashingEmbeddingProcess.ts', import.meta.url);
// The real model's form (BERT encoder, XLM-R Unigram tokenizer, fp32 + int8 files), tiny.
const TINY_SHAPE = { layers: 2, hidden: 32, heads: 4, intermediate: 64, vocab: 3000, positions: 512 };

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((sum, x, i) => sum + x * b[i]!, 0);

describe('embedding model in a worker process', () => {
  it('loads the generated stand-in layout (fp32 and int8 files, XLM-R tokenizer) through the production loader', async () => {
    const folder = join(tempDir(), 'multilingual-e5-tiny-stand-in');
    writeStandInModel(folder, TINY_SHAPE);
    for (const file of Object.values(MODEL_FILES)) expect(existsSync(join(folder, file))).toBe(true);
    const vectors: Record<string, Float32Array> = {};
    for (const precision of ['int8', 'fp32'] as const) {
      const { embeddings, status } = await loadEmbeddings({ model: folder, dataDir: tempDir(), precision, threads: 1 });
      expect(status).toEqual({ model: 'local:multilingual-e5-tiny-stand-in', available: true, dimension: 32, reason: null });
      const [passage] = await embedPassages(embeddings!, ['Der Rhein bei Kaub ist auf 78 Zentimeter gefallen.']);
      expect(dot(passage!, passage!)).toBeCloseTo(1, 4);
      vectors[precision] = passage!;
      const query = await embeddings!.embedQuery('Wie niedrig ist der Rhein?');
      expect(query).toHaveLength(32);
      await embeddings!.close();
    }
    // Same random weights, quantized: the int8 file is a different graph giving nearly the same vectors.
    expect(dot(vectors.int8!, vectors.fp32!)).toBeGreaterThan(0.95);
    expect(vectors.int8).not.toEqual(vectors.fp32);
  });

  it('replaces a crashed worker: only the job it held fails, later questions are answered', async () => {
    const embeddings = await ProcessEmbeddings.start({ model: TINY_BERT, cacheDir: tempDir(), threads: 1, workerFile: CRASHING_WORKER });
    const before = await embeddings.embedQuery('river water level');
    await expect(embeddings.embedPassages([`the river ${CRASH_MARKER}`])).rejects.toThrow(/embedding worker crashed \(exit code 7\)/);
    expect(await embeddings.embedQuery('river water level')).toEqual(before);
    await embeddings.close();
  });

  it('reports the article whose embedding crashed the worker and stores the others', async () => {
    const root = tempDir();
    const docs = join(root, 'docs');
    mkdirSync(docs);
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(docs, name), text);
    const [firstName, firstText] = Object.entries(ARTICLES)[0]!;
    writeFileSync(join(docs, firstName), firstText.replace('.\n\n', `. Reported by ${CRASH_MARKER}.\n\n`));
    const embeddings = await ProcessEmbeddings.start({ model: TINY_BERT, cacheDir: tempDir(), threads: 1, workerFile: CRASHING_WORKER });
    const loaded = { embeddings, status: { model: embeddings.modelId, available: true, dimension: embeddings.dimension, reason: null } };
    const summary = await ingest({
      dataDir: join(root, 'data'),
      sources: [parseSourceEntry(docs)],
      embeddings: loaded,
      fetchTimeoutMs: 1000,
      maxArticleBytes: 1e6,
    });
    expect(summary.added).toBe(Object.keys(ARTICLES).length - 1);
    expect(summary.skipped).toEqual([
      { location: expect.stringContaining(firstName), reason: expect.stringMatching(/embedding failed \(embedding worker crashed/) },
    ]);
    await embeddings.close();
  });

  it('shuts down while embedding: running and queued work fails as stopped, the worker process ends', async () => {
    const folder = join(tempDir(), 'multilingual-e5-tiny-stand-in');
    writeStandInModel(folder, { ...TINY_SHAPE, layers: 4, hidden: 128, intermediate: 512 }, ['int8']);
    const embeddings = await ProcessEmbeddings.start({ model: folder, cacheDir: tempDir(), threads: 1, batchSize: 1 });
    const long = Array.from({ length: 300 }, (_, i) => `Passage ${i}: ${'the water level of the river fell again overnight '.repeat(20)}`);
    const work = embeddings.embedPassages(long);
    const question = embeddings.embedQuery('how low is the river?');
    const answerSentences = embeddings.embedPassages(['The river fell.', 'Barges wait.'], { forQuestion: true });
    let workSettled = false;
    const workOutcome = work
      .then(
        () => 'finished',
        (error: unknown) => error,
      )
      .finally(() => (workSettled = true));
    const pid = embeddings.workerPid!;
    // A question and its answer's sentences jump the 300 queued passages: both are done while
    // the passages are still being embedded (waited for, not timed, so a slow machine agrees).
    await expect(question).resolves.toHaveLength(128);
    await expect(answerSentences).resolves.toHaveLength(2);
    expect(workSettled).toBe(false);
    await embeddings.close();
    expect(await workOutcome).toBeInstanceOf(EmbeddingStoppedError);
    await expect(embeddings.embedQuery('again?')).rejects.toBeInstanceOf(EmbeddingStoppedError);
    expect(() => process.kill(pid, 0)).toThrow(); // the worker process is gone
  });
});
