import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { parseLocation } from '../../ingest/sources/sourceSpecs.js';
import { KnowledgeBase } from '../../src/core/knowledgeBase.js';
import { HashingEmbeddings } from '../../src/embeddings/hashingEmbeddings.js';
import type { LoadedEmbeddings } from '../../src/embeddings/loadEmbeddings.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { loaded } from '../support/countingEmbeddings.js';
import { ANSWERABLE_QUESTIONS, HONESTY_ARTICLES, OFF_TOPIC_QUESTIONS } from '../support/honestyCorpus.js';
import { suiteTempDir } from '../support/tempDir.js';
import { SCALE_EMBEDDERS } from '../support/scaleEmbedders.js';

/**
 * The answer gate must hold whatever model is loaded: with each of three embedders of
 * different score scales, off-topic questions are declined and answerable ones answered from
 * the right article.
 */
describe.each(SCALE_EMBEDDERS)('answers stay honest with $name', ({ load }) => {
  let kb: KnowledgeBase;
  let store: SqliteStore;
  let embeddings: LoadedEmbeddings;

  beforeAll(async () => {
    embeddings = await load();
    expect(embeddings.status.available).toBe(true);
    const root = suiteTempDir('honesty-');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    for (const [name, text] of Object.entries(HONESTY_ARTICLES)) writeFileSync(join(docs, name), text);
    const summary = await ingest({ dataDir: join(root, 'data'), sources: [parseLocation(docs)], embeddings, fetchTimeoutMs: 1000, maxArticleBytes: 1e6 });
    expect(summary.vectorCalibration).not.toBeNull();
    store = SqliteStore.open(join(root, 'data'));
    kb = new KnowledgeBase({ store, embeddings: embeddings.embeddings, embeddingStatus: embeddings.status });
  });
  afterAll(async () => {
    await store?.close();
    await embeddings?.embeddings?.close();
  });

  it('declines every off-topic question, in five languages', async () => {
    for (const question of OFF_TOPIC_QUESTIONS) {
      const answer = await kb.ask(question);
      expect(answer.noAnswer, `${question} -> ${answer.answer} (${answer.decision?.reason})`).toBe(true);
      expect(answer.decision?.answered).toBe(false);
    }
  });

  it('answers each covered question from the right article', async () => {
    for (const { question, source, answer: expected } of ANSWERABLE_QUESTIONS) {
      const answer = await kb.ask(question);
      expect(answer.noAnswer, `${question} (${answer.decision?.reason})`).toBe(false);
      expect(answer.citations[0]?.source).toBe(source);
      expect(answer.answer).toContain(expected);
    }
  });

  it('shows the evidence: relevance, similarity and calibrated margin per passage, and the decision', async () => {
    const answer = await kb.ask(ANSWERABLE_QUESTIONS[0]!.question);
    const vectorsUsed = (await kb.vectorUse()).embeddings !== null;
    for (const passage of answer.passages) {
      expect(passage.relevance).toBeGreaterThanOrEqual(0);
      if (vectorsUsed) {
        expect(typeof passage.similarity).toBe('number');
        expect(typeof passage.margin).toBe('number');
      } else {
        expect(passage.margin).toBeNull();
      }
    }
    expect(answer.decision).toMatchObject({ answered: true, thresholds: { origin: 'default' } });
    expect(answer.decision!.reason).toMatch(/^answered by (words|meaning)/);
  });
});

/** Vectors that carry nothing: each text gets its own pseudo-random direction (a hash of the whole text). */
class MeaninglessEmbeddings extends HashingEmbeddings {
  override readonly modelId = 'meaningless-fake';
  override embedText(text: string): Float32Array {
    const vector = new Float32Array(this.dimension);
    let seed = createHash('sha256').update(text).digest().readUInt32LE(0);
    for (let d = 0; d < vector.length; d++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; // a small LCG: deterministic noise
      vector[d] = seed / 2 ** 32 - 0.5;
    }
    const norm = Math.hypot(...vector);
    return vector.map((x) => x / norm);
  }
}

describe('a model whose vectors do not separate on the store', () => {
  it('adds nothing: answers are exactly the lexical ones, and the summary, ask --json and /status say why', async () => {
    const root = suiteTempDir('meaningless-');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    for (const [name, text] of Object.entries(HONESTY_ARTICLES)) writeFileSync(join(docs, name), text);
    const model = loaded(new MeaninglessEmbeddings());
    const summary = await ingest({
      dataDir: join(root, 'vectors'),
      sources: [parseLocation(docs)],
      embeddings: model,
      fetchTimeoutMs: 1000,
      maxArticleBytes: 1e6,
    });
    expect(summary.vectorCalibration).toMatchObject({ separates: false });
    expect(summary.vectorsInUse).toBe(false);
    const { formatSummary } = await import('../../ingest/summary.js');
    expect(formatSummary(summary)).toMatch(/vectors do not separate related from unrelated text on this store/);
    await ingest({
      dataDir: join(root, 'lexical'),
      sources: [parseLocation(docs)],
      embeddings: { embeddings: null, status: { model: 'none', available: false, dimension: null, reason: 'test' } },
      fetchTimeoutMs: 1000,
      maxArticleBytes: 1e6,
    });

    const withModel = SqliteStore.open(join(root, 'vectors'));
    const lexical = SqliteStore.open(join(root, 'lexical'));
    const kbModel = new KnowledgeBase({ store: withModel, embeddings: model.embeddings, embeddingStatus: model.status });
    const kbLexical = new KnowledgeBase({
      store: lexical,
      embeddings: null,
      embeddingStatus: { model: 'none', available: false, dimension: null, reason: 'test' },
    });
    for (const question of [...ANSWERABLE_QUESTIONS.map((q) => q.question), ...OFF_TOPIC_QUESTIONS]) {
      const a = await kbModel.ask(question);
      const b = await kbLexical.ask(question);
      expect(a.retrieval).toBe('lexical');
      expect({ answer: a.answer, sources: a.citations.map((c) => c.source) }).toEqual({ answer: b.answer, sources: b.citations.map((c) => c.source) });
    }
    expect(await kbModel.limitations()).toEqual([expect.stringMatching(/do not separate related from unrelated text on this store/)]);
    const { statusReport } = await import('../../src/discord/statusReport.js');
    const status = await statusReport({ kb: kbModel, reingest: { current: () => null }, startedAt: Date.now() } as unknown as Parameters<
      typeof statusReport
    >[0]);
    expect(status).toMatch(/vectors not in use \(the model's vectors do not separate/);
    await withModel.close();
    await lexical.close();
  });
});
