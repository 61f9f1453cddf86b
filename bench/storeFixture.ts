import { SqliteStore } from '../src/store/sqlite/sqliteStore.js';
import { writeArticle } from '../src/store/sqlite/sqliteArticles.js';
import type { AnnIndex } from '../src/store/annIndex.js';
import type { ArticleWrite } from '../src/core/ports/knowledgeStore.js';
import { indexTerms } from '../src/core/text/terms.js';
import { makeVocabulary, sentence, zipfSampler } from './synthetic.js';

export const PASSAGES_PER_ARTICLE = 10;

/**
 * Fills a store with synthetic articles whose passages carry the given vectors (passage i
 * gets vector i and, in a fresh store, id i+1). Returns the store, the passage texts and the
 * article writes (so another backend can be filled with exactly the same articles).
 */
export function buildStore(
  dataDir: string,
  vectors: Float32Array[],
  model: string,
  options: { graph?: AnnIndex } = {},
): { store: SqliteStore; texts: string[]; writes: ArticleWrite[]; seconds: number } {
  const started = performance.now();
  const store = SqliteStore.open(dataDir);
  const word = zipfSampler(makeVocabulary(20_000));
  const texts: string[] = [];
  const writes: ArticleWrite[] = [];
  const articles = Math.ceil(vectors.length / PASSAGES_PER_ARTICLE);
  store.sqlite.transaction(() => {
    for (let a = 0; a < articles; a++) {
      const passages = [];
      const start = a * PASSAGES_PER_ARTICLE;
      const end = Math.min(vectors.length, start + PASSAGES_PER_ARTICLE);
      for (let i = start; i < end; i++) {
        const text = Array.from({ length: 5 }, () => sentence(word, 12)).join(' ');
        texts.push(text);
        passages.push({ position: i - start, section: 'body' as const, text, terms: indexTerms(text, 'en').join(' ') });
      }
      const write: ArticleWrite = {
        key: `bench-${a}`,
        sourceId: 'bench',
        rawHash: `r${a}`,
        contentHash: `c${a}`,
        extractorVersion: 1,
        metadata: {
          title: sentence(word, 6),
          published: `2026-0${1 + (a % 9)}-1${a % 9}`,
          language: 'en',
          outlet: 'Bench Wire',
          url: null,
          source: `bench-${a}.txt`,
          location: `/bench/${a}`,
          author: null,
        },
        body: texts.slice(start, end),
        comments: [],
        summaryOnly: false,
        passages,
        vectors: vectors.slice(start, end),
        model,
      };
      writes.push(write);
      writeArticle(store.sqlite, write, '2026-01-01T00:00:00Z');
    }
    store.setVectorSpace({ model, dim: vectors[0]!.length });
  });
  if (options.graph) {
    // The graph built for the vector benchmark has the same labels: save it instead of building twice.
    options.graph.save(store.paths.ann, store.sqlite.generation());
  } else {
    store.vectorIndex({ forWriting: true });
    store.saveVectorIndex();
  }
  return { store, texts, writes, seconds: (performance.now() - started) / 1000 };
}
